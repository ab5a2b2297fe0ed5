import { procedureOf, type LibraryProcedure } from "./build";
import { extraVariants } from "./extras";
import type { TechniqueEntry } from "./types";
import { collection } from "./tables/collection";
import { commandAndControlB } from "./tables/command-and-control-b";
import { commandAndControl } from "./tables/command-and-control";
import { credentialAccess2B } from "./tables/credential-access-2-b";
import { credentialAccess2 } from "./tables/credential-access-2";
import { credentialAccessB } from "./tables/credential-access-b";
import { credentialAccessC } from "./tables/credential-access-c";
import { credentialAccess } from "./tables/credential-access";
import { defenseEvasion2B } from "./tables/defense-evasion-2-b";
import { defenseEvasion2 } from "./tables/defense-evasion-2";
import { defenseEvasion3B } from "./tables/defense-evasion-3-b";
import { defenseEvasion3C } from "./tables/defense-evasion-3-c";
import { defenseEvasion3 } from "./tables/defense-evasion-3";
import { defenseEvasionB } from "./tables/defense-evasion-b";
import { defenseEvasionC } from "./tables/defense-evasion-c";
import { defenseEvasion } from "./tables/defense-evasion";
import { discoveryB } from "./tables/discovery-b";
import { discovery } from "./tables/discovery";
import { executionB } from "./tables/execution-b";
import { executionD } from "./tables/execution-d";
import { executionC } from "./tables/execution-c";
import { execution } from "./tables/execution";
import { exfiltration } from "./tables/exfiltration";
import { impact } from "./tables/impact";
import { initialAccessB } from "./tables/initial-access-b";
import { initialAccess } from "./tables/initial-access";
import { lateralMovementB } from "./tables/lateral-movement-b";
import { lateralMovementC } from "./tables/lateral-movement-c";
import { lateralMovement } from "./tables/lateral-movement";
import { persistence2B } from "./tables/persistence-2-b";
import { persistence2 } from "./tables/persistence-2";
import { persistence3 } from "./tables/persistence-3";
import { persistenceB } from "./tables/persistence-b";
import { persistenceD } from "./tables/persistence-d";
import { persistenceC } from "./tables/persistence-c";
import { persistence } from "./tables/persistence";
import { privilegeEscalationB } from "./tables/privilege-escalation-b";
import { privilegeEscalation } from "./tables/privilege-escalation";

/** Every table, listed explicitly; one procedure per row (extra named-tool variants first). */
export const entries: readonly TechniqueEntry[] = [
  ...collection,
  ...commandAndControlB,
  ...commandAndControl,
  ...credentialAccess2B,
  ...credentialAccess2,
  ...credentialAccessB,
  ...credentialAccess,
  ...credentialAccessC,
  ...defenseEvasion2,
  ...defenseEvasion2B,
  ...defenseEvasion3B,
  ...defenseEvasion3,
  ...defenseEvasion3C,
  ...defenseEvasionB,
  ...defenseEvasion,
  ...defenseEvasionC,
  ...discoveryB,
  ...discovery,
  ...executionB,
  ...executionD,
  ...execution,
  ...executionC,
  ...exfiltration,
  ...impact,
  ...initialAccessB,
  ...initialAccess,
  ...lateralMovementB,
  ...lateralMovement,
  ...lateralMovementC,
  ...persistence2B,
  ...persistence2,
  ...persistence3,
  ...persistenceB,
  ...persistenceD,
  ...persistence,
  ...persistenceC,
  ...privilegeEscalationB,
  ...privilegeEscalation,
].map((e) => ({ ...e, variants: [...(extraVariants[e.technique] ?? []), ...e.variants] }));

/** A parent technique is carried out through its sub-techniques: its row also offers their first variants. */
function withChildren(e: TechniqueEntry): TechniqueEntry {
  if (e.technique.includes(".")) return e;
  const children = entries.filter((c) => c.technique.startsWith(`${e.technique}.`)).slice(0, 8);
  const borrowed = children.map((c) => ({ ...c.variants[0], name: `${c.technique}:${c.variants[0].name}` }));
  return { ...e, variants: [...e.variants, ...borrowed] };
}

export const libraryProcedures: readonly LibraryProcedure[] = entries.map(withChildren).map(procedureOf);
