import "server-only";
import { z } from "zod";
import { Prisma } from "@/lib/generated/prisma/client";
import { InputError, notFound, parseInput } from "@/lib/schemas/errors";
import { idSchema } from "@/lib/schemas/scenario";
import type { Actor } from "./actors";
import { db } from "./client";

export interface StoredRule {
  title?: string;
  /** Sigma rule YAML. */
  text: string;
}

export interface RuleSetRecord {
  id: string;
  teamId: string;
  name: string;
  description: string;
  rules: StoredRule[];
  /** Runs of the team are matched against enabled sets only. */
  enabled: boolean;
  createdAt: string;
  updatedAt: string;
}

const ruleSchema = z.strictObject({
  title: z.string().trim().max(300).optional(),
  text: z.string().min(1, "a rule text is required").max(200_000, "at most 200,000 characters"),
});
const ruleSetInput = z.strictObject({
  name: z.string().trim().min(1, "a name is required").max(100),
  description: z.string().trim().max(2_000).optional(),
  rules: z.array(ruleSchema).max(5_000, "at most 5,000 rules").optional(),
  enabled: z.boolean({ error: "true or false" }).optional(),
});
export type RuleSetInput = z.input<typeof ruleSetInput>;
const ruleSetPatch = ruleSetInput.partial();

type Row = Prisma.RuleSetGetPayload<object>;
const toRecord = (row: Row): RuleSetRecord => ({
  id: row.id,
  teamId: row.teamId,
  name: row.name,
  description: row.description,
  rules: row.rules as unknown as StoredRule[],
  enabled: row.enabled,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});

async function nameTaken(actor: Actor, name: string, except?: string): Promise<boolean> {
  const row = await db().ruleSet.findUnique({ where: { teamId_name: { teamId: actor.teamId, name } } });
  return Boolean(row && row.id !== except);
}

export async function createRuleSet(actor: Actor, input: RuleSetInput): Promise<RuleSetRecord> {
  const data = parseInput(ruleSetInput, input);
  if (await nameTaken(actor, data.name))
    throw new InputError("conflict", `a rule set named ${data.name} exists`);
  const row = await db().ruleSet.create({
    data: {
      teamId: actor.teamId,
      name: data.name,
      description: data.description ?? "",
      rules: (data.rules ?? []) as Prisma.InputJsonValue,
      enabled: data.enabled ?? true,
    },
  });
  return toRecord(row);
}

export async function getRuleSet(actor: Actor, id: string): Promise<RuleSetRecord | null> {
  if (!idSchema.safeParse(id).success) return null;
  const row = await db().ruleSet.findFirst({ where: { id, teamId: actor.teamId } });
  return row ? toRecord(row) : null;
}

/** The team's rule sets by name (rules included). */
export async function listRuleSets(actor: Actor): Promise<RuleSetRecord[]> {
  const rows = await db().ruleSet.findMany({ where: { teamId: actor.teamId }, orderBy: { name: "asc" } });
  return rows.map(toRecord);
}

export async function updateRuleSet(
  actor: Actor,
  id: string,
  patch: Partial<RuleSetInput>,
): Promise<RuleSetRecord> {
  const data = parseInput(ruleSetPatch, patch);
  if (!(await getRuleSet(actor, id))) throw notFound("rule set", id);
  if (data.name && (await nameTaken(actor, data.name, id))) {
    throw new InputError("conflict", `a rule set named ${data.name} exists`);
  }
  const row = await db().ruleSet.update({
    where: { id },
    data: {
      ...(data.name !== undefined ? { name: data.name } : {}),
      ...(data.description !== undefined ? { description: data.description } : {}),
      ...(data.rules !== undefined ? { rules: data.rules as Prisma.InputJsonValue } : {}),
      ...(data.enabled !== undefined ? { enabled: data.enabled } : {}),
    },
  });
  return toRecord(row);
}

export async function deleteRuleSet(actor: Actor, id: string): Promise<void> {
  if (!(await getRuleSet(actor, id))) throw notFound("rule set", id);
  await db().ruleSet.delete({ where: { id } });
}
