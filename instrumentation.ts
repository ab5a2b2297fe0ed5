// Runs once when the Next server starts: a bad environment variable stops start-up with a clear message.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { checkConfigAtStartup } = await import("./lib/config/startup");
    checkConfigAtStartup();
  }
}
