import type { Command } from "commander";
import { registerAgent } from "./agent";
import { registerAtomic } from "./atomic";
import { registerAttack } from "./attack";
import { registerCoverage } from "./coverage";
import { registerDetect } from "./detect";
import { registerGenerate } from "./generate";
import { registerRules } from "./rules";
import { registerValidate } from "./validate";
import { registerVerify } from "./verify";

/** Each command module exports a function that adds its command to the program. Listed explicitly. */
export type RegisterCommand = (program: Command) => void;

export const commands: RegisterCommand[] = [
  registerAgent,
  registerAtomic,
  registerAttack,
  registerCoverage,
  registerDetect,
  registerGenerate,
  registerRules,
  registerValidate,
  registerVerify,
];
