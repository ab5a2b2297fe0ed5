import { spawn, type ChildProcess } from "node:child_process";
import { expect, test } from "@playwright/test";

// Model mode needs a server started with a model configured, so this spec starts its own: a local Chat
// Completions server answering from recorded plans, and a second app instance pointed at it. The main
// e2e server stays in deterministic mode for the other specs.

const FAKE_PORT = 3199;
const APP_PORT = 3108;
const APP = `http://127.0.0.1:${APP_PORT}`;

let fake: ChildProcess | undefined;
let app: ChildProcess | undefined;

// Detached: each gets its own process group, so the whole tree (npx → node) is stopped by group id.
function start(command: string, args: string[], env: Record<string, string>): ChildProcess {
  return spawn(command, args, { env: { ...process.env, ...env }, detached: true, stdio: "ignore" });
}

function stop(child: ChildProcess | undefined) {
  if (child?.pid) {
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      // already gone
    }
  }
}

async function waitFor(url: string, timeoutMs: number) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      const response = await fetch(url);
      if (response.status < 500) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not come up within ${timeoutMs} ms`);
}

test.describe("model mode", () => {
  test.beforeAll(async () => {
    test.setTimeout(150_000);
    fake = start("npx", ["tsx", "test/support/fake-openai.ts", String(FAKE_PORT)], {});
    await waitFor(`http://127.0.0.1:${FAKE_PORT}/v1/models`, 60_000);
    app = start("bash", ["scripts/e2e-server.sh", String(APP_PORT)], {
      E2E_DATA_DIR: "test-results/e2e-data-model",
      OPENAI_BASE_URL: `http://127.0.0.1:${FAKE_PORT}/v1`,
      MIMICRY_MODEL: "fake-planner",
      MIMICRY_JUDGE_MODEL: "fake-judge",
    });
    await waitFor(`${APP}/api/health`, 120_000);
  });

  test.afterAll(() => {
    stop(app);
    stop(fake);
  });

  test("the trace of a model-mode run is visible in the viewer", async ({ page, request }) => {
    test.setTimeout(120_000);
    const created = await request.post(`${APP}/api/scenarios`, {
      data: {
        title: "Model-planned cradle",
        narrative: "A phishing document starts a PowerShell download cradle.",
        steps: [{ technique: "T1059.001" }],
        seed: 7,
      },
    });
    expect(created.status()).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const started = await request.post(`${APP}/api/scenarios/${id}/runs?wait=true`, { data: {} });
    expect(started.status()).toBe(201);
    const run = (await started.json()) as { id: string; status: string };
    expect(run.status).toBe("succeeded");

    await page.goto(`${APP}/scenarios/${id}/runs/${run.id}`);
    await expect(page.getByTestId("run-mode")).toContainText("model (fake-planner");
    await page.getByRole("tab", { name: "Model trace" }).click();
    const trace = page.getByTestId("llm-trace");
    await expect(trace).toBeVisible();
    await expect(trace).toContainText("model fake-planner");
    await expect(trace).toContainText(/prompt [0-9a-f]{16}/);
    await page.screenshot({ path: "test-results/model-trace.png", fullPage: true });
  });
});
