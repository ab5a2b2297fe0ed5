import type { Rng } from "../../rng";

/**
 * Script block logging as CompiledScriptBlock.LogScriptBlockCreation does it: texts under 20,000 UTF-16
 * characters go in one event; longer ones are cut into segments of 10,000 + random(0..9,999) characters so
 * rules cannot rely on fixed boundaries. The segment count is floor(length / size) + 1 (integer division),
 * which leaves an empty last segment when the length is an exact multiple, as Windows does.
 */
export const singleEventLimit = 20_000;

export function splitScriptBlock(text: string, rng: Rng): string[] {
  if (text.length < singleEventLimit) return [text];
  const segmentSize = 10_000 + rng.int(0, 9_999);
  const segments = Math.floor(text.length / segmentSize) + 1;
  const parts: string[] = [];
  for (let i = 0; i < segments; i++) {
    const start = i * segmentSize;
    parts.push(text.slice(start, start + Math.min(segmentSize, text.length - start)));
  }
  return parts;
}

/**
 * Words PowerShell's SuspiciousContentChecker looks for (its hashed pattern list). A match makes the 4104 a
 * Warning that is logged even when script block logging is off. All patterns are letters only, so a
 * case-insensitive substring test is equivalent to PowerShell's rolling hash over runs of [A-Za-z-].
 */
const suspiciousWords = [
  "Add-Type",
  "DllImport",
  "DefineDynamicAssembly",
  "DefineDynamicModule",
  "DefineType",
  "DefineConstructor",
  "CreateType",
  "DefineLiteral",
  "DefineEnum",
  "DefineField",
  "ILGenerator",
  "Emit",
  "UnverifiableCodeAttribute",
  "DefinePInvokeMethod",
  "GetTypes",
  "GetAssemblies",
  "Methods",
  "Properties",
  "GetConstructor",
  "GetConstructors",
  "GetDefaultMembers",
  "GetEvent",
  "GetEvents",
  "GetField",
  "GetFields",
  "GetInterface",
  "GetInterfaceMap",
  "GetInterfaces",
  "GetMember",
  "GetMembers",
  "GetMethod",
  "GetMethods",
  "GetNestedType",
  "GetNestedTypes",
  "GetProperties",
  "GetProperty",
  "InvokeMember",
  "MakeArrayType",
  "MakeByRefType",
  "MakeGenericType",
  "MakePointerType",
  "DeclaringMethod",
  "DeclaringType",
  "ReflectedType",
  "TypeHandle",
  "TypeInitializer",
  "UnderlyingSystemType",
  "InteropServices",
  "Marshal",
  "AllocHGlobal",
  "PtrToStructure",
  "StructureToPtr",
  "FreeHGlobal",
  "IntPtr",
  "MemoryStream",
  "DeflateStream",
  "FromBase64String",
  "EncodedCommand",
  "Bypass",
  "ToBase64String",
  "ExpandString",
  "GetPowerShell",
  "OpenProcess",
  "VirtualAlloc",
  "VirtualFree",
  "WriteProcessMemory",
  "CreateUserThread",
  "CloseHandle",
  "GetDelegateForFunctionPointer",
  "kernel32",
  "CreateThread",
  "memcpy",
  "LoadLibrary",
  "GetModuleHandle",
  "GetProcAddress",
  "VirtualProtect",
  "FreeLibrary",
  "ReadProcessMemory",
  "CreateRemoteThread",
  "AdjustTokenPrivileges",
  "WriteByte",
  "WriteInt32",
  "OpenThreadToken",
  "PtrToString",
  "ZeroFreeGlobalAllocUnicode",
  "OpenProcessToken",
  "GetTokenInformation",
  "SetThreadToken",
  "ImpersonateLoggedOnUser",
  "RevertToSelf",
  "GetLogonSessionData",
  "CreateProcessWithToken",
  "DuplicateTokenEx",
  "OpenWindowStation",
  "OpenDesktop",
  "MiniDumpWriteDump",
  "AddSecurityPackage",
  "EnumerateSecurityPackages",
  "GetProcessHandle",
  "DangerousGetHandle",
  "CryptoServiceProvider",
  "Cryptography",
  "RijndaelManaged",
  "SHA1Managed",
  "CryptoStream",
  "CreateEncryptor",
  "CreateDecryptor",
  "TransformFinalBlock",
  "DeviceIoControl",
  "SetInformationProcess",
  "PasswordDeriveBytes",
  "GetAsyncKeyState",
  "GetKeyboardState",
  "GetForegroundWindow",
  "BindingFlags",
  "NonPublic",
  "ScriptBlockLogging",
  "LogPipelineExecutionDetails",
  "ProtectedEventLogging",
].map((w) => w.toLowerCase());

/** The first suspicious word in the text, or null. */
export function suspiciousMatch(text: string): string | null {
  const lower = text.toLowerCase();
  for (const word of suspiciousWords) if (lower.includes(word)) return word;
  return null;
}
