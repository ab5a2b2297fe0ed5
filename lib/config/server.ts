import "server-only";
import { parseConfig, type MimicryConfig } from "./schema";

let cached: MimicryConfig | undefined;

/** The server's configuration, parsed once. A bad value throws at start-up (see instrumentation.ts). */
export function serverConfig(): MimicryConfig {
  cached ??= parseConfig(process.env);
  return cached;
}
