// Runs once when the Next server starts: a bad environment variable stops start-up with a clear message.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { parseConfig, ConfigError } = await import("./lib/config/schema");
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
