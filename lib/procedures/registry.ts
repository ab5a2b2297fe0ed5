import type { Procedure } from "@/lib/engine/procedure";
import { lsassComsvcsMiniDump } from "./curated/t1003-001";
import { adminShareServiceExec } from "./curated/t1021-002";
import { schtasksLogonTask } from "./curated/t1053-005";
import { encodedCradleFromWord } from "./curated/t1059-001";
import { forfilesObfuscatedPython } from "./curated/t1202";
import { runKeyRegAdd } from "./curated/t1547-001";
import { libraryProcedures } from "./library";

/** Every procedure the engine can run, listed explicitly. Add one: a file in curated/, then a line here. */
export const procedures: readonly Procedure[] = [
  encodedCradleFromWord,
  lsassComsvcsMiniDump,
  schtasksLogonTask,
  runKeyRegAdd,
  adminShareServiceExec,
  forfilesObfuscatedPython,
  ...libraryProcedures,
];

export function proceduresFor(technique: string): Procedure[] {
  return procedures.filter((p) => p.technique === technique);
}
