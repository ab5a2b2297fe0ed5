import type { Procedure } from "@/lib/engine/procedure";
import { lsassComsvcsMiniDump } from "./t1003-001";
import { adminShareServiceExec } from "./t1021-002";
import { schtasksLogonTask } from "./t1053-005";
import { encodedCradleFromWord } from "./t1059-001";
import { forfilesObfuscatedPython } from "./t1202";
import { runKeyRegAdd } from "./t1547-001";

/** The six proving procedures of the engine (issue 3), hand-written and tested against Sigma rules. */
export const curatedProcedures: readonly Procedure[] = [
  encodedCradleFromWord,
  lsassComsvcsMiniDump,
  schtasksLogonTask,
  runKeyRegAdd,
  adminShareServiceExec,
  forfilesObfuscatedPython,
];
