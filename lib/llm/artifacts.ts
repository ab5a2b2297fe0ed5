/**
 * Artifacts a narrative names — URLs, domains, IPs, file names, Windows paths, registry keys, commands — so the
 * evaluator can check each one appears in the rendered events.
 */

export type ArtifactKind = "url" | "domain" | "ip" | "file" | "path" | "registry" | "command";

export interface Artifact {
  kind: ArtifactKind;
  value: string;
  /** [start, end) in the narrative. */
  span: [number, number];
}

const FILE_EXT =
  "exe|dll|sys|ps1|psm1|bat|cmd|vbs|vbe|js|jse|hta|lnk|scr|msi|docm|doc|docx|xls|xlsm|xlsx|pptm|rtf|pdf|iso|img|zip|rar|7z|cab|dmp|tmp|dat|txt|csv|log|xml|json|py|jar|zip";
const PATTERNS: Array<[ArtifactKind, RegExp]> = [
  // Backticked commands first: a URL or path inside one is checked as part of the command.
  ["command", /`([^`\n]{3,400})`/g],
  ["url", /\bhttps?:\/\/[^\s"'`<>)\]]+/gi],
  [
    "registry",
    /\b(?:HKLM|HKCU|HKU|HKCR|HKEY_LOCAL_MACHINE|HKEY_CURRENT_USER|HKEY_USERS)\\[^\s"'`,;]+(?:\\[^\s"'`,;]+)*/gi,
  ],
  ["path", /(?:\b[A-Za-z]:\\|%[A-Za-z_]+%\\|\\\\[A-Za-z0-9._-]+\\)[^\s"'`<>|,;]*/g],
  ["ip", /\b(?:25[0-5]|2[0-4]\d|1?\d?\d)(?:\.(?:25[0-5]|2[0-4]\d|1?\d?\d)){3}\b/g],
  ["file", new RegExp(`\\b[\\w.-]+\\.(?:${FILE_EXT})\\b`, "gi")],
  [
    "domain",
    /\b(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:com|net|org|io|ru|cn|info|biz|xyz|top|co|uk|de|online|site|app|dev|cloud|local|corp|lan)\b/gi,
  ],
];

const overlaps = (a: [number, number], b: [number, number]) => a[0] < b[1] && b[0] < a[1];

/** Artifacts in narrative order; a file name inside a path or a domain inside a URL is not listed again. */
export function extractArtifacts(narrative: string): Artifact[] {
  const found: Artifact[] = [];
  for (const [kind, pattern] of PATTERNS) {
    for (const match of narrative.matchAll(pattern)) {
      const raw = kind === "command" ? match[1] : match[0];
      const start = kind === "command" ? match.index + 1 : match.index;
      const value = raw.replace(/[.,:;]+$/, "");
      const span: [number, number] = [start, start + value.length];
      if (found.some((a) => overlaps(a.span, span))) continue;
      found.push({ kind, value, span });
    }
  }
  return found.sort((a, b) => a.span[0] - b.span[0]);
}

const normalise = (text: string) => text.toLowerCase().replace(/\s+/g, " ");

function variants(artifact: Artifact): string[] {
  const value = normalise(artifact.value);
  switch (artifact.kind) {
    case "registry":
      return [
        value
          .replace(/^hkey_local_machine\\/, "hklm\\")
          .replace(/^hkey_current_user\\/, "hkcu\\")
          .replace(/^hkey_users\\/, "hku\\")
          .replace(/^hkcu\\/, "\\"),
      ];
    case "path":
      // Environment variables expand in events; the part after them is what must be there.
      return [value.replace(/^%[a-z_]+%\\/, "\\")];
    default:
      return [value];
  }
}

export interface ArtifactCheck {
  artifact: Artifact;
  present: boolean;
}

/** Each artifact against the events' text (every EventData value, lower-cased, joined). */
export function checkArtifacts(
  artifacts: readonly Artifact[],
  eventTexts: readonly string[],
): ArtifactCheck[] {
  const haystack = normalise(eventTexts.join("\n"));
  return artifacts.map((artifact) => ({
    artifact,
    present: variants(artifact).some((v) => haystack.includes(v)),
  }));
}
