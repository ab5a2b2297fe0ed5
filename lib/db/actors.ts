import "server-only";
import { z } from "zod";
import { InputError, notFound, parseInput } from "@/lib/schemas/errors";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { db } from "./client";

/** Who is asking: every data-access call is scoped to `teamId`. */
export interface Actor {
  teamId: string;
  userId: string | null;
  /** Set only by lib/db's share-link readers, which check the link's target themselves. */
  viaShare?: boolean;
  /**
   * Set only by `publicReader`: reads another team's `public` scenarios and their runs, never anything else,
   * and every mutation refuses it (reported as not found, like any other team's row).
   */
  publicOnly?: boolean;
}

/** A read-only actor over `teamId`'s public scenarios (for members of other teams). */
export function publicReader(teamId: string): Actor {
  return { teamId, userId: null, publicOnly: true };
}

/** Mutations call this first: a public reader may not change anything. */
export function assertWritable(actor: Actor, kind: string, id: string): void {
  if (actor.publicOnly) throw notFound(kind, id);
}

export interface TeamRecord {
  id: string;
  slug: string;
  name: string;
  createdAt: string;
}

export interface UserRecord {
  id: string;
  email: string;
  name: string;
  createdAt: string;
}

export const LOCAL_TEAM = { slug: "local", name: "Local team" } as const;
export const LOCAL_USER = { email: "analyst@localhost", name: "Local analyst" } as const;

const teamInput = z.strictObject({
  name: z.string().trim().min(1, "a team name is required").max(100),
  slug: z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, "lower-case letters, digits and '-' (at most 40)"),
});
const userInput = z.strictObject({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .max(200)
    .regex(/^[^\s@]+@[^\s@]+$/, "an email address"),
  name: z.string().trim().min(1, "a name is required").max(100),
});

const iso = (d: Date) => d.toISOString();
const toTeam = (t: { id: string; slug: string; name: string; createdAt: Date }): TeamRecord => ({
  id: t.id,
  slug: t.slug,
  name: t.name,
  createdAt: iso(t.createdAt),
});
const toUser = (u: { id: string; email: string; name: string; createdAt: Date }): UserRecord => ({
  id: u.id,
  email: u.email,
  name: u.name,
  createdAt: iso(u.createdAt),
});

/** Creates a team (slug unique). */
export async function createTeam(input: { name: string; slug: string }): Promise<TeamRecord> {
  const data = parseInput(teamInput, input);
  const existing = await db().team.findUnique({ where: { slug: data.slug } });
  if (existing) throw new InputError("conflict", `team ${data.slug} already exists`);
  return toTeam(await db().team.create({ data }));
}

/** Creates a user, or returns the one with that email. */
export async function ensureUser(input: { email: string; name: string }): Promise<UserRecord> {
  const data = parseInput(userInput, input);
  return toUser(await db().user.upsert({ where: { email: data.email }, create: data, update: {} }));
}

export async function addMember(teamId: string, userId: string, role = "member"): Promise<void> {
  await db().membership.upsert({
    where: { teamId_userId: { teamId, userId } },
    create: { teamId, userId, role },
    update: { role },
  });
}

/** The actor for a user acting in a team, or null when the user is not a member (never trust a raw id pair). */
export async function actorFor(userId: string, teamId: string): Promise<Actor | null> {
  const member = await db().membership.findUnique({ where: { teamId_userId: { teamId, userId } } });
  return member ? { teamId, userId } : null;
}

export async function getTeam(actor: Actor): Promise<TeamRecord | null> {
  const team = await db().team.findUnique({ where: { id: actor.teamId } });
  return team ? toTeam(team) : null;
}

export async function listTeamsOf(userId: string): Promise<TeamRecord[]> {
  const rows = await db().membership.findMany({
    where: { userId },
    include: { team: true },
    orderBy: { createdAt: "asc" },
  });
  return rows.map((m) => toTeam(m.team));
}

const localActors = new WeakMap<PrismaClient, Promise<Actor>>();

/**
 * The default local user and team, created on first use (until real sign-in exists every request acts as
 * them). Idempotent and safe when two requests race.
 */
export function ensureLocalActor(): Promise<Actor> {
  const prisma = db();
  let pending = localActors.get(prisma);
  if (!pending) {
    pending = createLocalActor(prisma);
    localActors.set(prisma, pending);
    pending.catch(() => localActors.delete(prisma));
  }
  return pending;
}

async function createLocalActor(prisma: PrismaClient): Promise<Actor> {
  for (let attempt = 0; ; attempt++) {
    try {
      const team = await prisma.team.upsert({
        where: { slug: LOCAL_TEAM.slug },
        create: LOCAL_TEAM,
        update: {},
      });
      const user = await prisma.user.upsert({
        where: { email: LOCAL_USER.email },
        create: LOCAL_USER,
        update: {},
      });
      await prisma.membership.upsert({
        where: { teamId_userId: { teamId: team.id, userId: user.id } },
        create: { teamId: team.id, userId: user.id, role: "owner" },
        update: {},
      });
      return { teamId: team.id, userId: user.id };
    } catch (error) {
      // A concurrent first request created the same rows between our read and write: read them again.
      if (attempt >= 2) throw error;
    }
  }
}
