/** Where a problem sits in a rule source: file plus 1-based line when known. */
export interface SourceLocation {
  file: string;
  line?: number;
}

export type SigmaErrorCode =
  | "FILE_TOO_LARGE"
  | "YAML"
  | "SCHEMA"
  | "MODIFIER"
  | "VALUE"
  | "CONDITION"
  | "REGEX"
  | "REGEX_UNSAFE"
  | "CORRELATION"
  | "UNSUPPORTED";

/** One error root for the Sigma engine: a code, a location and a plain message. */
export class SigmaError extends Error {
  constructor(
    readonly code: SigmaErrorCode,
    message: string,
    readonly location?: SourceLocation,
  ) {
    super(message);
    this.name = "SigmaError";
  }

  /** "file:line: message", the form printed by the CLI and stored in rule-set reports. */
  describe(): string {
    const where = this.location
      ? `${this.location.file}${this.location.line ? `:${this.location.line}` : ""}: `
      : "";
    return `${where}${this.message}`;
  }

  withLocation(location: SourceLocation): SigmaError {
    if (this.location?.line) return this;
    return new SigmaError(this.code, this.message, {
      ...location,
      line: this.location?.line ?? location.line,
    });
  }
}

/** A problem that did not stop the rule from loading (e.g. an unknown placeholder widened to `*`). */
export interface SigmaWarning {
  message: string;
  location?: SourceLocation;
}
