import { readFileSync, statSync } from "node:fs";
import type { Command } from "commander";
import { verifyBundle } from "@/lib/bundle/verify";
import { CheckFailed, UsageError } from "../errors";

interface VerifyCliOptions {
  publicKey?: string;
  json?: boolean;
}

function readFile(path: string, what: string): Buffer {
  try {
    if (!statSync(path).isFile()) throw new UsageError(`${what} ${path} is not a file`);
    return readFileSync(path);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(
      `cannot read ${what} ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  }
}

export function registerVerify(program: Command): void {
  program
    .command("verify")
    .description("check a bundle's Ed25519 signature and the SHA-256 of every file in it")
    .argument("<bundle>", "bundle zip downloaded from Mimicry")
    .option(
      "--public-key <file>",
      "trust only this public key (PEM, or raw base64) instead of the manifest's",
    )
    .option("--json", "print the verification result as JSON")
    .addHelpText(
      "after",
      "\nExit codes: 0 verified, 1 a file does not match or the signature is bad, 2 bad usage.",
    )
    .action((bundlePath: string, opts: VerifyCliOptions) => {
      const zip = readFile(bundlePath, "bundle");
      const publicKey = opts.publicKey ? readFile(opts.publicKey, "public key").toString("utf8") : undefined;
      const result = verifyBundle(zip, { publicKey });
      if (opts.json) {
        const { manifest, ...rest } = result;
        process.stdout.write(`${JSON.stringify({ ...rest, files: manifest?.files.length ?? 0 }, null, 2)}\n`);
      }
      if (!result.ok) {
        const first = result.problems[0];
        const more = result.problems.length > 1 ? ` (+${result.problems.length - 1} more problem(s))` : "";
        throw new CheckFailed(`${bundlePath}: ${first.message}${more}`);
      }
      if (!opts.json) {
        const m = result.manifest!;
        process.stdout.write(
          `${bundlePath}: OK — ${result.filesChecked} files match; signed by key ${result.fingerprint}\n` +
            `scenario "${m.scenario.title}", seed ${m.run.seed}, engine ${m.run.engineVersion}, ATT&CK ${m.run.attackVersion ?? "?"}\n`,
        );
      }
    });
}
