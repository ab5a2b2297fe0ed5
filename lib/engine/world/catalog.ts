import { stableHex } from "../rng";
import { moreWindowsBinaries, systemImages } from "./catalog-system";
import { toolImages } from "./catalog-tools";
import { lower } from "./lower";
import type { ImageInfo, OsInfo } from "./types";

/**
 * Image catalogue: PE metadata of the Windows binaries and common tools, as Sysmon prints it. Hashes are
 * derived from the binary's identity (original name + version), so the same binary has the same hashes on
 * every host and run, and another build gets other hashes.
 */

const WIN_PRODUCT = "Microsoft® Windows® Operating System";
const MS = "Microsoft Corporation";

/** [file name, description, OriginalFileName] of binaries shipped with Windows (System32 unless a path is given). */
const windowsBinaries: readonly (readonly [string, string, string])[] = [
  ["smss.exe", "Windows Session Manager", "smss.exe"],
  ["csrss.exe", "Client Server Runtime Process", "CSRSS.Exe"],
  ["wininit.exe", "Windows Start-Up Application", "WinInit.exe"],
  ["winlogon.exe", "Windows Logon Application", "WINLOGON.EXE"],
  ["services.exe", "Services and Controller app", "services.exe"],
  ["lsass.exe", "Local Security Authority Process", "lsass.exe"],
  ["svchost.exe", "Host Process for Windows Services", "svchost.exe"],
  ["fontdrvhost.exe", "Usermode Font Driver Host", "fontdrvhost.exe"],
  ["dwm.exe", "Desktop Window Manager", "dwm.exe"],
  ["userinit.exe", "Userinit Logon Application", "USERINIT.EXE"],
  ["explorer.exe", "Windows Explorer", "EXPLORER.EXE"],
  ["sihost.exe", "Shell Infrastructure Host", "sihost.exe"],
  ["taskhostw.exe", "Host Process for Windows Tasks", "taskhostw.exe"],
  ["RuntimeBroker.exe", "Runtime Broker", "RuntimeBroker.exe"],
  ["SearchIndexer.exe", "Microsoft Windows Search Indexer", "SearchIndexer.exe"],
  ["spoolsv.exe", "Spooler SubSystem App", "spoolsv.exe"],
  ["ctfmon.exe", "CTF Loader", "CTFMON.EXE"],
  ["conhost.exe", "Console Window Host", "CONHOST.EXE"],
  ["cmd.exe", "Windows Command Processor", "Cmd.Exe"],
  ["rundll32.exe", "Windows host process (Rundll32)", "RUNDLL32.EXE"],
  ["reg.exe", "Registry Console Tool", "reg.exe"],
  ["schtasks.exe", "Task Scheduler Configuration Tool", "schtasks.exe"],
  ["forfiles.exe", "ForFiles - Executes a command on selected files", "forfiles.exe"],
  ["sc.exe", "Service Control Manager Configuration Tool", "sc.exe"],
  ["net.exe", "Net Command", "net.exe"],
  ["net1.exe", "Net Command", "net1.exe"],
  ["whoami.exe", "whoami - displays logged on user information", "whoami.exe"],
  ["ipconfig.exe", "IP Configuration Utility", "ipconfig.exe"],
  ["tasklist.exe", "Lists the current running tasks", "tasklist.exe"],
  ["find.exe", "Find String (grep) Utility", "find.exe"],
  ["findstr.exe", "Find String (QGREP) Utility", "FINDSTR.EXE"],
  ["certutil.exe", "CertUtil.exe", "CertUtil.exe"],
  ["mshta.exe", "Microsoft (R) HTML Application host", "MSHTA.EXE"],
  ["regsvr32.exe", "Microsoft(C) Register Server", "REGSVR32.EXE"],
  ["cscript.exe", "Microsoft ® Console Based Script Host", "cscript.exe"],
  ["wscript.exe", "Microsoft ® Windows Based Script Host", "wscript.exe"],
  ["dllhost.exe", "COM Surrogate", "dllhost.exe"],
  ["consent.exe", "Consent UI for administrative applications", "consent.exe"],
  ["notepad.exe", "Notepad", "NOTEPAD.EXE"],
  ["taskmgr.exe", "Task Manager", "Taskmgr.exe"],
  ["backgroundTaskHost.exe", "Background Task Host", "backgroundTaskHost.exe"],
  ["MoUsoCoreWorker.exe", "MoUSO Core Worker Process", "MoUsoCoreWorker.exe"],
  ["usoclient.exe", "UsoClient", "UsoClient"],
  ["wuauclt.exe", "Windows Update", "wuauclt.exe"],
  ["SecurityHealthService.exe", "Windows Security Health Service", "SecurityHealthService.exe"],
  ["smartscreen.exe", "Windows Defender SmartScreen", "smartscreen.exe"],
  ["audiodg.exe", "Windows Audio Device Graph Isolation", "audiodg.exe"],
  ["LogonUI.exe", "Windows Logon User Interface Host", "LogonUI.exe"],
  ["dns.exe", "Domain Name System (DNS) Server", "dns.exe"],
  ["dfsrs.exe", "Distributed File System Replication", "dfsrs.exe"],
  ["ismserv.exe", "Windows NT Intersite Messaging Service", "ismserv.exe"],
  ["ntdll.dll", "NT Layer DLL", "ntdll.dll"],
  ["kernel32.dll", "Windows NT BASE API Client DLL", "kernel32"],
  ["KernelBase.dll", "Windows NT BASE API Client DLL", "Kernelbase.dll"],
  ["comsvcs.dll", "COM+ Services", "comsvcs.dll"],
  ["dbghelp.dll", "Windows Image Helper", "DBGHELP.DLL"],
  ["dbgcore.dll", "Windows Core Debugging Helpers", "DBGCORE.DLL"],
  ["amsi.dll", "Anti-Malware Scan Interface", "amsi.dll"],
  ["wininet.dll", "Internet Extensions for Win32", "wininet.dll"],
  ["winhttp.dll", "Windows HTTP Services", "winhttp.dll"],
  ["urlmon.dll", "OLE32 Extensions for Win32", "UrlMon.dll"],
  ["samlib.dll", "SAM Library DLL", "samlib.dll"],
  ["vaultcli.dll", "Credential Vault Client Library", "vaultcli.dll"],
  ["taskschd.dll", "Task Scheduler COM API", "taskschd.dll"],
  ["wmiutils.dll", "WMI", "wmiutils.dll"],
  ["WindowsPowerShell\\v1.0\\powershell.exe", "Windows PowerShell", "PowerShell.EXE"],
  ["wbem\\WmiPrvSE.exe", "WMI Provider Host", "Wmiprvse.exe"],
  ["wbem\\WMIC.exe", "WMI Commandline Utility", "wmic.exe"],
];

export interface ThirdParty {
  readonly path: string;
  readonly version: string;
  readonly description: string;
  readonly product: string;
  readonly company: string;
  readonly original: string;
  /** Signer; absent for unsigned tools (Sysmon: Signed false, Signature "-", status Unavailable). */
  readonly signature?: string;
  /** The real import hash when detections key on it (else derived like the other hashes). */
  readonly imphash?: string;
}

const thirdParty: readonly ThirdParty[] = [
  {
    path: "C:\\Program Files\\Microsoft Office\\root\\Office16\\WINWORD.EXE",
    version: "16.0.17029.20108",
    description: "Microsoft Word",
    product: "Microsoft Office",
    company: MS,
    original: "WinWord.exe",
    signature: "Microsoft Corporation",
  },
  {
    path: "C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe",
    version: "131.0.2903.112",
    description: "Microsoft Edge",
    product: "Microsoft Edge",
    company: MS,
    original: "msedge.exe",
    signature: "Microsoft Corporation",
  },
  {
    path: "C:\\ProgramData\\Microsoft\\Windows Defender\\Platform\\4.18.24090.11-0\\MsMpEng.exe",
    version: "4.18.24090.11 (WinBuild.160101.0800)",
    description: "Antimalware Service Executable",
    product: WIN_PRODUCT,
    company: MS,
    original: "MsMpEng.exe",
    signature: "Microsoft Windows Publisher",
  },
  {
    path: "C:\\Windows\\Sysmon64.exe",
    version: "15.15",
    description: "System activity monitor",
    product: "Sysinternals Sysmon",
    company: "Sysinternals - www.sysinternals.com",
    original: "Sysmon.exe",
    signature: "Microsoft Corporation",
  },
  // Sysinternals tools operators bring along: their identity follows the binary to any folder or name.
  {
    path: "C:\\Tools\\PsExec.exe",
    version: "2.43",
    description: "Execute processes remotely",
    product: "Sysinternals PsExec",
    company: "Sysinternals - www.sysinternals.com",
    original: "psexec.c",
    signature: "Microsoft Corporation",
  },
  {
    path: "C:\\Tools\\PsExec64.exe",
    version: "2.43",
    description: "Execute processes remotely",
    product: "Sysinternals PsExec",
    company: "Sysinternals - www.sysinternals.com",
    original: "psexec.exe",
    signature: "Microsoft Corporation",
  },
  {
    path: "C:\\Tools\\procdump.exe",
    version: "11.0",
    description: "Sysinternals process dump utility",
    product: "ProcDump",
    company: "Sysinternals - www.sysinternals.com",
    original: "procdump",
    signature: "Microsoft Corporation",
  },
  {
    path: "C:\\Tools\\procdump64.exe",
    version: "11.0",
    description: "Sysinternals process dump utility",
    product: "ProcDump",
    company: "Sysinternals - www.sysinternals.com",
    original: "procdump",
    signature: "Microsoft Corporation",
  },
  {
    path: "C:\\Tools\\sdelete.exe",
    version: "2.05",
    description: "Secure file delete",
    product: "Sysinternals Sdelete",
    company: "Sysinternals - www.sysinternals.com",
    original: "sdelete.exe",
    signature: "Microsoft Corporation",
  },
  {
    path: "C:\\Tools\\sdelete64.exe",
    version: "2.05",
    description: "Secure file delete",
    product: "Sysinternals Sdelete",
    company: "Sysinternals - www.sysinternals.com",
    original: "sdelete.exe",
    signature: "Microsoft Corporation",
  },
  {
    path: "C:\\Program Files (x86)\\GnuPG\\bin\\gpg.exe",
    version: "2.4.5",
    description: "GnuPG\u2019s OpenPGP tool",
    product: "GNU Privacy Guard",
    company: "g10 Code GmbH",
    original: "gpg.exe",
    signature: "g10 Code GmbH",
  },
  {
    path: "C:\\Program Files (x86)\\AutoIt3\\AutoIt3.exe",
    version: "3.3.16.1",
    description: "AutoIt v3 Script",
    product: "AutoIt v3 Script",
    company: "AutoIt Team",
    original: "AutoIt3.exe",
    signature: "AutoIt Consulting Ltd",
    imphash: "F8A00C72F2D667D2EDBB234D0C0AE000",
  },
  {
    path: "C:\\Program Files\\Python311\\python.exe",
    version: "3.11.9",
    description: "Python",
    product: "Python",
    company: "Python Software Foundation",
    original: "python.exe",
    signature: "Python Software Foundation",
  },
  {
    // Defender's scanning engine, loaded by MsMpEng from the current definition update folder.
    path: "C:\\ProgramData\\Microsoft\\Windows Defender\\Definition Updates\\{5A8F3C9E-2B4D-4E1F-9A7C-3D6B8E0F1A2C}\\mpengine.dll",
    version: "1.1.24090.11",
    description: "Microsoft Malware Protection Engine",
    product: "Microsoft Malware Protection",
    company: MS,
    original: "mpengine.dll",
    signature: "Microsoft Corporation",
  },
  {
    // The CPython runtime every python.exe and PyInstaller/py2exe bundle loads (a _MEI copy keeps this identity).
    path: "C:\\Program Files\\Python311\\python311.dll",
    version: "3.11.9",
    description: "Python Core",
    product: "Python",
    company: "Python Software Foundation",
    original: "python311.dll",
    signature: "Python Software Foundation",
  },
  {
    path: "C:\\Users\\Public\\OneDrive\\OneDrive.exe",
    version: "24.211.1020.0001",
    description: "Microsoft OneDrive",
    product: "Microsoft OneDrive",
    company: MS,
    original: "OneDrive.exe",
    signature: "Microsoft Corporation",
  },
];

function hashes(identity: string) {
  return {
    md5: stableHex(`md5|${identity}`, 32).toUpperCase(),
    sha1: stableHex(`sha1|${identity}`, 40).toUpperCase(),
    sha256: stableHex(`sha256|${identity}`, 64).toUpperCase(),
    imphash: stableHex(`imphash|${identity}`, 32).toUpperCase(),
  };
}

export function baseName(path: string): string {
  const i = Math.max(path.lastIndexOf("\\"), path.lastIndexOf("/"));
  return i < 0 ? path : path.slice(i + 1);
}

/** Per-OS catalogue; `image(path)` always answers (unknown binaries get "-" metadata, unsigned). */
export class ImageCatalog {
  private readonly base: BaseCatalog;
  /** Paths first met in this world (copies, odd casing, unknown binaries): kept per world. */
  private readonly byPath = new Map<string, ImageInfo>();

  constructor(readonly os: OsInfo) {
    const key = `${os.version}|${os.fileVersion}`;
    let base = baseCatalogs.get(key);
    if (!base) baseCatalogs.set(key, (base = buildBase(os)));
    this.base = base;
  }

  /** Metadata for a path; a known Windows binary copied elsewhere keeps its metadata (renamed-binary cases). */
  image(path: string): ImageInfo {
    const key = lower(path);
    const known = this.base.byPath.get(key) ?? this.byPath.get(key);
    if (known) return known;
    const name = baseName(path);
    // System binaries reached through SysWOW64 or odd casing keep their identity.
    const sameName = this.base.byName.get(name.toLowerCase());
    const info: ImageInfo = sameName
      ? { ...sameName, path, fileName: name }
      : {
          path,
          fileName: name,
          fileVersion: "-",
          description: "-",
          product: "-",
          company: "-",
          originalFileName: "-",
          ...hashes(`unknown|${key}`),
          signed: false,
          signature: "-",
          signatureStatus: "Unavailable",
        };
    this.byPath.set(key, info);
    return info;
  }

  /** The System32 binary by file name (e.g. "cmd.exe"). */
  system32(name: string): ImageInfo {
    return this.image(`C:\\Windows\\System32\\${name}`);
  }
}

interface BaseCatalog {
  readonly byPath: Map<string, ImageInfo>;
  readonly byName: Map<string, ImageInfo>;
}

/** The known binaries of an OS build, built once per process: every world of that build shares them. */
const baseCatalogs = new Map<string, BaseCatalog>();

function buildBase(os: OsInfo): BaseCatalog {
  const base: BaseCatalog = { byPath: new Map(), byName: new Map() };
  const add = (info: ImageInfo) => {
    base.byPath.set(info.path.toLowerCase(), info);
    if (!base.byName.has(info.fileName.toLowerCase())) base.byName.set(info.fileName.toLowerCase(), info);
  };
  for (const [rel, description, original, product] of [...windowsBinaries, ...moreWindowsBinaries]) {
    const path = rel.includes(":") ? rel : `C:\\Windows\\System32\\${rel}`;
    add({
      path,
      fileName: baseName(path),
      fileVersion: os.fileVersion,
      description,
      product: product ?? WIN_PRODUCT,
      company: MS,
      originalFileName: original,
      ...hashes(`${original}|${os.fileVersion}`),
      signed: true,
      signature: "Microsoft Windows",
      signatureStatus: "Valid",
    });
  }
  for (const t of [...thirdParty, ...systemImages, ...toolImages]) {
    add({
      path: t.path,
      fileName: baseName(t.path),
      fileVersion: t.version,
      description: t.description,
      product: t.product,
      company: t.company,
      originalFileName: t.original,
      ...hashes(`${t.original}|${t.version}`),
      ...(t.imphash ? { imphash: t.imphash } : {}),
      signed: t.signature !== undefined,
      signature: t.signature ?? "-",
      signatureStatus: t.signature !== undefined ? "Valid" : "Unavailable",
    });
  }
  return base;
}

/** Built once per image (every Sysmon 1 and 7 prints it); weak, so per-world images go with their world. */
const hashesText = new WeakMap<ImageInfo, string>();

/** Sysmon's Hashes field in the order of the usual config (SHA1, MD5, SHA256, IMPHASH). */
export function sysmonHashes(info: ImageInfo): string {
  let h = hashesText.get(info);
  if (h === undefined)
    hashesText.set(
      info,
      (h = `SHA1=${info.sha1},MD5=${info.md5},SHA256=${info.sha256},IMPHASH=${info.imphash}`),
    );
  return h;
}
