import { ConfigError, parseConfig } from "./schema";

/** Parses the environment once at server start; exits with the variable's name and what it expects. */
export function checkConfigAtStartup(): void {
  try {
    parseConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`mimicry: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
}
