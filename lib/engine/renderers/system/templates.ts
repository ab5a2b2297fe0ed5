import { defineTemplate } from "../../event";

/**
 * Service Control Manager events in the System channel. SCM is a manifest provider that also registers the
 * legacy event source, so its events carry EventSourceName and Qualifiers (16384 = informational severity
 * bits of the old NTSTATUS-style event ID) beside the manifest System fields.
 */
const scm = {
  name: "Service Control Manager",
  guid: "555908D1-A6D7-4695-8E1E-26931D2012F4",
  eventSourceName: "Service Control Manager",
} as const;

const scmBase = {
  provider: scm,
  qualifiers: 16384,
  version: 0,
  level: 4,
  task: 0,
  opcode: 0,
  keywords: "0x8080000000000000",
  channel: "System",
} as const;

/** 7045 "A service was installed in the system." Security UserID is the installing account. */
export const serviceInstalled = defineTemplate({
  ...scmBase,
  key: "system/7045",
  eventId: 7045,
  fields: ["ServiceName", "ImagePath", "ServiceType", "StartType", "AccountName"],
});

/**
 * 7036 "The %1 service entered the %2 state." param1 is the display name; Binary is the UTF-16LE service key
 * name, "/", the numeric SERVICE_STATUS state (4 running, 1 stopped) and a NUL, as hex.
 */
export const serviceStateChanged = defineTemplate({
  ...scmBase,
  key: "system/7036",
  eventId: 7036,
  fields: ["param1", "param2", "Binary:binary"],
});

export const systemTemplates = [serviceInstalled, serviceStateChanged] as const;

/** SERVICE_STATUS dwCurrentState values SCM writes into the 7036 binary. */
export const serviceStateCodes = { running: 4, stopped: 1 } as const;

/** Uppercase hex of the UTF-16LE bytes of `text` followed by a NUL character (what SCM puts in 7036). */
export function utf16HexZ(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    out += hexByte(code & 0xff) + hexByte(code >>> 8);
  }
  return out + "0000";
}

/** The inverse of utf16HexZ (tests and parsers). */
export function fromUtf16HexZ(hex: string): string {
  let out = "";
  for (let i = 0; i + 3 < hex.length; i += 4) {
    const code = parseInt(hex.slice(i, i + 2), 16) | (parseInt(hex.slice(i + 2, i + 4), 16) << 8);
    if (code === 0) break;
    out += String.fromCharCode(code);
  }
  return out;
}

function hexByte(n: number): string {
  return n.toString(16).toUpperCase().padStart(2, "0");
}
