import type { Procedure } from "@/lib/engine/procedure";
import { benignName, interactiveCmd, S32 } from "./common";

/** Persistence through a logon-triggered scheduled task created with schtasks.exe. */
export const schtasksLogonTask: Procedure = {
  id: "t1053.005-schtasks-create",
  technique: "T1053.005",
  name: "Scheduled task persistence with schtasks /create",
  description:
    "An elevated command prompt runs schtasks /create /sc onlogon with a payload in C:\\Users\\Public: 4698 with the task XML, TaskScheduler 106, the Tasks file and the TaskCache registry keys written by the Schedule service.",
  variants: ["onlogon", "minute"],
  expectedRules: ["92626ddd-662c-49e3-ac59-f6535f12d189"],
  build({ rng, names, variant }) {
    const name = benignName(rng);
    const payload = `C:\\Users\\Public\\${name.toLowerCase()}.exe`;
    const minute = variant === "minute";
    const schedule = minute ? "/sc minute /mo 1" : "/sc onlogon";
    return [
      ...interactiveCmd(true),
      { id: "drop", kind: "file.create", proc: "cmd", path: payload, delayMs: rng.int(3000, 9000) },
      {
        id: "schtasks",
        kind: "process.create",
        proc: "schtasks",
        parent: "cmd",
        image: `${S32}\\schtasks.exe`,
        commandLine: `schtasks  /create ${schedule} /tn "${name}" /tr "${payload}" /ru ${names.domain.netbios}\\${names.user} /f`,
        delayMs: rng.int(4000, 12000),
      },
      {
        id: "task",
        kind: "task.create",
        proc: "schtasks",
        name: `\\${name}`,
        command: payload,
        trigger: minute ? "minute" : "logon",
        runAs: "@user",
      },
      { id: "schtasks-exit", kind: "process.terminate", proc: "schtasks" },
    ];
  },
};
