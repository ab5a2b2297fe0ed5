import { mkdir } from "node:fs/promises";
import path from "node:path";
import { expect, test } from "@playwright/test";

// Editing a saved scenario: open it in the builder, change the title and a step, save, re-run (the new run
// shows the new title, the old run keeps its own), then share it with every team.

const SCREENSHOTS = process.env.MIMICRY_SCREENSHOTS_DIR ?? path.join("test-results", "screenshots");
const ACTION =
  'reg add "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run" /v Updater /t REG_SZ /d "C:\\Users\\Public\\upd.exe" /f';

test("edit a scenario's title and a step, save, re-run, make it public", async ({ page, request }) => {
  test.setTimeout(240_000);
  const stamp = Date.now();
  const before = `E2E edit me ${stamp}`;
  const after = `E2E edited ${stamp}`;

  // A saved scenario with one run made before the edit.
  const created = await request.post("/api/scenarios", {
    data: { title: before, steps: [{ technique: "T1059.001" }, { technique: "T1547.001" }], seed: 31337 },
  });
  expect(created.status()).toBe(201);
  const { id } = await created.json();
  const first = await request.post(`/api/scenarios/${id}/runs?wait=true`, { data: {} });
  expect(first.status()).toBe(201);
  const firstRun = (await first.json()).id as string;

  // Open it for editing from the scenario page: the builder shows the saved values.
  await page.goto(`/scenarios/${id}`);
  await page.getByRole("link", { name: "Edit", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/scenarios/${id}/edit$`));
  await expect(page.getByRole("heading", { name: "Edit scenario" })).toBeVisible();
  await expect(page.getByLabel("Title")).toHaveValue(before);
  await expect(page.getByLabel("Seed")).toHaveValue("31337");
  const steps = page.getByTestId("builder-step");
  await expect(steps).toHaveCount(2);
  await expect(steps.nth(1)).toContainText("T1547.001");

  // Change the title and step 2 (a free-text action instead of the default procedure).
  await page.getByLabel("Title").fill(after);
  await steps.nth(1).getByLabel("Free-text action").check();
  await page.getByLabel("Action for step 2").fill(ACTION);
  await page.getByLabel(/^Tags/).fill("edited, persistence");
  await mkdir(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, "scenario-edit.png"), fullPage: true });

  // Save: back on the scenario page with the new title and step.
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page).toHaveURL(new RegExp(`/scenarios/${id}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(after);
  await expect(page.getByText("reg add", { exact: false })).toBeVisible();

  // Re-run: the new run's viewer shows the new title; the first run keeps the old one.
  await page.getByRole("button", { name: "Run again" }).click();
  await expect(page).toHaveURL(/\/runs\/[\w-]+$/, { timeout: 30_000 });
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(after);
  const runId = page.url().split("/").pop()!;
  expect(runId).not.toBe(firstRun);
  await expect
    .poll(async () => (await (await request.get(`/api/runs/${runId}`)).json()).status, { timeout: 120_000 })
    .toBe("succeeded");
  const newRun = await (await request.get(`/api/runs/${runId}`)).json();
  expect(newRun.snapshot.steps[1]).toMatchObject({ technique: "T1547.001", action: ACTION });
  const oldRun = await (await request.get(`/api/runs/${firstRun}`)).json();
  expect(oldRun.snapshot.title).toBe(before);

  // Make it public from the scenario page; the public list shows it.
  await page.goto(`/scenarios/${id}`);
  await page.getByTestId("visibility").selectOption("public");
  await expect
    .poll(async () => (await (await request.get(`/api/scenarios/${id}`)).json()).visibility)
    .toBe("public");
  await page.reload();
  await expect(page.getByTestId("visibility")).toHaveValue("public");
  await page.screenshot({ path: path.join(SCREENSHOTS, "scenario-public.png"), fullPage: true });
  const shared = await (await request.get("/api/scenarios?scope=public")).json();
  expect(shared.items.map((s: { id: string }) => s.id)).toContain(id);

  await page.goto("/scenarios");
  await page.getByTestId("scope-filter").selectOption("public");
  await expect(page.getByTestId("scenario-item").filter({ hasText: after })).toContainText("public");
});
