import type { TaskInfo } from "../../world/types";
import { systemTime } from "../../time";

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

const triggers: Record<string, string> = {
  logon: "<LogonTrigger>\r\n      <Enabled>true</Enabled>\r\n    </LogonTrigger>",
  boot: "<BootTrigger>\r\n      <Enabled>true</Enabled>\r\n    </BootTrigger>",
  daily:
    "<CalendarTrigger>\r\n      <StartBoundary>START</StartBoundary>\r\n      <Enabled>true</Enabled>\r\n      <ScheduleByDay>\r\n        <DaysInterval>1</DaysInterval>\r\n      </ScheduleByDay>\r\n    </CalendarTrigger>",
  once: "<TimeTrigger>\r\n      <StartBoundary>START</StartBoundary>\r\n      <Enabled>true</Enabled>\r\n    </TimeTrigger>",
  minute:
    "<TimeTrigger>\r\n      <Repetition>\r\n        <Interval>PT1M</Interval>\r\n        <StopAtDurationEnd>false</StopAtDurationEnd>\r\n      </Repetition>\r\n      <StartBoundary>START</StartBoundary>\r\n      <Enabled>true</Enabled>\r\n    </TimeTrigger>",
};

/** The task definition as 4698/4702 print it in TaskContent (UTF-16 declaration, CRLF, two-space indent). */
export function taskXml(task: TaskInfo): string {
  const start = systemTime(task.registeredUs).slice(0, 19);
  const trigger = (triggers[task.trigger] ?? triggers.logon).replace("START", start);
  const args = task.arguments ? `\r\n      <Arguments>${escapeXml(task.arguments)}</Arguments>` : "";
  return [
    '<?xml version="1.0" encoding="UTF-16"?>',
    '<Task version="1.2" xmlns="http://schemas.microsoft.com/windows/2004/02/mit/task">',
    "  <RegistrationInfo>",
    `    <Date>${start}</Date>`,
    `    <Author>${escapeXml(task.author)}</Author>`,
    `    <URI>${escapeXml(task.name)}</URI>`,
    "  </RegistrationInfo>",
    "  <Triggers>",
    `    ${trigger}`,
    "  </Triggers>",
    "  <Principals>",
    '    <Principal id="Author">',
    `      <UserId>${task.runAs.sid}</UserId>`,
    `      <LogonType>${task.runAs.sid === "S-1-5-18" ? "ServiceAccount" : "InteractiveToken"}</LogonType>`,
    `      <RunLevel>${task.runLevel}</RunLevel>`,
    "    </Principal>",
    "  </Principals>",
    "  <Settings>",
    "    <MultipleInstancesPolicy>IgnoreNew</MultipleInstancesPolicy>",
    "    <DisallowStartIfOnBatteries>true</DisallowStartIfOnBatteries>",
    "    <StopIfGoingOnBatteries>true</StopIfGoingOnBatteries>",
    "    <AllowHardTerminate>true</AllowHardTerminate>",
    "    <StartWhenAvailable>false</StartWhenAvailable>",
    "    <RunOnlyIfNetworkAvailable>false</RunOnlyIfNetworkAvailable>",
    "    <IdleSettings>",
    "      <Duration>PT10M</Duration>",
    "      <WaitTimeout>PT1H</WaitTimeout>",
    "      <StopOnIdleEnd>true</StopOnIdleEnd>",
    "      <RestartOnIdle>false</RestartOnIdle>",
    "    </IdleSettings>",
    "    <AllowStartOnDemand>true</AllowStartOnDemand>",
    `    <Enabled>${task.enabled}</Enabled>`,
    "    <Hidden>false</Hidden>",
    "    <RunOnlyIfIdle>false</RunOnlyIfIdle>",
    "    <WakeToRun>false</WakeToRun>",
    "    <ExecutionTimeLimit>PT72H</ExecutionTimeLimit>",
    "    <Priority>7</Priority>",
    "  </Settings>",
    '  <Actions Context="Author">',
    "    <Exec>",
    `      <Command>${escapeXml(task.command)}</Command>${args}`,
    "    </Exec>",
    "  </Actions>",
    "</Task>",
  ].join("\r\n");
}
