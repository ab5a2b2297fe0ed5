import { Command, CommanderError } from "commander";
import { ConfigError } from "@/lib/config/schema";
import { commands } from "./commands";
import { CheckFailed, EXIT, UsageError } from "./errors";

export function buildProgram(): Command {
  const program = new Command("mimicry")
    .description("Synthetic attack telemetry: ATT&CK techniques in, coherent Windows logs out.")
    .version("0.1.0")
    .showHelpAfterError(false)
    .exitOverride()
    .configureOutput({ outputError: () => {} });
  for (const register of commands) register(program);
  for (const sub of program.commands) sub.exitOverride().configureOutput({ outputError: () => {} });
  return program;
}

/** Runs the CLI and returns the process exit code instead of exiting, so tests can call it. */
export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: "user" });
    return EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (
        error.code === "commander.helpDisplayed" ||
        error.code === "commander.version" ||
        error.code === "commander.help"
      )
        return EXIT.ok;
      if (error.code === "commander.executeSubCommandAsync") return EXIT.ok;
      process.stderr.write(`mimicry: ${error.message.replace(/^error: /, "")}\n`);
      return EXIT.usage;
    }
    if (error instanceof UsageError || error instanceof ConfigError) {
      process.stderr.write(`mimicry: ${error.message}\n`);
      return EXIT.usage;
    }
    if (error instanceof CheckFailed) {
      process.stderr.write(`mimicry: ${error.message}\n`);
      return EXIT.failed;
    }
    process.stderr.write(`mimicry: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT.failed;
  }
}
