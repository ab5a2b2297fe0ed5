import { z } from "zod";
import { ipv4, byProc } from "./common";

// Network connections, DNS queries and named pipes.

export const NetworkConnect = z.object({
  ...byProc,
  kind: z.literal("network.connect"),
  protocol: z.enum(["tcp", "udp"]).default("tcp"),
  /** A host of the environment (name or role) or a DNS name resolved earlier, or an IP. */
  remote: z.string().min(1).max(255),
  port: z.number().int().min(1).max(65535),
  /** false: an inbound connection accepted by `proc`. */
  initiated: z.boolean().default(true),
});
export const DnsQuery = z.object({
  ...byProc,
  kind: z.literal("dns.query"),
  name: z.string().min(1).max(255),
  /** IPs the name resolves to; the world picks stable ones when absent. */
  answers: z.array(ipv4).max(16).optional(),
  /** DNS status, 0 = success, 9003 = NXDOMAIN. */
  status: z.number().int().min(0).default(0),
});
export const PipeCreate = z.object({
  ...byProc,
  kind: z.literal("pipe.create"),
  pipe: z.string().min(1).max(256),
});
export const PipeConnect = z.object({
  ...byProc,
  kind: z.literal("pipe.connect"),
  pipe: z.string().min(1).max(256),
});

/** Network actions, in the order of the Action union. */
export const networkActions = [NetworkConnect, DnsQuery, PipeCreate, PipeConnect] as const;
