/** Time formatting for the hot loop: the date part is cached per second. */

// Two slots: action times and event times (a little later) alternate across a second boundary.
let cachedSecond = -1;
let cachedIso = "";
let otherSecond = -1;
let otherIso = "";

/** "2025-10-25T17:41:46" for a time in microseconds since the Unix epoch. */
function isoSecond(us: number): string {
  const sec = Math.floor(us / 1_000_000);
  if (sec === cachedSecond) return cachedIso;
  const prevSecond = cachedSecond;
  const prevIso = cachedIso;
  cachedSecond = sec;
  cachedIso = sec === otherSecond ? otherIso : new Date(sec * 1000).toISOString().slice(0, 19);
  otherSecond = prevSecond;
  otherIso = prevIso;
  return cachedIso;
}

function frac(us: number): number {
  const f = us % 1_000_000;
  return f < 0 ? f + 1_000_000 : f;
}

/** Windows SystemTime with 7 fractional digits: the 7th (100 ns) digit is given. */
export function systemTime(us: number, tick = 0): string {
  return `${isoSecond(us)}.${String(frac(us) * 10 + tick).padStart(7, "0")}Z`;
}

/** Sysmon's UtcTime: "2025-10-25 17:41:46.742". */
let utcSecond = -1;
let utcPrefix = "";

export function sysmonUtc(us: number): string {
  const sec = Math.floor(us / 1_000_000);
  if (sec !== utcSecond) {
    const iso = isoSecond(us);
    utcSecond = sec;
    utcPrefix = `${iso.slice(0, 10)} ${iso.slice(11)}.`;
  }
  const ms = Math.floor(frac(us) / 1000);
  return utcPrefix + (ms >= 100 ? String(ms) : ms >= 10 ? `0${ms}` : `00${ms}`);
}

/** Parses "…T…Z" SystemTime (any fraction length) to microseconds; NaN when malformed. */
export function parseSystemTime(text: string): number {
  const m = /^(\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2})(?:\.(\d{1,9}))?Z?$/.exec(text);
  if (!m) return NaN;
  const base = Date.parse(`${m[1].replace(" ", "T")}Z`);
  if (Number.isNaN(base)) return NaN;
  const fracUs = m[2] ? Number((m[2] + "000000").slice(0, 6)) : 0;
  return base * 1000 + fracUs;
}

/** ISO 8601 → microseconds since the epoch. */
export function isoToUs(iso: string): number {
  return Date.parse(iso) * 1000;
}
