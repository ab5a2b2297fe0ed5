import type { Procedure } from "@/lib/engine/procedure";
import { benignName, interactiveCmd, S32 } from "./common";

/** Persistence through the current user's Run key, set with reg.exe. */
export const runKeyRegAdd: Procedure = {
  id: "t1547.001-reg-add-run",
  technique: "T1547.001",
  name: "Run key persistence with reg add",
  description:
    "A command prompt runs reg add HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run /v <name> /d <payload in AppData> /f: Sysmon 13 SetValue on HKU\\<SID>\\…\\Run\\<name>.",
  variants: ["hkcu", "hklm"],
  expectedRules: ["24357373-078f-44ed-9ac4-6d334a668a11", "20f0ee37-5942-4e45-b7d5-c5b5db9df5cd"],
  build({ rng, names, variant }) {
    const name = benignName(rng);
    const hklm = variant === "hklm";
    const payload = `C:\\Users\\${names.user}\\AppData\\Roaming\\${name}\\${name.toLowerCase()}.exe`;
    const hive = hklm ? "HKLM" : "HKCU";
    const key = `${hive}\\Software\\Microsoft\\Windows\\CurrentVersion\\Run`;
    return [
      ...interactiveCmd(hklm),
      { id: "drop", kind: "file.create", proc: "cmd", path: payload, delayMs: rng.int(3000, 9000) },
      {
        id: "reg",
        kind: "process.create",
        proc: "reg",
        parent: "cmd",
        image: `${S32}\\reg.exe`,
        commandLine: `reg  add "${key}" /v "${name}" /t REG_SZ /d "${payload}" /f`,
        delayMs: rng.int(4000, 12000),
      },
      { id: "set", kind: "registry.value.set", proc: "reg", key, value: name, type: "REG_SZ", data: payload },
      { id: "reg-exit", kind: "process.terminate", proc: "reg" },
    ];
  },
};
