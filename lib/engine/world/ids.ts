import type { Rng } from "../rng";
import type { Host } from "./types";

/**
 * Per-host identifier allocation, Windows-style: process and thread IDs share one table of multiples of 4,
 * handed out with irregular strides and never reused while alive; Sysmon GUIDs embed the machine prefix,
 * the creation time in seconds and a process-object counter.
 */
export class HostIds {
  private next: number;
  private readonly live = new Set<number>();
  private counter: number;
  private logonNext: number;

  constructor(
    private readonly host: Host,
    private readonly rng: Rng,
  ) {
    this.next = 4;
    this.counter = rng.int(0x40, 0x90);
    this.logonNext = rng.int(0x30000, 0x90000);
  }

  /** A fixed ID (System = 4); reserved so it is never handed out again while alive. */
  reserve(id: number): number {
    this.live.add(id);
    return id;
  }

  /** Next free ID, a multiple of 4. `spread` widens the stride (boot uses small strides). */
  allocate(spread = 40): number {
    for (;;) {
      this.next += 4 * this.rng.int(1, spread);
      if (this.next > 24_000) this.next = 4 * this.rng.int(100, 400);
      if (!this.live.has(this.next)) {
        this.live.add(this.next);
        return this.next;
      }
    }
  }

  release(id: number): void {
    this.live.delete(id);
  }

  isLive(id: number): boolean {
    return this.live.has(id);
  }

  /** Sysmon ProcessGuid for a process created at `us`. */
  processGuid(us: number): string {
    this.counter += this.rng.int(1, 3);
    if (this.counter > 0xffff) this.counter = 0x40;
    const c = this.counter;
    const counterLe = `${hex2(c & 0xff)}${hex2(c >>> 8)}`;
    return `${this.host.guidPrefix}-${timeWords(us)}-${counterLe}-${this.host.guidSuffix}`;
  }

  /** Next LogonId (numbers grow over uptime with gaps for unseen logons). */
  logonId(): number {
    this.logonNext += this.rng.int(0x200, 0x9000);
    return this.logonNext;
  }

  /** Sysmon LogonGuid: machine prefix, logon time, then the LogonId's bytes little-endian. */
  logonGuid(logonId: number, us: number): string {
    const b = [logonId & 0xff, (logonId >>> 8) & 0xff, (logonId >>> 16) & 0xff, (logonId >>> 24) & 0xff];
    return `${this.host.guidPrefix}-${timeWords(us)}-${hex2(b[0])}${hex2(b[1])}-${hex2(b[2])}${hex2(b[3])}00000000`;
  }
}

/** Byte → two uppercase hex digits (a table: process GUIDs are built per background process). */
const HEX2 = Array.from({ length: 256 }, (_, i) => i.toString(16).toUpperCase().padStart(2, "0"));
function hex2(n: number): string {
  return n < 256 ? HEX2[n] : n.toString(16).toUpperCase().padStart(2, "0");
}

/** "0BDA-68FD": low then high 16 bits of the Unix time in seconds. */
function timeWords(us: number): string {
  const secs = Math.floor(us / 1_000_000) >>> 0;
  // Background processes start many times a second: the last second's text is reused.
  if (secs === lastWords.secs) return lastWords.text;
  const lo = (secs & 0xffff).toString(16).toUpperCase().padStart(4, "0");
  const hi = (secs >>> 16).toString(16).toUpperCase().padStart(4, "0");
  lastWords.secs = secs;
  return (lastWords.text = `${lo}-${hi}`);
}
/** A field pair rather than two module variables: a double held in a variable is re-boxed on each write. */
const lastWords = { secs: -1, text: "" };
