import { execFile } from "node:child_process";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { expect, test, type Page } from "@playwright/test";

// The analyst's path: matrix selection → builder → preview → generate → viewer → bundle → verify → history.
// Needs ATT&CK 18.1 (ATTACK_STIX_FILE) for the matrix and the technique names.

const run = promisify(execFile);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const SCREENSHOTS = process.env.MIMICRY_SCREENSHOTS_DIR;

async function verify(file: string): Promise<{ code: number; out: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [path.join(root, "cli/bin.mjs"), "verify", file], {
      cwd: root,
    });
    return { code: 0, out: stdout + stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? -1, out: `${e.stdout ?? ""}${e.stderr ?? ""}` };
  }
}

async function shot(page: Page, name: string) {
  if (SCREENSHOTS) await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
}

test("matrix → build → preview → generate → tree, table, bundle, history", async ({ page }) => {
  test.setTimeout(180_000);
  const title = `E2E Word macro to Run key ${Date.now()}`;

  // 1. Select T1059.001 and T1547.001 in the matrix and build a scenario from the selection.
  await page.goto("/matrix");
  await expect(page.getByRole("grid", { name: "ATT&CK Enterprise matrix" })).toBeVisible();
  await page.getByRole("button", { name: "Expand all" }).click();
  await page.locator('[role=gridcell][data-technique="T1059.001"]').first().click();
  await page
    .locator('[role=gridcell][data-technique="T1547.001"]')
    .first()
    .click({ modifiers: ["ControlOrMeta"] });
  await expect(page.getByTestId("selection-count")).toHaveText("2 selected");
  await page.getByRole("link", { name: "Build scenario from selection" }).click();

  // 2. The builder has one step per technique, in order.
  await expect(page).toHaveURL(/\/scenarios\/new\?techniques=/);
  const steps = page.getByTestId("builder-step");
  await expect(steps).toHaveCount(2);
  await expect(steps.nth(0)).toContainText("T1059.001");
  await expect(steps.nth(1)).toContainText("T1547.001");
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Seed").fill("20260302");
  // Keyboard reorder works both ways.
  await page.getByRole("button", { name: /Step 1: drag/ }).press("ArrowDown");
  await expect(steps.nth(0)).toContainText("T1547.001");
  await page.getByRole("button", { name: /Step 2: drag/ }).press("ArrowUp");
  await expect(steps.nth(0)).toContainText("T1059.001");
  await shot(page, "builder");

  // 3. Preview shows the decomposed plan before anything is stored.
  await page.getByRole("button", { name: "Preview plan" }).click();
  const preview = page.getByTestId("plan-preview");
  await expect(preview).toBeVisible();
  await expect(preview).toContainText("nothing stored yet");
  await expect(
    preview
      .getByTestId("plan-action")
      .filter({ hasText: /WINWORD\.EXE/i })
      .first(),
  ).toBeAttached();
  await expect(
    preview.getByTestId("plan-action").filter({ hasText: "registry.value.set" }).first(),
  ).toBeAttached();

  // 4. Generate stores the run and opens the viewer; the tree shows winword.exe → powershell.exe.
  await page.getByRole("button", { name: "Generate" }).click();
  await expect(page).toHaveURL(/\/scenarios\/[\w-]+\/runs\/[\w-]+$/, { timeout: 60_000 });
  await expect(page.getByTestId("run-status")).toHaveText("succeeded");
  const tree = page.getByTestId("process-tree");
  await expect(tree.locator('[data-testid=process-node][data-image="WINWORD.EXE"]')).toBeVisible();
  const ps = tree.locator(
    '[data-testid=process-node][data-image="powershell.exe"][data-parent="WINWORD.EXE"]',
  );
  await expect(ps).toBeVisible();
  await expect(ps).toHaveAttribute("title", /-Enc|-enc|-EncodedCommand/i);
  await ps.click();
  await expect(page.getByTestId("event-detail")).toContainText("powershell.exe");
  await shot(page, "tree");

  // 5. The table filtered to Sysmon event 13 finds the Run key.
  await page.getByRole("tab", { name: "Events" }).click();
  await page.getByLabel("Channel").selectOption({ label: "Sysmon" });
  await page.getByLabel("Event ID").selectOption("13");
  await page.getByLabel("Label").selectOption("malicious");
  const rows = page.getByTestId("event-row");
  await expect(rows.first()).toBeVisible();
  for (const row of await rows.all()) await expect(row).toHaveAttribute("data-event-id", "13");
  const runKey = rows.filter({ hasText: "CurrentVersion\\Run\\" }).first();
  await expect(runKey).toBeVisible();
  await runKey.click();
  const detail = page.getByTestId("event-detail");
  await expect(detail).toContainText("TargetObject");
  await expect(detail).toContainText("T1547.001");
  await detail.getByRole("tab", { name: "XML" }).click();
  await expect(detail).toContainText("<EventID>13</EventID>");
  await detail.getByRole("tab", { name: "Fields" }).click();
  // Back to every Sysmon 13 event: the Run key stays open in the detail panel.
  await page.getByLabel("Label").selectOption("");
  await expect(rows.nth(5)).toBeVisible();
  await shot(page, "table");

  // Pivot from the event: same process.
  await detail.getByRole("button", { name: "Same process" }).click();
  await expect(page.getByText(/same process:/)).toBeVisible();

  // Sigma rules run after the response; the detection panel shows them when they land.
  if (process.env.SIGMA_RULES_DIR) {
    await page.getByRole("tab", { name: "Detection" }).click();
    const panel = page.getByTestId("detection-panel");
    await expect(panel).toBeVisible({ timeout: 120_000 });
    await expect(panel).toContainText("T1547.001");
    await expect(panel.getByText(/✓/).first()).toBeVisible();
    await expect(panel.getByRole("button", { name: "Copy" }).first()).toBeVisible();
  }

  // 6. The bundle downloads, verifies with the CLI, and fails once one byte changes.
  const downloading = page.waitForEvent("download");
  await page.getByTestId("download-bundle").click();
  const download = await downloading;
  const dir = await mkdtemp(path.join(os.tmpdir(), "mimicry-e2e-"));
  const file = path.join(dir, download.suggestedFilename());
  await download.saveAs(file);
  const good = await verify(file);
  expect(good.code, good.out).toBe(0);
  const bytes = await readFile(file);
  bytes[Math.floor(bytes.length / 3)] ^= 0x01;
  const tampered = path.join(dir, "tampered.zip");
  await writeFile(tampered, bytes);
  const bad = await verify(tampered);
  expect(bad.code, bad.out).toBe(1);

  // 7. History lists the scenario after a reload.
  await page.goto("/scenarios");
  await page.reload();
  await expect(page.getByTestId("scenario-item").filter({ hasText: title })).toBeVisible();
});

test("history: search, duplicate, delete with undo", async ({ page, request }) => {
  const title = `E2E history ${Date.now()}`;
  const created = await request.post("/api/scenarios", {
    data: { title, steps: [{ technique: "T1053.005" }], seed: 3 },
  });
  expect(created.status()).toBe(201);
  await page.goto("/scenarios");
  await page.getByRole("searchbox").fill(title);
  const item = page.getByTestId("scenario-item").filter({ hasText: title });
  await expect(item).toHaveCount(1);
  await item.getByRole("button", { name: "Duplicate" }).click();
  await page.getByRole("searchbox").fill(`Copy of ${title}`);
  const copy = page.getByTestId("scenario-item").filter({ hasText: `Copy of ${title}` });
  await expect(copy).toHaveCount(1);
  await copy.getByRole("button", { name: "Delete" }).click();
  await expect(copy).toHaveCount(0);
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(copy).toHaveCount(1);
});

test("verify page accepts a bundle and rejects a tampered one", async ({ page, request }) => {
  const created = await request.post("/api/scenarios", {
    data: { title: `E2E verify ${Date.now()}`, steps: [{ technique: "T1547.001" }], seed: 9 },
  });
  const { id } = await created.json();
  const started = await request.post(`/api/scenarios/${id}/runs?wait=true`, { data: {} });
  const { id: runId } = await started.json();
  const zip = Buffer.from(await (await request.get(`/api/runs/${runId}/bundle`)).body());
  await page.goto("/verify");
  await page
    .getByLabel("Bundle file")
    .setInputFiles({ name: "bundle.zip", mimeType: "application/zip", buffer: zip });
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByTestId("verify-result")).toContainText("Valid");
  const bad = Buffer.from(zip);
  bad[Math.floor(bad.length / 2)] ^= 0x01;
  await page
    .getByLabel("Bundle file")
    .setInputFiles({ name: "bad.zip", mimeType: "application/zip", buffer: bad });
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByTestId("verify-result")).toContainText("Invalid");
});

test("lists a run's share links and revokes one, after which the link opens nothing", async ({
  page,
  request,
}) => {
  const created = await request.post("/api/scenarios", {
    data: { title: `E2E share ${Date.now()}`, steps: [{ technique: "T1547.001" }], seed: 12 },
  });
  const { id } = await created.json();
  const { id: runId } = await (
    await request.post(`/api/scenarios/${id}/runs?wait=true`, { data: {} })
  ).json();
  await page.goto(`/scenarios/${id}/runs/${runId}`);
  // The deterministic server says which mode ran.
  await expect(page.getByTestId("run-mode")).toHaveText("deterministic");
  await page.getByRole("button", { name: "Share read-only" }).click();
  const shown = page.getByText("Read-only link (shown once):").locator("code");
  await expect(shown).toContainText("/share/");
  const url = (await shown.textContent())!;
  expect((await request.get(url)).status()).toBe(200);

  await page.getByRole("button", { name: "share links" }).click();
  const row = page.getByTestId("share-link");
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("active");
  await row.getByRole("button", { name: "Revoke" }).click();
  await expect(row).toContainText("revoked");
  await page.reload();
  await page.getByRole("button", { name: "share links" }).click();
  await expect(page.getByTestId("share-link")).toContainText("revoked");
  expect((await request.get(url)).status()).toBe(404);
});
