/**
 * npm run bench:ui — how long a search keystroke on /matrix takes to repaint, measured in Chromium.
 *
 * Per keystroke: from the keydown event to the first frame painted after the grid committed the filtered view
 * (the grid's data-rendered-query equals the input). Prints median, p95 and max for "dim" and "hide" modes.
 * Uses BENCH_URL when set, else starts `next start` on a free port from the existing build (`npm run build`).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import { chromium, type CDPSession, type Page } from "@playwright/test";

const WORDS = ["powershell", "credential dumping", "T1003", "registry run keys", "lsass"];

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

async function waitFor(url: string, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return true;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  return false;
}

async function startServer(): Promise<{ url: string; child: ChildProcess | null }> {
  if (process.env.BENCH_URL) return { url: process.env.BENCH_URL.replace(/\/$/, ""), child: null };
  if (!existsSync(".next/BUILD_ID"))
    throw new Error("No build found: run `npm run build` first (or set BENCH_URL).");
  const port = await freePort();
  const child = spawn(
    "node",
    ["node_modules/next/dist/bin/next", "start", "-H", "127.0.0.1", "-p", String(port)],
    {
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
      stdio: "ignore",
    },
  );
  const url = `http://127.0.0.1:${port}`;
  if (!(await waitFor(`${url}/api/health`, 60_000))) {
    child.kill();
    throw new Error(`The app did not start on ${url}`);
  }
  return { url, child };
}

/** Installs the in-page probe: each keydown starts a clock, the post-commit paint stops it. */
async function installProbe(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __samples: number[] };
    w.__samples = [];
    const input = document.querySelector<HTMLInputElement>("#matrix-search")!;
    const grid = document.querySelector<HTMLElement>("[role=grid]")!;
    let started: number | null = null;
    input.addEventListener("keydown", () => (started = performance.now()), true);
    new MutationObserver(() => {
      if (started === null || grid.dataset.renderedQuery !== input.value) return;
      const t0 = started;
      started = null;
      // rAF runs before the next paint; the task queued from it runs after that paint.
      requestAnimationFrame(() => setTimeout(() => w.__samples.push(performance.now() - t0), 0));
    }).observe(grid, { attributes: true, attributeFilter: ["data-rendered-query"] });
  });
}

/** Main-thread busy time of the renderer (CDP TaskDuration, seconds): less sensitive to a loaded machine. */
async function taskSeconds(cdp: CDPSession): Promise<number> {
  const { metrics } = (await cdp.send("Performance.getMetrics")) as {
    metrics: { name: string; value: number }[];
  };
  return metrics.find((m) => m.name === "TaskDuration")?.value ?? 0;
}

async function typeWords(page: Page, cdp: CDPSession, busy: number[]): Promise<number[]> {
  const input = page.locator("#matrix-search");
  for (const word of WORDS) {
    await input.fill("");
    await page.waitForFunction(
      () => document.querySelector<HTMLElement>("[role=grid]")!.dataset.renderedQuery === "",
    );
    await input.focus();
    for (const ch of word) {
      const before = await page.evaluate(
        () => (window as unknown as { __samples: number[] }).__samples.length,
      );
      const busyBefore = await taskSeconds(cdp);
      await page.keyboard.press(ch === " " ? "Space" : ch);
      await page.waitForFunction(
        (n) => (window as unknown as { __samples: number[] }).__samples.length > n,
        before,
      );
      busy.push((await taskSeconds(cdp)) - busyBefore);
    }
  }
  return page.evaluate(() => (window as unknown as { __samples: number[] }).__samples);
}

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { n: sorted.length, median: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1] };
}

async function main() {
  const load = (await import("node:os")).loadavg()[0];
  const { url, child } = await startServer();
  const executablePath =
    process.env.CHROMIUM_PATH || (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);
  const browser = await chromium.launch({
    executablePath,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
    ],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const cells: Record<string, number> = {};
    for (const mode of ["dim", "hide"] as const) {
      await page.goto(`${url}/matrix${mode === "hide" ? "?mode=hide" : ""}`);
      await page.locator("[role=grid]").waitFor();
      cells[mode] = await page.locator("[role=gridcell][data-technique]").count();
      await installProbe(page);
      const cdp = await page.context().newCDPSession(page);
      await cdp.send("Performance.enable");
      await typeWords(page, cdp, []); // warm-up: JIT and React's first filtered renders
      await page.evaluate(() => ((window as unknown as { __samples: number[] }).__samples = []));
      const busy: number[] = [];
      const s = stats(await typeWords(page, cdp, busy));
      const b = stats(busy.map((seconds) => seconds * 1000));
      console.log(
        `search keystroke → repaint, ${mode} mode (${cells[mode]} cells at rest, ${s.n} keystrokes): ` +
          `median ${s.median.toFixed(1)} ms, p95 ${s.p95.toFixed(1)} ms, max ${s.max.toFixed(1)} ms; ` +
          `renderer main-thread busy per keystroke: median ${b.median.toFixed(1)} ms, p95 ${b.p95.toFixed(1)} ms`,
      );
      await cdp.detach();
    }
    console.log(
      `(load average at start: ${load.toFixed(1)} on ${(await import("node:os")).cpus().length} CPUs)`,
    );
  } finally {
    await browser.close();
    child?.kill();
  }
}

main().catch((error: unknown) => {
  console.error(`bench:ui: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
