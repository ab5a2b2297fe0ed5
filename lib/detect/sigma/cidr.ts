import { SigmaError } from "./errors";

/** An IPv4 or IPv6 network compiled to a bigint prefix test, so matching parses only the event's address. */
export interface Cidr {
  version: 4 | 6;
  network: bigint;
  mask: bigint;
}

function parseV4(text: string): bigint | undefined {
  const parts = text.split(".");
  if (parts.length !== 4) return undefined;
  let value = 0n;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part) || Number(part) > 255) return undefined;
    value = (value << 8n) | BigInt(Number(part));
  }
  return value;
}

function parseV6(text: string): bigint | undefined {
  let address = text.split("%")[0];
  let tail: bigint[] = [];
  const lastColon = address.lastIndexOf(":");
  if (address.slice(lastColon + 1).includes(".")) {
    const v4 = parseV4(address.slice(lastColon + 1));
    if (v4 === undefined) return undefined;
    tail = [v4 >> 16n, v4 & 0xffffn];
    address = address.slice(0, lastColon + 1) + "0:0";
  }
  const halves = address.split("::");
  if (halves.length > 2) return undefined;
  const head = halves[0] ? halves[0].split(":") : [];
  const rest = halves.length === 2 && halves[1] ? halves[1].split(":") : [];
  const missing = 8 - head.length - rest.length;
  if ((halves.length === 1 && missing !== 0) || missing < 0) return undefined;
  const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill("0"), ...rest];
  let value = 0n;
  for (const group of groups) {
    if (!/^[0-9a-f]{1,4}$/i.test(group)) return undefined;
    value = (value << 16n) | BigInt(parseInt(group, 16));
  }
  if (tail.length) value = (value & ~0xffffffffn) | (tail[0] << 16n) | tail[1];
  return value;
}

/** Parses an address: IPv4, IPv6 or IPv4-mapped IPv6 (matched as IPv4). */
export function parseIp(text: string): { version: 4 | 6; value: bigint } | undefined {
  const trimmed = text.trim().replace(/^\[|\]$/g, "");
  const v4 = parseV4(trimmed);
  if (v4 !== undefined) return { version: 4, value: v4 };
  const v6 = trimmed.includes(":") ? parseV6(trimmed) : undefined;
  if (v6 === undefined) return undefined;
  if (v6 >> 32n === 0xffffn) return { version: 4, value: v6 & 0xffffffffn };
  return { version: 6, value: v6 };
}

export function parseCidr(text: string): Cidr {
  const [address, bitsText] = text.trim().split("/");
  const ip = parseIp(address);
  const width = ip?.version === 4 ? 32 : 128;
  const bits = bitsText === undefined ? width : Number(bitsText);
  if (!ip || !/^\d*$/.test(bitsText ?? "") || !Number.isInteger(bits) || bits < 0 || bits > width) {
    throw new SigmaError("VALUE", `'${text}' is not an IPv4 or IPv6 CIDR network`);
  }
  const all = (1n << BigInt(width)) - 1n;
  const mask = bits === 0 ? 0n : (all >> BigInt(width - bits)) << BigInt(width - bits);
  return { version: ip.version, network: ip.value & mask, mask };
}

export function cidrContains(cidr: Cidr, address: string): boolean {
  const ip = parseIp(address);
  return ip !== undefined && ip.version === cidr.version && (ip.value & cidr.mask) === cidr.network;
}
