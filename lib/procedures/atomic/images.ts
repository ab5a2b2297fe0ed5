/** Where Windows keeps the binaries attackers and Atomic tests call by bare name. */

export const S32 = "C:\\Windows\\System32";
export const CMD = `${S32}\\cmd.exe`;
export const POWERSHELL = `${S32}\\WindowsPowerShell\\v1.0\\powershell.exe`;
export const CONHOST = `${S32}\\conhost.exe`;
export const CONHOST_ARGS = "\\??\\C:\\Windows\\system32\\conhost.exe 0xffffffff -ForceV1";
export const ATOMICS = "C:\\AtomicRedTeam\\atomics";

const SYSTEM32 = `arp at attrib auditpol bcdedit bitsadmin cacls certreq certutil chcp choice cipher clip cmd cmdkey
cmstp conhost control cscript curl dcdiag diskshadow dism dnscmd doskey driverquery dsquery esentutl eventvwr
expand extrac32 findstr find finger fltmc forfiles fsutil ftp getmac gpresult gpupdate hostname icacls ipconfig
klist ldifde logman makecab mavinject mmc mountvol msdt msg mshta msiexec nbtstat net net1 netsh netstat nltest
notepad nslookup odbcconf pcalua pcwrun ping pktmon powercfg print qprocess query quser qwinsta rasdial reg regedit
regini regsvr32 replace robocopy route rpcping rundll32 runas sc schtasks sdbinst secedit setspn sfc shutdown sort
systeminfo takeown taskkill tasklist timeout tracert tscon tzutil vssadmin w32tm wbadmin wevtutil where whoami
winrm wscript wsl xcopy calc mspaint write charmap osk magnify explorer eventcreate vaultcmd wuauclt wecutil
cmdl32 bitsadmin ieexec infdefaultinstall ie4uinit presentationhost pubprn syncappvpublishingserver
verclsid wsreset cmstp diantz dxcap fodhelper computerdefaults sdclt slui wusa lodctr unlodctr relog typeperf
tar bash wslconfig sethc utilman narrator displayswitch atbroker msconfig perfmon resmon taskmgr mstsc
dsregcmd manage-bde repair-bde bootcfg chglogon chgport change logoff reset rwinsta shadow tsdiscon tskill
ntdsutil repadmin netdom dsget dsmod dsadd csvde wmic tree psr gpscript scriptrunner print more comp fc label mode recover subst chkdsk diskpart cleanmgr rstrui mrt lpksetup iscsicpl sigverif systemreset`;

const TABLE: Record<string, string> = {
  powershell: POWERSHELL,
  powershell_ise: `${S32}\\WindowsPowerShell\\v1.0\\powershell_ise.exe`,
  pwsh: "C:\\Program Files\\PowerShell\\7\\pwsh.exe",
  wmic: `${S32}\\wbem\\WMIC.exe`,
  mofcomp: `${S32}\\wbem\\mofcomp.exe`,
  winrm: `${S32}\\winrm.cmd`,
  python: "C:\\Program Files\\Python311\\python.exe",
  python3: "C:\\Program Files\\Python311\\python.exe",
  py: "C:\\Windows\\py.exe",
  msbuild: "C:\\Windows\\Microsoft.NET\\Framework64\\v4.0.30319\\MSBuild.exe",
  installutil: "C:\\Windows\\Microsoft.NET\\Framework64\\v4.0.30319\\InstallUtil.exe",
  regasm: "C:\\Windows\\Microsoft.NET\\Framework64\\v4.0.30319\\RegAsm.exe",
  regsvcs: "C:\\Windows\\Microsoft.NET\\Framework64\\v4.0.30319\\RegSvcs.exe",
  csc: "C:\\Windows\\Microsoft.NET\\Framework64\\v4.0.30319\\csc.exe",
  jsc: "C:\\Windows\\Microsoft.NET\\Framework64\\v4.0.30319\\jsc.exe",
  ieexec: "C:\\Windows\\Microsoft.NET\\Framework64\\v2.0.50727\\IEExec.exe",
  hh: "C:\\Windows\\hh.exe",
  explorer: "C:\\Windows\\explorer.exe",
  regedit: "C:\\Windows\\regedit.exe",
  notepad: `${S32}\\notepad.exe`,
  winword: "C:\\Program Files\\Microsoft Office\\root\\Office16\\WINWORD.EXE",
  excel: "C:\\Program Files\\Microsoft Office\\root\\Office16\\EXCEL.EXE",
  outlook: "C:\\Program Files\\Microsoft Office\\root\\Office16\\OUTLOOK.EXE",
  msedge: "C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe",
  chrome: "C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe",
  "7z": "C:\\Program Files\\7-Zip\\7z.exe",
  winrar: "C:\\Program Files\\WinRAR\\WinRAR.exe",
  rar: "C:\\Program Files\\WinRAR\\Rar.exe",
  psexec: "C:\\Tools\\PsExec.exe",
  procdump: "C:\\Tools\\procdump.exe",
  mimikatz: "C:\\Users\\Public\\mimikatz.exe",
  rclone: "C:\\Users\\Public\\rclone.exe",
  adfind: "C:\\Users\\Public\\AdFind.exe",
  sqlcmd: "C:\\Program Files\\Microsoft SQL Server\\Client SDK\\ODBC\\170\\Tools\\Binn\\SQLCMD.EXE",
  defender: "C:\\Program Files\\Windows Defender\\MpCmdRun.exe",
  mpcmdrun: "C:\\Program Files\\Windows Defender\\MpCmdRun.exe",
  wordpad: "C:\\Program Files\\Windows NT\\Accessories\\wordpad.exe",
  java: "C:\\Program Files\\Java\\jre1.8.0_381\\bin\\java.exe",
  node: "C:\\Program Files\\nodejs\\node.exe",
  git: "C:\\Program Files\\Git\\cmd\\git.exe",
  ssh: `${S32}\\OpenSSH\\ssh.exe`,
  scp: `${S32}\\OpenSSH\\scp.exe`,
  "ssh-keygen": `${S32}\\OpenSSH\\ssh-keygen.exe`,
};
for (const name of SYSTEM32.split(/\s+/)) if (name && !TABLE[name]) TABLE[name] = `${S32}\\${name}.exe`;

/** Full image path of a binary typed by bare name ("reg", "reg.exe", "WMIC"), or undefined if unknown. */
export function knownImage(token: string): string | undefined {
  const name = token
    .replace(/^.*[\\/]/, "")
    .toLowerCase()
    .replace(/\.(exe|com|cmd)$/, "");
  return TABLE[name];
}

/** Lower-case file name without extension ("C:\\x\\Reg.EXE" → "reg"). */
export function baseName(token: string): string {
  return token
    .replace(/^.*[\\/]/, "")
    .toLowerCase()
    .replace(/\.(exe|com)$/, "");
}

export function isAbsolutePath(p: string): boolean {
  return /^[a-z]:\\/i.test(p) || p.startsWith("\\\\");
}

/** Every binary name the table knows (for the free-text parser). */
export function knownBinaryNames(): string[] {
  return Object.keys(TABLE);
}

/** Modules the well-known proxy binaries load (Sysmon 7) besides their target DLL. */
export const PROXY_LOADS: Record<string, readonly string[]> = {
  mshta: [`${S32}\\mshtml.dll`, `${S32}\\jscript9.dll`, `${S32}\\vbscript.dll`],
  regsvr32: [`${S32}\\scrobj.dll`],
  rundll32: [],
  cscript: [`${S32}\\jscript.dll`, `${S32}\\vbscript.dll`],
  wscript: [`${S32}\\jscript.dll`, `${S32}\\vbscript.dll`],
  msbuild: ["C:\\Windows\\Microsoft.NET\\Framework64\\v4.0.30319\\clr.dll"],
  installutil: ["C:\\Windows\\Microsoft.NET\\Framework64\\v4.0.30319\\clr.dll"],
  regasm: ["C:\\Windows\\Microsoft.NET\\Framework64\\v4.0.30319\\clr.dll"],
  regsvcs: ["C:\\Windows\\Microsoft.NET\\Framework64\\v4.0.30319\\clr.dll"],
  powershell: ["C:\\Windows\\Microsoft.NET\\Framework64\\v4.0.30319\\clr.dll", `${S32}\\amsi.dll`],
};
