/**
 * Public surface of the ATT&CK knowledge layer. Everything here is pure (safe in client components);
 * loading from disk or the network is in ./load (Node only), the per-process accessor in ./server.
 */
export type * from "./types";
export { matrixPayloadFor, toMatrixPayload } from "./matrix";
export { AttackSourceError } from "./errors";
export { PINNED_ATTACK } from "./pinned";
export { StixFormatError } from "./stix";
export {
  filterTechniques,
  findTechnique,
  normaliseTechniqueId,
  platformsOf,
  resolvePlatform,
  resolveTactic,
  searchTechniques,
  type SearchHit,
  type TechniqueLookup,
} from "./query";
export { plainText, excerpt } from "./text";
