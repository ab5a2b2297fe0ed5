/**
 * The MOF text WMI's IWbemClassObject::GetObjectText gives for the filter and consumer that 5861 quotes in
 * PossibleCause: a leading newline, "instance of Class", non-null properties in alphabetical order, strings
 * quoted with \ and " escaped, byte arrays as {1, 5, …}, LF line ends.
 */
export type MofValue = string | number | readonly number[];

export function mofInstance(className: string, properties: Record<string, MofValue>): string {
  const lines = Object.keys(properties)
    .sort((a, b) => a.localeCompare(b, "en"))
    .map((name) => `\t${name} = ${mofValue(properties[name])};`);
  return `\ninstance of ${className}\n{\n${lines.join("\n")}\n};\n`;
}

function mofValue(value: MofValue): string {
  if (typeof value === "number") return String(value);
  if (typeof value === "string") return `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
  return `{${value.join(", ")}}`;
}

/** A SID string as its binary form's bytes (revision, count, 48-bit big-endian authority, LE sub-authorities). */
export function sidBytes(sid: string): number[] {
  const parts = sid.split("-");
  if (parts.length < 3 || parts[0] !== "S") throw new Error(`not a SID: ${sid}`);
  const revision = Number(parts[1]);
  const authority = Number(parts[2]);
  const subs = parts.slice(3).map(Number);
  const bytes = [revision, subs.length];
  for (let shift = 40; shift >= 0; shift -= 8) bytes.push(Math.floor(authority / 2 ** shift) & 0xff);
  for (const sub of subs)
    bytes.push(sub & 0xff, (sub >>> 8) & 0xff, (sub >>> 16) & 0xff, (sub >>> 24) & 0xff);
  return bytes;
}
