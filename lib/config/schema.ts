import { z } from "zod";

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

const positiveInt = (fallback: number) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === "") return fallback;
      const n = Number(v);
      if (!Number.isInteger(n) || n <= 0) {
        ctx.addIssue({ code: "custom", message: "a positive integer" });
        return z.NEVER;
      }
      return n;
    });

/** Every environment variable Mimicry reads. README.md and .env.example list the same set. */
export const configSchema = z.object({
  PORT: positiveInt(3000).pipe(z.number().max(65535, "a TCP port (1-65535)")),
  DATABASE_URL: optionalText.pipe(
    z
      .string()
      .regex(
        /^postgres(ql)?:\/\//,
        "a postgres:// or postgresql:// URL (leave unset for the embedded PGlite database)",
      )
      .optional(),
  ),
  MIMICRY_DATA_DIR: optionalText.transform((v) => v ?? ".data"),
  ATTACK_STIX_FILE: optionalText,
  ATTACK_CACHE_DIR: optionalText.transform((v) => v ?? "data/attack"),
  SIGMA_RULES_DIR: optionalText,
  MIMICRY_RULESETS_DIR: optionalText.transform((v) => v ?? "data/rulesets"),
  SIGMA_REGRESSION_DIR: optionalText,
  ATOMICS_DIR: optionalText,
  OPENAI_API_KEY: optionalText,
  OPENAI_BASE_URL: optionalText.pipe(z.url("an http(s) URL such as http://127.0.0.1:11434/v1").optional()),
  MIMICRY_MODEL: optionalText,
  MIMICRY_JUDGE_MODEL: optionalText,
  MIMICRY_LLM_TIMEOUT_MS: positiveInt(60_000),
  MIMICRY_LLM_MAX_ROUNDS: positiveInt(3),
  MIMICRY_LLM_TOKEN_BUDGET: positiveInt(60_000),
  CHROMIUM_PATH: optionalText,
});

export type MimicryConfig = z.infer<typeof configSchema>;

export class ConfigError extends Error {
  readonly code = "CONFIG";
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  }
}

/** Parses the environment; throws ConfigError naming each bad variable and what it expects. */
export function parseConfig(env: Record<string, string | undefined>): MimicryConfig {
  const result = configSchema.safeParse(env);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const name = String(issue.path[0] ?? "environment");
    return `${name}=${JSON.stringify(env[name] ?? "")}: expected ${issue.message}`;
  });
  throw new ConfigError(problems);
}

/** True when a chat model is configured (model mode); otherwise the deterministic loop runs. */
export function hasModel(config: MimicryConfig): boolean {
  return Boolean(config.OPENAI_BASE_URL || config.OPENAI_API_KEY) && Boolean(config.MIMICRY_MODEL);
}
