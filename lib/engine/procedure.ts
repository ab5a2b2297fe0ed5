import type { ActionInput } from "./actions";
import type { Rng } from "./rng";

/** Names of the generated estate, so procedures can write realistic command lines. */
export interface EstateNames {
  /** `sid`: the domain SID (absent in names built before it was added). */
  readonly domain: { readonly netbios: string; readonly dns: string; readonly sid?: string };
  readonly hosts: readonly {
    readonly ref: string;
    readonly name: string;
    readonly fqdn: string;
    readonly ip: string;
    readonly role: string;
  }[];
  /** sAMAccountName of the interactive user and of the domain admin. */
  readonly user: string;
  readonly admin: string;
}

export interface ProcedureContext {
  readonly rng: Rng;
  /** Host reference of the step ("@workstation" unless the step says otherwise). */
  readonly host: string;
  /** User reference of the step ("@user" unless the step says otherwise). */
  readonly user: string;
  readonly variant?: string;
  readonly names: EstateNames;
  /** Resolves a host reference to its names (for command lines naming another host). */
  hostOf(ref: string): EstateNames["hosts"][number];
}

/** Technique knowledge as data plus a small builder of plain action JSON. */
export interface Procedure {
  readonly id: string;
  /** ATT&CK ID, e.g. "T1059.001". */
  readonly technique: string;
  readonly name: string;
  readonly description: string;
  readonly variants?: readonly string[];
  /** Sigma rule IDs this procedure's events are expected to fire (checked by tests). */
  readonly expectedRules?: readonly string[];
  build(context: ProcedureContext): ActionInput[];
}
