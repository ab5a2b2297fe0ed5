import { t, v } from "../dsl";

/** Execution (continued): scheduled tasks and script interpreters. */
export const executionC = [
  t(
    "T1053",
    "Scheduled task/job",
    "schtasks /create of a task running a payload, the commonest Windows scheduling persistence.",
    [
      // Qakbot's persistence: a one-shot SYSTEM task that re-runs the DLL with regsvr32 minutes later.
      v(
        "qakbot-regsvr32",
        [
          {
            cmd: 'schtasks.exe /Create /RU "NT AUTHORITY\\SYSTEM" /tn {{$task}} /tr "regsvr32.exe -s \\"{{appdata}}\\{{rand}}.dll\\"" /SC ONCE /Z /ST 18:15 /ET 18:27',
            then: [
              {
                id: "t",
                kind: "task.create",
                name: "\\{{$task}}",
                command: "regsvr32.exe",
                arguments: '-s "{{appdata}}\\{{rand}}.dll"',
                trigger: "once",
                runAs: "@system",
              },
            ],
          },
        ],
        { elevated: true, vars: { task: "{{rand2}}" } },
      ),
      v(
        "register-scheduledtask",
        [
          {
            ps: "$a = New-ScheduledTaskAction -Execute 'powershell.exe' -Argument '-w hidden -ep bypass -f {{appdata}}\\up.ps1'; Register-ScheduledTask -TaskName '{{name}}' -Action $a -Trigger (New-ScheduledTaskTrigger -AtLogOn)",
            then: [
              {
                id: "t",
                kind: "task.create",
                name: "\\{{name}}",
                command: "powershell.exe",
                arguments: "-w hidden -ep bypass -f {{appdata}}\\up.ps1",
              },
            ],
          },
        ],
        { shell: "ps" },
      ),
      v("schtasks", [
        {
          cmd: 'schtasks /create /tn "{{name}}" /tr "{{appdata}}\\{{name}}.exe" /sc onlogon /rl highest /f',
          then: [
            {
              id: "t",
              kind: "task.create",
              name: "\\{{name}}",
              command: "{{appdata}}\\{{name}}.exe",
              trigger: "logon",
            },
          ],
        },
      ]),
    ],
  ),
  t(
    "T1053.005",
    "Scheduled task",
    "Tasks created with schtasks locally and remotely, or via the PowerShell ScheduledTasks module.",
    [
      v(
        "schtasks-remote",
        [
          {
            cmd: 'schtasks /create /s {{srv}} /u {{domain}}\\{{admin}} /p ******** /tn "\\Microsoft\\Windows\\{{name}}" /tr "C:\\Windows\\Temp\\{{name}}.exe" /sc once /st 23:59 /ru SYSTEM',
            net: [["@server", 135]],
          },
        ],
        { elevated: true },
      ),
      v("schtasks-minute", [
        {
          cmd: 'schtasks /create /sc minute /mo 30 /tn "{{name}}" /tr "powershell.exe -w hidden -nop -ep bypass -f {{appdata}}\\{{rand}}.ps1" /f',
          then: [
            {
              id: "t",
              kind: "task.create",
              name: "\\{{name}}",
              command: "powershell.exe",
              arguments: "-w hidden -nop -ep bypass -f {{appdata}}\\{{rand}}.ps1",
              trigger: "minute",
            },
          ],
        },
      ]),
      v(
        "register-scheduledtask",
        [
          {
            ps: "Register-ScheduledTask -TaskName '{{name}}' -Action (New-ScheduledTaskAction -Execute 'cmd.exe' -Argument '/c {{tools}}\\{{name}}.bat') -Trigger (New-ScheduledTaskTrigger -AtStartup) -User SYSTEM -RunLevel Highest",
            then: [
              {
                id: "t",
                kind: "task.create",
                name: "\\{{name}}",
                command: "cmd.exe",
                arguments: "/c {{tools}}\\{{name}}.bat",
                trigger: "boot",
                runLevel: "HighestAvailable",
              },
            ],
          },
        ],
        { shell: "ps", elevated: true },
      ),
    ],
  ),
];
