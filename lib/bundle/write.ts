// Streams a signed bundle zip: each file is deflated and hashed as its chunks arrive, then manifest.json
// (SHA-256 of every file) and manifest.sig (Ed25519 over the canonical manifest) close the archive.
import { createHash } from "node:crypto";
import { Zip, ZipDeflate } from "fflate";
import { canonicalBytes } from "./canonical";
import { keyFingerprint, rawPublicKey, signBytes } from "./keys";
import {
  BUNDLE_FORMAT,
  MANIFEST_FILE,
  SIGNATURE_FILE,
  type BundleManifest,
  type ManifestFile,
  type StepSummary,
} from "./manifest";
import { safeEntryPath } from "./paths";
import { bundleReadme } from "./readme";

export type Chunk = string | Uint8Array;
export type FileContent = Chunk | Iterable<Chunk> | AsyncIterable<Chunk>;

export interface BundleSource {
  /** Stamped in the manifest and on every zip entry (pass the clock in: same input, same bytes). */
  createdAt: Date;
  scenario: {
    id?: string | null;
    title: string;
    narrative?: string;
    steps: { technique?: string | null; procedure?: string | null; action?: string | null }[];
  };
  run: {
    id?: string | null;
    seed: number;
    mode?: string;
    engineVersion: string;
    attackVersion?: string | null;
  };
  formats: string[];
  /** Events in every chosen format: path in the zip → content, e.g. "events/evtx.jsonl". */
  eventFiles: Record<string, FileContent>;
  /** labels.jsonl: one label per event. */
  labels: FileContent;
  validationReport: unknown;
  /** Query templates: file name → text, stored under queries/. */
  queryTemplates?: Record<string, string>;
  provenance?: { procedures?: string[]; atomicGuids?: string[]; model?: string | null };
  key: { privateKeyPem: string; publicKeyPem: string };
}

export interface BundleResult {
  manifest: BundleManifest;
  /** SHA-256 of the whole zip, hex. */
  sha256: string;
  size: number;
}

const encoder = new TextEncoder();
const bytesOf = (chunk: Chunk) => (typeof chunk === "string" ? encoder.encode(chunk) : chunk);

async function* chunksOf(content: FileContent): AsyncGenerator<Uint8Array> {
  if (typeof content === "string" || content instanceof Uint8Array) {
    yield bytesOf(content);
    return;
  }
  for await (const chunk of content as AsyncIterable<Chunk>) yield bytesOf(chunk);
}

function plannedFiles(source: BundleSource): [string, FileContent][] {
  const files: [string, FileContent][] = [
    ...Object.entries(source.eventFiles),
    ["labels.jsonl", source.labels],
    ["validation-report.json", `${JSON.stringify(source.validationReport ?? null, null, 2)}\n`],
    ...Object.entries(source.queryTemplates ?? {}).map(([name, text]): [string, FileContent] => [
      `queries/${name}`,
      text,
    ]),
  ];
  const names = new Set<string>(["README.md", MANIFEST_FILE, SIGNATURE_FILE]);
  for (const [name] of files) {
    if (!safeEntryPath(name)) throw new Error(`bundle: unsafe file name ${JSON.stringify(name)}`);
    if (names.has(name)) throw new Error(`bundle: file ${name} given twice`);
    names.add(name);
  }
  return [
    [
      "README.md",
      bundleReadme(
        source,
        files.map(([name]) => name),
      ),
    ],
    ...files,
  ];
}

/**
 * The bundle as a stream of zip bytes, produced as the consumer reads (events can come from a database
 * cursor). `done` resolves with the manifest and the zip's hash once the stream has been read to the end.
 */
export function writeBundle(source: BundleSource): {
  stream: ReadableStream<Uint8Array>;
  done: Promise<BundleResult>;
} {
  let settle!: (result: BundleResult) => void;
  let fail!: (error: unknown) => void;
  const done = new Promise<BundleResult>((resolve, reject) => {
    settle = resolve;
    fail = reject;
  });
  done.catch(() => {});
  const chunks = bundleChunks(source, settle);
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(next.value);
      } catch (error) {
        fail(error);
        controller.error(error);
      }
    },
    async cancel(reason) {
      fail(reason ?? new Error("bundle stream cancelled"));
      await chunks.return(undefined);
    },
  });
  return { stream, done };
}

/** The whole bundle in memory (tests, CLI, small runs). */
export async function buildBundle(source: BundleSource): Promise<{ bytes: Uint8Array } & BundleResult> {
  const { stream, done } = writeBundle(source);
  const parts: Uint8Array[] = [];
  const reader = stream.getReader();
  for (;;) {
    const { value, done: end } = await reader.read();
    if (end) break;
    parts.push(value);
  }
  return { bytes: Buffer.concat(parts), ...(await done) };
}

async function* bundleChunks(
  source: BundleSource,
  settle: (r: BundleResult) => void,
): AsyncGenerator<Uint8Array> {
  const queue: Uint8Array[] = [];
  let zipError: Error | null = null;
  const zipHash = createHash("sha256");
  let zipSize = 0;
  const zip = new Zip((error, data) => {
    if (error) zipError = error;
    else if (data.length) {
      queue.push(data);
      zipHash.update(data);
      zipSize += data.length;
    }
  });
  const drain = function* () {
    if (zipError) throw zipError;
    while (queue.length) yield queue.shift()!;
  };
  const mtime = source.createdAt;
  const addFile = async function* (
    name: string,
    content: FileContent,
  ): AsyncGenerator<Uint8Array, ManifestFile> {
    const entry = new ZipDeflate(name, { level: 6 });
    entry.mtime = mtime;
    zip.add(entry);
    const hash = createHash("sha256");
    let size = 0;
    for await (const chunk of chunksOf(content)) {
      if (!chunk.length) continue;
      hash.update(chunk);
      size += chunk.length;
      entry.push(chunk);
      yield* drain();
    }
    entry.push(new Uint8Array(0), true);
    yield* drain();
    return { path: name, sha256: hash.digest("hex"), size };
  };

  const files: ManifestFile[] = [];
  for (const [name, content] of plannedFiles(source)) files.push(yield* addFile(name, content));

  const manifest = buildManifest(source, files);
  const signature = signBytes(canonicalBytes(manifest), source.key.privateKeyPem);
  yield* addFile(MANIFEST_FILE, `${JSON.stringify(manifest, null, 2)}\n`);
  yield* addFile(SIGNATURE_FILE, `${signature}\n`);
  zip.end();
  yield* drain();
  settle({ manifest, sha256: zipHash.digest("hex"), size: zipSize });
}

function buildManifest(source: BundleSource, files: ManifestFile[]): BundleManifest {
  const steps: StepSummary[] = source.scenario.steps.map((s) => ({
    technique: s.technique ?? null,
    procedure: s.procedure ?? null,
    action: s.action ?? null,
  }));
  const uniq = (list: string[] | undefined) => [...new Set(list ?? [])].sort();
  return {
    format: BUNDLE_FORMAT,
    createdAt: source.createdAt.toISOString(),
    scenario: { id: source.scenario.id ?? null, title: source.scenario.title, steps },
    run: {
      id: source.run.id ?? null,
      seed: source.run.seed,
      mode: source.run.mode ?? "deterministic",
      engineVersion: source.run.engineVersion,
      attackVersion: source.run.attackVersion ?? null,
    },
    formats: source.formats,
    provenance: {
      procedures: uniq(source.provenance?.procedures),
      atomicGuids: uniq(source.provenance?.atomicGuids),
      model: source.provenance?.model ?? null,
    },
    files,
    signature: {
      algorithm: "ed25519",
      publicKey: rawPublicKey(source.key.publicKeyPem),
      fingerprint: keyFingerprint(source.key.publicKeyPem),
    },
  };
}
