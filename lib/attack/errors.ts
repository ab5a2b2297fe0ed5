/** No way to obtain the ATT&CK bundle worked; the message names all three ways and why each failed. */
export class AttackSourceError extends Error {
  readonly code = "ATTACK_UNAVAILABLE";
}
