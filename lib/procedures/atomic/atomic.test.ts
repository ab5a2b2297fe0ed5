import { describe, expect, it } from "vitest";
import { checkAtomic } from "./check";
import { executorCommandLine, substitute } from "./import";
import { importable, loadAtomics } from "./load";

const dir = process.env.ATOMICS_DIR;

describe.skipIf(!dir)("Atomic Red Team import", () => {
  const { tests, errors } = loadAtomics(dir ?? "");
  const windows = tests.filter(importable);

  it("reads every file", () => {
    expect(windows.length).toBeGreaterThan(1000);
    expect(errors).toEqual([]);
  });

  it("starts the executor as Invoke-AtomicTest does", () => {
    expect(executorCommandLine("command_prompt", "whoami\nhostname\n")).toBe(
      '"cmd.exe" /c whoami & hostname',
    );
    expect(executorCommandLine("powershell", 'Write-Host "x"')).toBe(
      '"powershell.exe" & {Write-Host \\""x\\""}',
    );
    const forfiles = windows.find((t) => t.auto_generated_guid === "8b34a448-40d9-4fc3-a8c8-4bb286faf7dc")!;
    expect(substitute(forfiles)).toContain("forfiles /p c:\\windows\\system32 /m notepad.exe /c calc.exe");
    const r = checkAtomic(forfiles);
    const images = r.imported.actions.flatMap((a) =>
      a.kind === "process.create" ? [`${a.parent}>${a.image.replace(/^.*\\/, "")}`] : [],
    );
    expect(images).toEqual([
      "@explorer>powershell.exe",
      "powershell>conhost.exe",
      "powershell>cmd.exe",
      "cmd>conhost.exe",
      "cmd>forfiles.exe",
      "forfiles>calc.exe",
    ]);
  });

  it("runs tests that need elevation from the elevated token, and the alt variant moves path arguments", () => {
    const t = windows.find((x) => x.executor.elevation_required && x.executor.name === "command_prompt")!;
    const console = checkAtomic(t).imported.actions[0];
    expect(console).toEqual(
      expect.objectContaining({ kind: "process.create", parent: "@explorer", elevated: true }),
    );
    const withTemp = windows.find((x) =>
      Object.entries(x.input_arguments).some(
        ([k, a]) =>
          a.type?.toLowerCase() === "path" &&
          /\$env:TEMP|%TEMP%/i.test(a.default) &&
          !!x.executor.command?.includes(`#{${k}}`),
      ),
    )!;
    const alt = checkAtomic(withTemp, { variant: "alt" });
    expect(alt.imported.command).not.toEqual(checkAtomic(withTemp).imported.command);
    expect(alt.violations).toEqual([]);
  });

  // The full run takes ~50 s on this 2-core machine (scripts/atomic-report.ts prints the same figure).
  it("≥ 95% of the Windows tests give a bundle with zero validator violations", { timeout: 180_000 }, () => {
    let clean = 0;
    for (const t of windows) if (checkAtomic(t).violations.length === 0) clean++;
    expect(clean / windows.length).toBeGreaterThanOrEqual(0.95);
  });
});
