import { unzipSync, type UnzipFileInfo } from "fflate";
import { isSafeEntryName } from "../events/zip";
import { assertEntryIntact, declaredCrcs } from "../events/zip-check";
import { MAX_RULE_FILE_BYTES } from "../sigma/parse";
import type { RuleSource } from "../sigma/load";
import { RULE_FILE } from "./files";

export const RULE_ZIP_LIMITS = {
  maxEntries: 20_000,
  maxTotalBytes: 200 * 1024 * 1024,
  maxRuleBytes: MAX_RULE_FILE_BYTES,
};

export class RuleZipError extends Error {
  readonly code = "RULE_ZIP";
}

export interface ZipExtract {
  sources: RuleSource[];
  skipped: Array<{ file: string; reason: string }>;
}

/**
 * Reads the rule files (*.yml, *.yaml) of a SigmaHQ release zip. The whole archive is refused when an entry
 * name escapes the folder (path traversal), when it has too many entries, or when the declared or actual
 * uncompressed size passes the cap (zip bomb). Oversized single rules are skipped and reported.
 */
export function extractRuleZip(bytes: Uint8Array, limits = RULE_ZIP_LIMITS): ZipExtract {
  const skipped: ZipExtract["skipped"] = [];
  let entries = 0;
  let declared = 0;
  let refusal: string | undefined;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (file: UnzipFileInfo) => {
        entries++;
        if (refusal) return false;
        if (entries > limits.maxEntries) refusal = `more than ${limits.maxEntries} entries`;
        else if (!isSafeEntryName(file.name))
          refusal = `entry '${file.name}' escapes the archive (path traversal)`;
        if (refusal || file.name.endsWith("/") || !RULE_FILE.test(file.name)) return false;
        if (file.originalSize > limits.maxRuleBytes) {
          skipped.push({
            file: file.name,
            reason: `declares ${file.originalSize} bytes, over the ${limits.maxRuleBytes}-byte rule limit`,
          });
          return false;
        }
        declared += file.originalSize;
        if (declared > limits.maxTotalBytes)
          refusal = `declared uncompressed size over ${limits.maxTotalBytes} bytes (zip bomb?)`;
        return !refusal;
      },
    });
  } catch (error) {
    if (refusal) throw new RuleZipError(`refusing zip: ${refusal}`);
    throw new RuleZipError(`not a readable zip: ${(error as Error).message}`);
  }
  if (refusal) throw new RuleZipError(`refusing zip: ${refusal}`);
  const decoder = new TextDecoder();
  const crcs = declaredCrcs(bytes);
  let actual = 0;
  const sources: RuleSource[] = [];
  for (const name of Object.keys(files).sort()) {
    const data = files[name];
    try {
      assertEntryIntact(name, data, crcs);
    } catch (error) {
      throw new RuleZipError(`refusing zip: ${(error as Error).message}`);
    }
    actual += data.length;
    if (actual > limits.maxTotalBytes)
      throw new RuleZipError("refusing zip: inflated size over the limit (zip bomb?)");
    if (data.length > limits.maxRuleBytes) {
      skipped.push({ file: name, reason: `inflates to ${data.length} bytes, over the rule limit` });
      continue;
    }
    sources.push({ file: name, text: decoder.decode(data) });
  }
  return { sources, skipped };
}
