import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Action } from "@/lib/engine/actions";
import { toStrictValue } from "@/lib/llm/strict-schema";

/**
 * A local Chat Completions server for tests: 127.0.0.1, random port, answering from scripted replies.
 * Speaks POST /v1/chat/completions (plain JSON, or SSE `data:` chunks ending in `[DONE]` when the request
 * says `stream: true`) and GET /v1/models. Every request is recorded so tests can see what was sent.
 */

export interface FakeUsage {
  prompt_tokens: number;
  completion_tokens: number;
}

export type FakeReply =
  /** A well-formed reply whose content is JSON.stringify(body). */
  | { kind: "json"; body: unknown; usage?: FakeUsage | null }
  /** Raw content, e.g. malformed JSON. */
  | { kind: "content"; content: string; usage?: FakeUsage | null; finishReason?: "stop" | "length" }
  | { kind: "refusal"; refusal: string }
  /** An HTTP error (429 with Retry-After, 500 …). */
  | { kind: "status"; status: number; headers?: Record<string, string>; message?: string }
  /** Waits before answering (for timeouts). */
  | { kind: "slow"; delayMs: number; then: FakeReply };

export interface ReceivedRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: ChatRequestBody | null;
  /** Milliseconds since the server started, for checking retry gaps. */
  at: number;
}

export interface ChatRequestBody {
  model: string;
  messages: Array<{ role: string; content: string }>;
  stream?: boolean;
  stream_options?: { include_usage?: boolean };
  response_format?: { type: string; json_schema?: { name: string; strict?: boolean; schema: unknown } };
  [key: string]: unknown;
}

export type ReplyScript = FakeReply | ((request: ChatRequestBody, index: number) => FakeReply);

export interface FakeOpenAI {
  /** e.g. http://127.0.0.1:40123/v1 — what OPENAI_BASE_URL would be. */
  baseURL: string;
  requests: ReceivedRequest[];
  /** Chat requests only. */
  chatRequests(): ChatRequestBody[];
  /** Appends replies to the queue; each chat request takes the next one. */
  enqueue(...replies: ReplyScript[]): void;
  /** Replies still waiting. */
  pending(): number;
  close(): Promise<void>;
}

export interface FakeOpenAIOptions {
  /** null: the server has no /v1/models (404), as some gateways. */
  models?: string[] | null;
  replies?: ReplyScript[];
  /** Used when the queue is empty; without it an empty queue answers 500 "no scripted reply". */
  fallback?: ReplyScript;
  /** Default 0: a random free port. */
  port?: number;
}

const DEFAULT_USAGE: FakeUsage = { prompt_tokens: 120, completion_tokens: 60 };

/** A recorded reply body from test/fixtures/llm/<name>.json. */
export function loadRecording<T = unknown>(name: string): T {
  const file = path.join(process.cwd(), "test/fixtures/llm", `${name}.json`);
  return JSON.parse(readFileSync(file, "utf8")) as T;
}

/**
 * A recorded plan reply brought up to the current strict schema: a field the engine's vocabulary gained since
 * the recording is null, as a model fills unused fields. Nothing else changes.
 */
export function planReply(recording: unknown): unknown {
  const plan = recording as { steps: Array<{ actions: unknown[] }> };
  return {
    ...plan,
    steps: plan.steps.map((s) => ({ ...s, actions: s.actions.map((a) => toStrictValue(Action, a)) })),
  };
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  response.writeHead(status, { "content-type": "application/json", ...headers });
  response.end(JSON.stringify(body));
}

interface Answer {
  content: string | null;
  refusal: string | null;
  finishReason: "stop" | "length";
  /** null: the server sends no usage (some local servers don't). */
  usage: FakeUsage | null;
}

function answerOf(reply: Exclude<FakeReply, { kind: "status" } | { kind: "slow" }>): Answer {
  switch (reply.kind) {
    case "json":
      return {
        content: JSON.stringify(reply.body),
        refusal: null,
        finishReason: "stop",
        usage: reply.usage === undefined ? DEFAULT_USAGE : reply.usage,
      };
    case "content":
      return {
        content: reply.content,
        refusal: null,
        finishReason: reply.finishReason ?? "stop",
        usage: reply.usage === undefined ? DEFAULT_USAGE : reply.usage,
      };
    case "refusal":
      return { content: null, refusal: reply.refusal, finishReason: "stop", usage: DEFAULT_USAGE };
  }
}

function usageOf(usage: FakeUsage | null) {
  return usage && { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens };
}

function writeCompletion(response: ServerResponse, body: ChatRequestBody, answer: Answer, id: string) {
  sendJson(response, 200, {
    id,
    object: "chat.completion",
    created: 1_767_225_600,
    model: body.model,
    choices: [
      {
        index: 0,
        message: { role: "assistant", content: answer.content, refusal: answer.refusal },
        finish_reason: answer.finishReason,
        logprobs: null,
      },
    ],
    ...(answer.usage ? { usage: usageOf(answer.usage) } : {}),
  });
}

function writeStream(response: ServerResponse, body: ChatRequestBody, answer: Answer, id: string) {
  response.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
  const chunk = (delta: Record<string, unknown>, finish: string | null, usage?: unknown) =>
    `data: ${JSON.stringify({
      id,
      object: "chat.completion.chunk",
      created: 1_767_225_600,
      model: body.model,
      choices: usage ? [] : [{ index: 0, delta, finish_reason: finish, logprobs: null }],
      ...(usage ? { usage } : {}),
    })}\n\n`;
  response.write(chunk({ role: "assistant", content: "" }, null));
  const text = answer.content ?? answer.refusal ?? "";
  const field = answer.content !== null ? "content" : "refusal";
  for (let i = 0; i < text.length; i += 40) response.write(chunk({ [field]: text.slice(i, i + 40) }, null));
  response.write(chunk({}, answer.finishReason));
  if (body.stream_options?.include_usage && answer.usage)
    response.write(chunk({}, null, usageOf(answer.usage)));
  response.end("data: [DONE]\n\n");
}

export async function startFakeOpenAI(options: FakeOpenAIOptions = {}): Promise<FakeOpenAI> {
  const queue: ReplyScript[] = [...(options.replies ?? [])];
  const requests: ReceivedRequest[] = [];
  const started = Date.now();
  let chatIndex = 0;

  const respond = async (response: ServerResponse, body: ChatRequestBody, reply: FakeReply, id: string) => {
    if (reply.kind === "slow") {
      await new Promise((resolve) => setTimeout(resolve, reply.delayMs));
      if (response.destroyed || response.writableEnded) return;
      return respond(response, body, reply.then, id);
    }
    if (reply.kind === "status") {
      return sendJson(
        response,
        reply.status,
        { error: { message: reply.message ?? `scripted ${reply.status}`, type: "fake", code: null } },
        reply.headers,
      );
    }
    const answer = answerOf(reply);
    return body.stream
      ? writeStream(response, body, answer, id)
      : writeCompletion(response, body, answer, id);
  };

  const server = createServer(async (request, response) => {
    try {
      const raw = await readBody(request);
      const url = new URL(request.url ?? "/", "http://127.0.0.1");
      const body = raw ? (JSON.parse(raw) as ChatRequestBody) : null;
      requests.push({
        method: request.method ?? "GET",
        path: url.pathname,
        headers: request.headers,
        body,
        at: Date.now() - started,
      });
      if (request.method === "GET" && url.pathname === "/v1/models" && options.models !== null) {
        const data = (options.models ?? ["fake-planner", "fake-judge"]).map((id) => ({
          id,
          object: "model",
          created: 1_767_225_600,
          owned_by: "fake",
        }));
        return sendJson(response, 200, { object: "list", data });
      }
      if (request.method !== "POST" || url.pathname !== "/v1/chat/completions" || !body) {
        return sendJson(response, 404, { error: { message: `no route ${request.method} ${url.pathname}` } });
      }
      const index = chatIndex++;
      const script = queue.shift() ?? options.fallback;
      if (!script) return sendJson(response, 500, { error: { message: "no scripted reply left" } });
      const reply = typeof script === "function" ? script(body, index) : script;
      await respond(response, body, reply, `chatcmpl-fake-${index}`);
    } catch (error) {
      if (!response.headersSent) sendJson(response, 400, { error: { message: (error as Error).message } });
    }
  });

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    chatRequests: () =>
      requests
        .filter((r) => r.path === "/v1/chat/completions" && r.body)
        .map((r) => r.body as ChatRequestBody),
    enqueue: (...replies) => queue.push(...replies),
    pending: () => queue.length,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A clock whose sleeps return at once and advance `now`, recording each wait (for retry tests). */
export function recordingClock(start = 1_767_225_600_000) {
  let now = start;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      now += ms;
    },
  };
}

/**
 * A scripted "model" for end-to-end runs: plan requests get the recorded multi-stage plan's steps for the
 * techniques the prompt asks for (with the estate's user, admin and domain read from the prompt, as a model
 * would), judge requests get the recorded passing verdict.
 */
export function autoReply(request: ChatRequestBody): FakeReply {
  const schema = request.response_format?.json_schema?.name;
  if (schema === "mimicry_judge_verdict") return { kind: "json", body: loadRecording("judge-pass") };
  if (schema !== "mimicry_action_plan") return { kind: "content", content: "pong" };
  const prompt = request.messages.map((m) => m.content).join("\n");
  const requested = new Set([...prompt.matchAll(/^\d+\. (T\d{4}(?:\.\d{3})?)/gm)].map((m) => m[1]));
  const user = /interactive user ([^\s(]+)/.exec(prompt)?.[1] ?? "user";
  const admin = /domain admin ([^\s.]+)/.exec(prompt)?.[1] ?? "admin";
  const domain = /Estate[^:]*: domain ([^\s(]+)/.exec(prompt)?.[1] ?? "CORP";
  const recorded = JSON.stringify(loadRecording("multistage-plan"))
    .replaceAll("{{user}}", user)
    .replaceAll("{{admin}}", admin)
    .replaceAll("{{domain}}", domain);
  const plan = planReply(JSON.parse(recorded)) as { steps: RecordedStep[] };
  const kept = plan.steps.filter((s) => requested.has(s.technique));
  return { kind: "json", body: { steps: reparent(kept.length ? kept : plan.steps.slice(0, 1)) } };
}

interface RecordedStep {
  technique: string;
  host: string | null;
  actions: Array<Record<string, unknown>>;
}

/** With steps left out, a parent they created is gone: start such processes from the host's usual parent. */
function reparent(steps: RecordedStep[]): RecordedStep[] {
  const created = new Set<string>();
  return steps.map((step) => ({
    ...step,
    actions: step.actions.map((action) => {
      if (action.kind !== "process.create") return action;
      const parent = String(action.parent);
      const server = (action.host ?? step.host) === "@server";
      const fixed =
        parent.startsWith("@") || created.has(parent)
          ? action
          : { ...action, parent: server ? "@services" : "@explorer" };
      created.add(String(action.proc));
      return fixed;
    }),
  }));
}

// `npx tsx test/support/fake-openai.ts [port]`: serves autoReply on 127.0.0.1 for e2e runs.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const port = Number(process.argv[2] ?? 3199);
  startFakeOpenAI({ fallback: autoReply, port }).then((fake) =>
    console.log(`fake OpenAI server on ${fake.baseURL}`),
  );
}
