/** Time formatting for the hot loop: the date part is cached per second, digits come from tables. */

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
  cachedIso =
    sec === otherSecond
      ? otherIso
      : inFastRange(sec)
        ? `${dateOf(sec)}T${clockOf(sec)}`
        : new Date(sec * 1000).toISOString().slice(0, 19);
  otherSecond = prevSecond;
  otherIso = prevIso;
  return cachedIso;
}

// Events of long runs are seconds apart: build "date" + "clock" from a per-day cache and digit tables
// instead of a Date and toISOString per second. Outside 1970-9999 toISOString's own format is kept.
const DIGITS2 = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, "0"));
let dayNumber = NaN;
let dayText = "";

function inFastRange(sec: number): boolean {
  return sec >= 0 && sec < 253_402_300_800;
}

/** "2025-10-25" */
function dateOf(sec: number): string {
  const day = Math.floor(sec / 86_400);
  if (day !== dayNumber) {
    dayNumber = day;
    dayText = new Date(day * 86_400_000).toISOString().slice(0, 10);
  }
  return dayText;
}

/** "17:41:46" */
function clockOf(sec: number): string {
  const rem = sec - Math.floor(sec / 86_400) * 86_400;
  const h = Math.floor(rem / 3600);
  const m = Math.floor((rem - h * 3600) / 60);
  return `${DIGITS2[h]}:${DIGITS2[m]}:${DIGITS2[rem - h * 3600 - m * 60]}`;
}

function frac(us: number): number {
  const f = us % 1_000_000;
  return f < 0 ? f + 1_000_000 : f;
}

/** "000" … "999": table lookups instead of String() + padStart per field. */
const DIGITS3 = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, "0"));
const TICK_Z = Array.from({ length: 10 }, (_, i) => `${i}Z`);

// The last SystemTime built and its first 26 characters, for microsecondTime below.
let lastSystemTime = "";
let lastMicros = "";
let dotSecond = NaN;
let dotPrefix = "";

/** Windows SystemTime with 7 fractional digits: the 7th (100 ns) digit is given. */
export function systemTime(us: number, tick = 0): string {
  const f = frac(us);
  if (!Number.isInteger(f) || !(tick >= 0 && tick <= 9 && Number.isInteger(tick)))
    return `${isoSecond(us)}.${String(f * 10 + tick).padStart(7, "0")}Z`;
  const sec = Math.floor(us / 1_000_000);
  if (sec !== dotSecond) {
    dotSecond = sec;
    dotPrefix = `${isoSecond(us)}.`;
  }
  lastMicros = dotPrefix + DIGITS3[Math.floor(f / 1000)] + DIGITS3[f % 1000];
  return (lastSystemTime = lastMicros + TICK_Z[tick]);
}

/**
 * The 6-fractional-digit form of a 7-digit SystemTime ("…46.744119Z", as evtx_dump prints). Serializers
 * usually get the string systemTime just built: reuse its parts instead of slicing, which would copy
 * the whole (concatenated) string.
 */
export function microsecondTime(time: string): string {
  if (time === lastSystemTime) return `${lastMicros}Z`;
  return time.length === 28 ? `${time.slice(0, 26)}Z` : time;
}

/** Sysmon's UtcTime: "2025-10-25 17:41:46.742". */
let utcSecond = -1;
let utcPrefix = "";

export function sysmonUtc(us: number): string {
  const sec = Math.floor(us / 1_000_000);
  if (sec !== utcSecond) {
    utcSecond = sec;
    if (inFastRange(sec)) utcPrefix = `${dateOf(sec)} ${clockOf(sec)}.`;
    else {
      const iso = isoSecond(us);
      utcPrefix = `${iso.slice(0, 10)} ${iso.slice(11)}.`;
    }
  }
  const ms = Math.floor(frac(us) / 1000);
  return utcPrefix + (DIGITS3[ms] ?? (ms >= 100 ? String(ms) : ms >= 10 ? `0${ms}` : `00${ms}`));
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
