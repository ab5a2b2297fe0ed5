import { t, v } from "../dsl";

/** Discovery: the commands operators type after landing, as seen in incident reports and Atomic tests. */
export const discovery = [
  t("T1007", "Service discovery", "Service enumeration with sc, net start, tasklist /svc and WMI.", [
    v("sc-query", ["sc query state= all", "tasklist /svc"]),
    // PCHunter (ransomware affiliates' favourite ARK tool) lists services, drivers and hooks before AV is killed.
    v("pchunter", [{ cmd: "{{tools}}\\PCHunter64.exe", files: ["{{tools}}\\PCHunter64.sys"] }], {
      elevated: true,
    }),
    v("net-start", ["net start", 'wmic service where "started=true" get name,pathname,startname']),
    v(
      "get-service",
      [
        { ps: "Get-Service | Where-Object {$_.Status -eq 'Running'} | Select-Object Name,DisplayName" },
        { ps: "Get-CimInstance Win32_Service | Select Name,PathName,StartName" },
      ],
      { shell: "ps" },
    ),
  ]),
  t(
    "T1010",
    "Application window discovery",
    "Visible window titles listed through PowerShell (Get-Process MainWindowTitle) or a compiled enumerator.",
    [
      v(
        "mainwindowtitle",
        [
          {
            ps: 'Get-Process | Where-Object {$_.MainWindowTitle -ne ""} | Select-Object ProcessName,Id,MainWindowTitle',
          },
        ],
        { shell: "ps" },
      ),
      v("tasklist-v", ["tasklist /v /fo csv"]),
      v("csharp-enum", [{ cmd: "{{tools}}\\T1010.exe", files: ["{{tools}}\\T1010.exe"] }]),
    ],
  ),
  t(
    "T1012",
    "Registry query",
    "reg query of autoruns, installed software and credentials in the registry; reg export of hives.",
    [
      v("reg-query", [
        'reg query "HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Winlogon"',
        "reg query HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run",
        "reg query HKLM\\System\\CurrentControlSet\\Services /s /f ImagePath",
      ]),
      v("reg-export", [
        {
          cmd: "reg export HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall {{tmp}}\\apps.reg /y",
          files: ["{{tmp}}\\apps.reg"],
        },
      ]),
      v(
        "get-itemproperty",
        [
          {
            ps: "Get-ItemProperty -Path 'HKLM:\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion' | Select ProductName,ReleaseId,CurrentBuild",
          },
          {
            ps: "Get-ChildItem -Path HKLM:\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall | Get-ItemProperty | Select DisplayName,DisplayVersion",
          },
        ],
        { shell: "ps" },
      ),
    ],
  ),
  t(
    "T1016",
    "Network configuration discovery",
    "ipconfig, route, arp, netsh and nltest: the network picture every intrusion collects.",
    [
      v("ipconfig", ["ipconfig /all", "route print", "arp -a"]),
      v("netsh", [
        "netsh interface show interface",
        "netsh advfirewall firewall show rule name=all",
        "nltest /dsgetdc:{{dns}}",
      ]),
      v("nbtstat", ["nbtstat -n", "netsh interface ip show config", "ipconfig /displaydns"]),
      v(
        "get-netipconfiguration",
        [
          { ps: "Get-NetIPConfiguration | Select InterfaceAlias,IPv4Address,DNSServer" },
          { ps: "Get-NetRoute -AddressFamily IPv4" },
        ],
        { shell: "ps" },
      ),
    ],
  ),
  t(
    "T1016.001",
    "Internet connectivity check",
    "Checking egress with ping, nslookup, curl or Test-NetConnection to a public host.",
    [
      v("ping", ["ping -n 1 8.8.8.8", "nslookup www.google.com"]),
      v(
        "test-netconnection",
        [{ ps: "Test-NetConnection -ComputerName www.google.com -Port 443", net: [["www.google.com", 443]] }],
        { shell: "ps" },
      ),
      v("curl", [
        {
          cmd: 'curl -s -o nul -w "%{http_code}" https://www.msftconnecttest.com/connecttest.txt',
          net: [["www.msftconnecttest.com", 443]],
        },
      ]),
    ],
  ),
  t("T1016.002", "Wi-Fi discovery", "Saved wireless profiles and their keys with netsh wlan.", [
    v("netsh-wlan", [
      "netsh wlan show profiles",
      'netsh wlan show profile name="{{Guest|CorpWiFi|HomeNet}}" key=clear',
    ]),
    v("netsh-wlan-export", [
      { cmd: "netsh wlan export profile folder={{tmp}} key=clear", files: ["{{tmp}}\\Wi-Fi-CorpWiFi.xml"] },
    ]),
    v("netsh-interfaces", ["netsh wlan show interfaces", "netsh wlan show networks mode=bssid"]),
  ]),
  t(
    "T1018",
    "Remote system discovery",
    "Hosts of the domain listed with net view, nltest, ping sweeps, AdFind and DirectorySearcher.",
    [
      v("net-view", ["net view /domain", "net view \\\\{{srv}}", 'net group "domain computers" /domain']),
      v("nltest", ["nltest /dclist:{{dns}}", "nltest /domain_trusts /all_trusts"]),
      v("adfind", [
        {
          cmd: '{{tools}}\\AdFind.exe -f "objectcategory=computer" -csv name operatingSystem',
          net: [["@dc", 389]],
        },
      ]),
      v(
        "directorysearcher",
        [
          {
            ps: "$ds = New-Object System.DirectoryServices.DirectorySearcher('(objectCategory=computer)'); [void]$ds.PropertiesToLoad.Add('name'); foreach ($c in $ds.findall()) { $c.Properties.name }",
            net: [["@dc", 389]],
          },
        ],
        { shell: "ps" },
      ),
      v("ping-sweep", ['cmd.exe /c for /l %i in (1,1,254) do @ping -n 1 -w 100 10.0.0.%i | find "TTL="']),
    ],
  ),
  t(
    "T1033",
    "Owner/user discovery",
    "whoami, query user and quser — nearly always the first commands after access.",
    [
      v("whoami", ["whoami /groups", "whoami /priv"]),
      // An implant's "run whoami": no shell in between, whoami.exe is the beacon process's own child.
      v(
        "implant-whoami",
        [
          {
            cmd: "{{appdata}}\\Microsoft\\{{name}}.exe",
            as: "b",
            parent: "@explorer",
            net: [["{{c2}}", 443]],
            keep: true,
          },
          { cmd: "C:\\Windows\\system32\\whoami.exe /all", parent: "b" },
        ],
        { shell: "none" },
      ),
      v("query-user", ["query user", "quser /server:{{srv}}"]),
      v("wmic-computersystem", [
        "wmic computersystem get username",
        "cmd.exe /c echo %USERDOMAIN%\\%USERNAME%",
      ]),
    ],
  ),
  t(
    "T1046",
    "Network service discovery",
    "Port scans with nmap/Advanced IP Scanner, or PowerShell TCP probes against servers.",
    [
      v("nmap", [
        {
          cmd: "{{tools}}\\nmap.exe -sS -Pn -p 22,80,135,139,443,445,3389,5985 10.0.0.0/24",
          net: [
            ["@server", 445],
            ["@dc", 445],
            ["@server", 3389],
          ],
        },
      ]),
      v(
        "tcp-probe",
        [
          {
            ps: "1..1024 | % { $c = New-Object Net.Sockets.TcpClient; try { $c.Connect('{{srvip}}', $_); \"$_ open\" } catch {} finally { $c.Close() } }",
            net: [
              ["@server", 135],
              ["@server", 445],
              ["@server", 3389],
            ],
          },
        ],
        { shell: "ps" },
      ),
      v(
        "advanced-ip-scanner",
        [
          {
            cmd: '"C:\\Program Files (x86)\\Advanced IP Scanner\\advanced_ip_scanner.exe" /portable "{{tmp}}\\ais" /lng en_us',
            net: [
              ["@server", 445],
              ["@dc", 445],
            ],
          },
        ],
        { shell: "none" },
      ),
    ],
  ),
  t("T1049", "Network connections discovery", "netstat, net session/use and Get-NetTCPConnection.", [
    v("netstat", ["netstat -ano", "net use", "net session"]),
    v(
      "get-nettcpconnection",
      [
        {
          ps: "Get-NetTCPConnection -State Established | Select LocalAddress,RemoteAddress,RemotePort,OwningProcess",
        },
      ],
      { shell: "ps" },
    ),
    v("net-sessions", ["net sessions", "netstat -anob"], { elevated: true }),
  ]),
  t(
    "T1057",
    "Process discovery",
    "Running processes through tasklist, Get-Process and WMI — often looking for security products.",
    [
      v("tasklist", ["tasklist /v", 'tasklist /fi "imagename eq lsass.exe"']),
      v("get-process", [{ ps: "Get-Process | Sort-Object -Property CPU -Descending | Select -First 30" }], {
        shell: "ps",
      }),
      v("wmic-process", ["wmic process get name,processid,parentprocessid,commandline", "qprocess *"]),
    ],
  ),
  t(
    "T1069",
    "Permission group discovery",
    "Local and domain groups enumerated with net, whoami /groups and PowerShell.",
    [
      v("net", ["net localgroup administrators", 'net group "Domain Admins" /domain']),
      v("whoami-groups", ["whoami /groups", "net localgroup"]),
      v(
        "get-localgroup",
        [
          { ps: "Get-LocalGroupMember -Group Administrators" },
          { ps: "Get-ADGroupMember -Identity 'Domain Admins' -Recursive", net: [["@dc", 9389]] },
        ],
        { shell: "ps" },
      ),
    ],
  ),
  t("T1069.001", "Local groups", "Local group membership with net localgroup, Get-LocalGroup and WMI.", [
    v("net-localgroup", [
      "net localgroup",
      'net localgroup "Administrators"',
      'net localgroup "Remote Desktop Users"',
    ]),
    v("get-localgroup", [{ ps: "Get-LocalGroup" }, { ps: "Get-LocalGroupMember -Name Administrators" }], {
      shell: "ps",
    }),
    v("wmic-group", ["wmic group get name,sid,domain", "wmic useraccount get name,sid"]),
  ]),
  t("T1069.002", "Domain groups", "Domain groups from net group /domain, AdFind and PowerView.", [
    v("net-group", [
      'net group "Domain Admins" /domain',
      'net group "Enterprise Admins" /domain',
      "net group /domain",
    ]),
    v("adfind", [
      { cmd: '{{tools}}\\adfind.exe -f "(objectcategory=group)" -csv name member', net: [["@dc", 389]] },
    ]),
    v(
      "powerview",
      [
        {
          ps: "Get-DomainGroupMember -Identity 'Domain Admins' -Recurse | Select MemberName",
          net: [["@dc", 389]],
        },
        { ps: "Get-NetGroup -GroupName *admin*" },
      ],
      { shell: "ps" },
    ),
  ]),
  t("T1082", "System information discovery", "systeminfo, hostname, ver, wmic os and Get-ComputerInfo.", [
    v("systeminfo", ["systeminfo", "hostname", "cmd.exe /c ver"]),
    // Loaders read the OS name and build straight from the registry before choosing a payload.
    v("reg-query-os", [
      'reg query "HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion" /v ProductName',
      'reg query "HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion" /v CurrentBuild',
    ]),
    v("wmic-os", [
      "wmic os get Caption,Version,BuildNumber,OSArchitecture /format:list",
      "wmic computersystem get Manufacturer,Model,Domain",
    ]),
    v(
      "get-computerinfo",
      [
        {
          ps: "Get-ComputerInfo | Select WindowsProductName,WindowsVersion,OsHardwareAbstractionLayer,CsDomain",
        },
        { ps: "[Environment]::OSVersion; $env:PROCESSOR_ARCHITECTURE" },
      ],
      { shell: "ps" },
    ),
  ]),
  t(
    "T1083",
    "File and directory discovery",
    "dir /s and tree over user profiles and shares, often looking for documents.",
    [
      v("dir", ["cmd.exe /c dir /s /b C:\\Users\\{{user}}\\Documents\\*.docx", "tree C:\\Users /F"]),
      v(
        "get-childitem",
        [
          {
            ps: "Get-ChildItem -Path C:\\Users -Recurse -Include *.pdf,*.xlsx,*.docx -ErrorAction SilentlyContinue | Select FullName,Length",
          },
        ],
        { shell: "ps" },
      ),
      v("where", [
        "where /R C:\\Users *.kdbx",
        'cmd.exe /c dir "C:\\Program Files" "C:\\Program Files (x86)"',
      ]),
    ],
  ),
  t(
    "T1087",
    "Account discovery",
    "Local and domain accounts with net user, wmic useraccount and PowerShell.",
    [
      v("net-user", ["net user", "net user /domain", "net user {{admin}} /domain"]),
      // csvde (AD DS tools on servers) dumps every user object to CSV for offline review.
      v("csvde", [
        {
          cmd: 'csvde -f C:\\ProgramData\\{{rand}}.csv -r "(objectCategory=person)" -l "sAMAccountName,displayName,memberOf,lastLogonTimestamp"',
          net: [["@dc", 389]],
          files: ["C:\\ProgramData\\{{rand}}.csv"],
        },
      ]),
      v(
        "get-aduser",
        [
          {
            ps: "Get-ADUser -Filter * -Properties LastLogonDate,Enabled | Select SamAccountName,LastLogonDate",
            net: [["@dc", 9389]],
          },
        ],
        { shell: "ps" },
      ),
      v("wmic-useraccount", ["wmic useraccount get /ALL /format:csv"]),
    ],
  ),
  t(
    "T1087.001",
    "Local account discovery",
    "Local users with net user, Get-LocalUser and the profiles folder.",
    [
      v("net-user", ["net user", "net user administrator"]),
      v("get-localuser", [{ ps: "Get-LocalUser | Select Name,Enabled,LastLogon" }], { shell: "ps" }),
      v("profiles", [
        "cmd.exe /c dir C:\\Users\\",
        "cmd.exe /c type C:\\Windows\\System32\\drivers\\etc\\hosts",
      ]),
    ],
  ),
];
