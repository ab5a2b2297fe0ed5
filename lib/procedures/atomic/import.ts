import type { ActionInput } from "@/lib/engine/actions";
import type { EstateNames } from "@/lib/engine/procedure";
import { Rng } from "@/lib/engine/rng";
import { ScenarioSpec, type ScenarioSpecInput } from "@/lib/engine/spec";
import { estateNames } from "@/lib/engine/steps";
import { World } from "@/lib/engine/world/world";
import { type CommandNote, PlanBuilder } from "./builder";
import { windowsEnv } from "./env";
import { ATOMICS, CONHOST, CONHOST_ARGS, POWERSHELL } from "./images";
import type { AtomicTest } from "./load";
import { runCmdLine, runProgram } from "./mapper";
import { runPowerShell } from "./powershell";

export interface AtomicImport {
  readonly guid: string;
  readonly name: string;
  readonly technique: string;
  readonly executor: string;
  readonly elevated: boolean;
  /** The command after input-argument substitution. */
  readonly command: string;
  /** The executor process's command line as Invoke-AtomicTest starts it. */
  readonly executorCommandLine: string;
  readonly actions: ActionInput[];
  readonly commands: CommandNote[];
  /** Share of commands mapped without a gap (0-1). */
  readonly mappedShare: number;
}

/** Alternative values for the "alt" variant: the same test with payloads in other common staging folders. */
const ALT_DIRS: readonly [RegExp, string][] = [
  [/\$env:TEMP|%TEMP%|%TMP%/gi, "C:\\Users\\Public"],
  [/C:\\Users\\Public/gi, "C:\\ProgramData"],
];

/** `#{arg}` → value, then PathToAtomicsFolder as Invoke-AtomicTest substitutes them (Merge-InputArgs). */
export function substitute(test: AtomicTest, variant?: string): string {
  let command = test.executor.command ?? "";
  const args = test.input_arguments;
  for (const [key, arg] of Object.entries(args)) {
    let value = arg.default;
    if (variant === "alt" && (arg.type ?? "").toLowerCase() === "path") {
      const hit = ALT_DIRS.find(([re]) => value.search(re) >= 0);
      if (hit) value = value.replace(hit[0], hit[1]);
    }
    command = command.split(`#{${key}}`).join(value);
  }
  return command.replace(/\$PathToAtomicsFolder/g, ATOMICS).replace(/PathToAtomicsFolder/g, ATOMICS);
}

export function executorCommandLine(executor: string, command: string): string {
  const c = command.trim();
  if (executor === "command_prompt") return `"cmd.exe" /c ${c.replace(/\r?\n/g, " & ")}`;
  return `"powershell.exe" & {${c.replace(/"/g, '\\""')}}`;
}

export interface AtomicImportOptions {
  readonly names: EstateNames;
  readonly variant?: string;
}

/** Turns one Atomic test into a plan: the runner's console, the executor process, and what its commands do. */
export function importAtomic(
  test: AtomicTest & { technique: string },
  options: AtomicImportOptions,
): AtomicImport {
  const { names } = options;
  const computer = names.hosts.find((h) => h.role === "workstation")?.name ?? "WS01";
  const elevated = test.executor.elevation_required;
  // Invoke-Process starts the executor in $env:TEMP with CreateNoWindow (a console host of its own).
  const temp = `C:\\Users\\${names.user}\\AppData\\Local\\Temp`;
  const b = new PlanBuilder(windowsEnv(names.user, computer, names.domain.netbios, { cwd: temp }));
  const command = substitute(test, options.variant);
  const executor = test.executor.name;
  // Invoke-AtomicTest runs in the operator's PowerShell console (elevated when the test needs it).
  const consoleProc = b.spawn(
    "@explorer",
    POWERSHELL,
    `"${POWERSHELL}" `,
    elevated ? { elevated: true } : {},
  );
  b.spawn(consoleProc, CONHOST, CONHOST_ARGS);
  const line = executorCommandLine(executor, command);
  if (executor === "command_prompt") {
    const cmd = b.spawn(consoleProc, "C:\\Windows\\System32\\cmd.exe", line, {
      currentDirectory: `${temp}\\`,
    });
    b.spawn(cmd, CONHOST, CONHOST_ARGS);
    runCmdLine(b, cmd, command.trim().replace(/\r?\n/g, " & "));
    b.exit(cmd);
  } else {
    const ps = b.spawn(consoleProc, POWERSHELL, line, { currentDirectory: `${temp}\\` });
    b.spawn(ps, CONHOST, CONHOST_ARGS);
    runPowerShell(b, ps, `& {${command.trim()}}`, runProgram);
    b.exit(ps);
  }
  const commands = b.notes;
  const mapped = commands.filter((n) => !n.unmapped).length;
  return {
    guid: test.auto_generated_guid,
    name: test.name,
    technique: test.technique,
    executor,
    elevated,
    command,
    executorCommandLine: line,
    actions: b.actions,
    commands,
    mappedShare: commands.length ? mapped / commands.length : 1,
  };
}

/** The estate names a spec's world will have (the engine builds its world the same way). */
export function namesFor(spec: ScenarioSpecInput): EstateNames {
  const parsed = ScenarioSpec.parse(spec);
  return estateNames(new World(parsed.environment, new Rng(parsed.seed).fork("world")));
}

/** A scenario spec running one Atomic test as a plan step. */
export function atomicSpec(
  test: AtomicTest & { technique: string },
  base: { seed?: number; start?: string; noise?: ScenarioSpecInput["noise"]; variant?: string } = {},
): { spec: ScenarioSpecInput; imported: AtomicImport } {
  const spec: ScenarioSpecInput = { seed: base.seed ?? 1, start: base.start, noise: base.noise, steps: [] };
  const imported = importAtomic(test, { names: namesFor(spec), variant: base.variant });
  return {
    spec: { ...spec, steps: [{ technique: test.technique, plan: imported.actions }] },
    imported,
  };
}
