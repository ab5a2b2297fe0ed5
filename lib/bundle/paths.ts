/** A bundle member name that cannot escape the extraction folder: relative, forward slashes, no "." or "..". */
export function safeEntryPath(name: string): boolean {
  if (!name || name.length > 300 || name.includes("\\") || name.includes("\0")) return false;
  if (name.startsWith("/") || /^[A-Za-z]:/.test(name)) return false;
  return name.split("/").every((part) => part !== "" && part !== "." && part !== "..");
}
