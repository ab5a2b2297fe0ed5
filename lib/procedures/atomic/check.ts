import { generate } from "@/lib/engine/generate";
import type { Procedure } from "@/lib/engine/procedure";
import { validateEvents } from "@/lib/engine/validate";
import { type AtomicImport, atomicSpec } from "./import";
import type { LoadedTest } from "./load";

export interface AtomicCheck {
  readonly imported: AtomicImport;
  readonly events: number;
  /** Validator violations of the generated bundle. */
  readonly violations: string[];
  /** Engine issues: pruned/repaired actions and execution errors. */
  readonly engineIssues: string[];
}

/** Generates one Atomic test's bundle and validates it. */
export function checkAtomic(
  test: LoadedTest,
  options: {
    seed?: number;
    noise?: "none" | "low" | "normal" | "high";
    procedures?: readonly Procedure[];
    /** "alt": path arguments moved to other common staging folders. */
    variant?: string;
  } = {},
): AtomicCheck {
  const { spec, imported } = atomicSpec(test, {
    variant: options.variant,
    seed: options.seed ?? 1,
    noise: { level: options.noise ?? "none" },
  });
  const { events, report } = generate(spec, { procedures: options.procedures ?? [] });
  const violations = validateEvents(events).map((i) => `${i.check}: ${i.message}`);
  const engineIssues = [
    ...report.issues.map((i) => `${i.code}: ${i.message}`),
    ...report.steps.flatMap((s) => s.pruned.map((p) => `pruned ${p.actionId} (${p.rule}): ${p.reason}`)),
  ];
  return { imported, events: events.length, violations, engineIssues };
}
