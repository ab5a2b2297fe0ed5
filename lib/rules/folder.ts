import { realpathSync } from "node:fs";
import { isAbsolute, relative, resolve, sep } from "node:path";
import { InputError } from "@/lib/schemas/errors";

/**
 * Resolves a server-side folder for import. Only folders inside `base` (SIGMA_RULES_DIR) are allowed, after
 * symlinks are resolved, so the API cannot be used to read arbitrary server files.
 */
export function allowedRuleFolder(folder: string, base: string | undefined): string {
  if (!base)
    throw new InputError("bad_request", "Folder import needs SIGMA_RULES_DIR to be set on the server", [
      { path: "folder", message: "SIGMA_RULES_DIR is not set" },
    ]);
  let root: string;
  let target: string;
  try {
    root = realpathSync(base);
  } catch {
    throw new InputError("bad_request", "SIGMA_RULES_DIR does not exist on the server");
  }
  try {
    target = realpathSync(isAbsolute(folder) ? folder : resolve(root, folder));
  } catch {
    throw new InputError("validation_failed", `Folder ${folder} does not exist under SIGMA_RULES_DIR`, [
      { path: "folder", message: "no such folder" },
    ]);
  }
  const rel = relative(root, target);
  if (rel.startsWith("..") || isAbsolute(rel) || rel.split(sep).includes(".."))
    throw new InputError("validation_failed", "Only folders inside SIGMA_RULES_DIR can be imported", [
      { path: "folder", message: `${folder} is outside SIGMA_RULES_DIR` },
    ]);
  return target;
}
