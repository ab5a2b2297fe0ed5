import type { Command } from "commander";

/** Each command module exports a function that adds its command to the program. Listed explicitly. */
export type RegisterCommand = (program: Command) => void;

export const commands: RegisterCommand[] = [];
