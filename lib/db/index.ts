// The data-access layer: server-only, team-scoped, zod-validated, returns plain objects.
import "server-only";

export { db, dbTarget, switchDatabase, closeDb, pingDatabase } from "./client";
export * from "./actors";
export * from "./scenarios";
export * from "./runs";
export * from "./events";
export * from "./event-rows";
export * from "./compare";
export * from "./share-links";
export * from "./signing-keys";
export * from "./rule-sets";
export * from "./bundles";
