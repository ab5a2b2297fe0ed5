import { t, v } from "../dsl";

/** Machine root store in the registry; a certificate lands as <thumbprint>\Blob. */
const ROOT_STORE = "HKLM\\SOFTWARE\\Microsoft\\SystemCertificates\\ROOT\\Certificates";
/** Seeded SHA-1 thumbprint of the attacker's CA (a variant variable, so every use agrees). */
const THUMB = {
  thumb:
    "{{3B1EFD3A66EA28B16697394703A72CA340A05BD5|A9A1F2B6C4E0D8733F5A6E1C2D94B7F08E6A3C21|5C4F0E82B7D1A3964E2F8C07D6B1A59E3F27C804}}",
};
const SIP = "HKLM\\SOFTWARE\\Microsoft\\Cryptography\\OID\\EncodingType 0";

/** Subverting trust controls: root certificates, code signing, SIPs, mark-of-the-web, signing policy. */
export const trustControls = [
  t("T1553", "Subvert trust controls", "Trust settings weakened (root certificates, MOTW).", [
    v(
      "certutil-addstore",
      [
        {
          cmd: "certutil -addstore -f Root {{tmp}}\\{{rand}}.cer",
          reg: [[`${ROOT_STORE}\\{{$thumb}}`, "Blob", "0300000001000000", "REG_BINARY"]],
        },
      ],
      { elevated: true, vars: THUMB },
    ),
  ]),
  t(
    "T1553.002",
    "Code signing",
    "Payloads signed with a stolen certificate (signtool) or a self-made code-signing certificate.",
    [
      v("signtool", [
        '"C:\\Program Files (x86)\\Windows Kits\\10\\bin\\10.0.22621.0\\x64\\signtool.exe" sign /f {{tmp}}\\stolen.pfx /p pass /t http://timestamp.digicert.com {{tmp}}\\{{name}}.exe',
      ]),
      // A PowerShell script signed so it runs under an AllSigned execution policy.
      v(
        "set-authenticodesignature",
        [
          {
            ps: "$c = New-SelfSignedCertificate -Type CodeSigningCert -Subject 'CN={{name}}' -CertStoreLocation Cert:\\CurrentUser\\My; Set-AuthenticodeSignature -FilePath $env:TEMP\\{{rand}}.ps1 -Certificate $c",
            files: ["{{tmp}}\\{{rand}}.ps1"],
          },
        ],
        { shell: "ps" },
      ),
    ],
  ),
  t(
    "T1553.003",
    "SIP and trust provider hijacking",
    "The PE SIP's verify function pointed at an attacker DLL, or a rogue SIP registered with regsvr32.",
    [
      v(
        "reg-sip",
        [
          {
            cmd: `reg add "${SIP}\\CryptSIPDllVerifyIndirectData\\{C689AAB8-8E78-11D0-8C47-00C04FC295EE}" /v Dll /t REG_SZ /d C:\\Windows\\System32\\{{rand}}.dll /f`,
            reg: [
              [
                `${SIP}\\CryptSIPDllVerifyIndirectData\\{C689AAB8-8E78-11D0-8C47-00C04FC295EE}`,
                "Dll",
                "C:\\Windows\\System32\\{{rand}}.dll",
              ],
            ],
          },
          {
            cmd: `reg add "${SIP}\\CryptSIPDllVerifyIndirectData\\{C689AAB8-8E78-11D0-8C47-00C04FC295EE}" /v FuncName /t REG_SZ /d VerifyIndirectData /f`,
            reg: [
              [
                `${SIP}\\CryptSIPDllVerifyIndirectData\\{C689AAB8-8E78-11D0-8C47-00C04FC295EE}`,
                "FuncName",
                "VerifyIndirectData",
              ],
            ],
          },
        ],
        { elevated: true },
      ),
      // Atomic T1553.003: a SIP DLL dropped beside the real ones; its DllRegisterServer calls
      // CryptSIPAddProvider, which writes the OID keys.
      v(
        "regsvr32-sip",
        [
          {
            cmd: "regsvr32.exe /s C:\\Windows\\System32\\{{rand}}.dll",
            loads: ["C:\\Windows\\System32\\{{rand}}.dll"],
            reg: [
              [
                `${SIP}\\CryptSIPDllGetSignedDataMsg\\{{{$sip}}}`,
                "Dll",
                "C:\\Windows\\System32\\{{rand}}.dll",
              ],
              [`${SIP}\\CryptSIPDllGetSignedDataMsg\\{{{$sip}}}`, "FuncName", "GetSignedDataMsg"],
              [
                `${SIP}\\CryptSIPDllVerifyIndirectData\\{{{$sip}}}`,
                "Dll",
                "C:\\Windows\\System32\\{{rand}}.dll",
              ],
              [`${SIP}\\CryptSIPDllVerifyIndirectData\\{{{$sip}}}`, "FuncName", "VerifyIndirectData"],
            ],
          },
        ],
        {
          elevated: true,
          vars: {
            sip: "{{B9F2A5C1-7D2E-4C8A-9E3B-1F6D0A4C2E71|4D8E1A20-3C5B-47F9-A2D6-8B0E9C3F5A14}}",
          },
        },
      ),
    ],
  ),
  t(
    "T1553.004",
    "Install root certificate",
    "A rogue root CA added with certutil, Import-Certificate or the CertEnroll COM objects.",
    [
      v(
        "certutil-addstore",
        [
          {
            cmd: "certutil -addstore -f -enterprise Root {{tmp}}\\{{rand}}.cer",
            reg: [
              [
                `HKLM\\SOFTWARE\\Microsoft\\EnterpriseCertificates\\Root\\Certificates\\{{$thumb}}`,
                "Blob",
                "0300000001000000",
                "REG_BINARY",
              ],
            ],
          },
        ],
        { elevated: true, vars: THUMB },
      ),
      v(
        "import-certificate",
        [
          {
            ps: "Import-Certificate -FilePath $env:TEMP\\{{rand}}.cer -CertStoreLocation Cert:\\LocalMachine\\Root",
            reg: [[`${ROOT_STORE}\\{{$thumb}}`, "Blob", "0300000001000000", "REG_BINARY"]],
          },
        ],
        { shell: "ps", elevated: true, vars: THUMB },
      ),
      // A dropped installer script: base64 certificate decoded with CertEnroll, added to the machine root store.
      v(
        "certenroll-com",
        [
          {
            ps: "$b64 = Get-Content \"$env:TEMP\\{{rand}}.txt\" -Raw; $bc = New-Object -ComObject X509Enrollment.CBinaryConverter; $der = [byte[]]$bc.StringToVariantByteArray($b64, 1); $c = New-Object Security.Cryptography.X509Certificates.X509Certificate2(,$der); $s = New-Object Security.Cryptography.X509Certificates.X509Store('Root', 'LocalMachine'); $s.Open('ReadWrite'); $s.Add($c); $s.Close()",
            reads: ["{{tmp}}\\{{rand}}.txt"],
            reg: [[`${ROOT_STORE}\\{{$thumb}}`, "Blob", "0300000001000000", "REG_BINARY"]],
          },
        ],
        { shell: "ps", elevated: true, vars: THUMB },
      ),
    ],
  ),
  t(
    "T1553.005",
    "Mark-of-the-web bypass",
    "Payload delivered inside ISO/VHD containers, or Zone.Identifier removed.",
    [
      v(
        "mount-iso",
        [
          { ps: 'Mount-DiskImage -ImagePath "$env:USERPROFILE\\Downloads\\{{rand}}.iso"' },
          { cmd: "E:\\{{name}}.exe", parent: "@explorer" },
        ],
        { shell: "ps" },
      ),
      // Atomic T1553.005: a script mounts the image and starts the payload from the new drive.
      v(
        "mount-invoke-item",
        [
          {
            ps: '$i = Mount-DiskImage -ImagePath "$env:USERPROFILE\\Downloads\\{{rand}}.iso" -StorageType ISO -Access ReadOnly -PassThru; $d = ($i | Get-Volume).DriveLetter; Invoke-Item "$($d):\\{{name}}.exe"',
          },
          { cmd: "E:\\{{name}}.exe", parent: "sh" },
        ],
        { shell: "ps" },
      ),
      v("unblock-file", [{ ps: "Unblock-File -Path $env:USERPROFILE\\Downloads\\{{rand}}.exe" }], {
        shell: "ps",
      }),
    ],
  ),
  t("T1553.006", "Code signing policy modification", "Driver signing enforcement disabled with bcdedit.", [
    v("bcdedit-testsigning", ["bcdedit.exe /set TESTSIGNING ON", "bcdedit.exe /set nointegritychecks on"], {
      elevated: true,
    }),
    // Older rootkit installers: integrity checks off through the boot load options.
    v("bcdedit-loadoptions", ["bcdedit.exe /set loadoptions DISABLE_INTEGRITY_CHECKS"], { elevated: true }),
  ]),
];
