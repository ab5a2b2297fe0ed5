import type { Procedure } from "@/lib/engine/procedure";
import { interactiveCmd, S32 } from "./common";

/** LSASS memory dumped with the MiniDump export of comsvcs.dll through rundll32. */
export const lsassComsvcsMiniDump: Procedure = {
  id: "t1003.001-comsvcs-minidump",
  technique: "T1003.001",
  name: "LSASS dump with rundll32 comsvcs.dll MiniDump",
  description:
    "From an elevated command prompt the operator looks up the LSASS PID with tasklist, then runs rundll32.exe C:\\Windows\\System32\\comsvcs.dll, MiniDump <pid> <file> full: comsvcs/dbgcore load, full-access handle on lsass.exe with a comsvcs call trace, and the .dmp written to disk.",
  variants: ["full-access", "vm-read"],
  expectedRules: ["646ea171-dded-4578-8a4d-65e9822892e3", "a49fa4d5-11db-418c-8473-1e014a8dd462"],
  build({ rng, variant }) {
    const dump =
      rng.pick(["C:\\Users\\Public\\", "C:\\Windows\\Temp\\", "C:\\ProgramData\\"]) +
      rng.pick(["lsass.dmp", "debug.bin", "mem.dmp", `out${rng.int(1, 99)}.dmp`]);
    const access = variant === "vm-read" ? "0x1410" : "0x1fffff";
    return [
      ...interactiveCmd(true),
      {
        id: "tasklist",
        kind: "process.create",
        proc: "tasklist",
        parent: "cmd",
        image: `${S32}\\tasklist.exe`,
        commandLine: 'tasklist  /fi "imagename eq lsass.exe"',
        delayMs: rng.int(4000, 15000),
      },
      { id: "tasklist-exit", kind: "process.terminate", proc: "tasklist" },
      {
        id: "rundll32",
        kind: "process.create",
        proc: "rundll32",
        parent: "cmd",
        image: `${S32}\\rundll32.exe`,
        commandLine: `rundll32.exe C:\\Windows\\System32\\comsvcs.dll, MiniDump {pid:@lsass} ${dump} full`,
        delayMs: rng.int(5000, 20000),
      },
      { id: "load-comsvcs", kind: "image.load", proc: "rundll32", image: `${S32}\\comsvcs.dll` },
      { id: "load-dbgcore", kind: "image.load", proc: "rundll32", image: `${S32}\\dbgcore.dll` },
      {
        id: "access",
        kind: "process.access",
        proc: "rundll32",
        target: "@lsass",
        grantedAccess: access,
        callTrace: ["dbgcore.dll", "comsvcs.dll", "rundll32.exe"],
      },
      { id: "dump", kind: "file.create", proc: "rundll32", path: dump },
      { id: "rundll32-exit", kind: "process.terminate", proc: "rundll32", delayMs: rng.int(800, 3000) },
    ];
  },
};
