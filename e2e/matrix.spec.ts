import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test, type Page } from "@playwright/test";

// Runs against ATT&CK Enterprise 18.1 (ATTACK_STIX_FILE); ids and names below are facts of that release.

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), "fixtures");
/** The first cell of a technique (a technique shows once per tactic it belongs to). */
const cell = (page: Page, id: string) => page.locator(`[role=gridcell][data-technique="${id}"]`).first();
const cells = (page: Page, id: string) => page.locator(`[role=gridcell][data-technique="${id}"]`);

// Uncaught page errors (and React warnings, which dev builds print) fail the test that caused them.
const pageProblems: string[] = [];
test.beforeEach(({ page }) => {
  pageProblems.length = 0;
  page.on("pageerror", (error) => pageProblems.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error" && /Warning|same key|React/i.test(message.text()))
      pageProblems.push(message.text());
  });
});
test.afterEach(() => {
  expect(pageProblems).toEqual([]);
});

async function openMatrix(page: Page, query = "") {
  await page.goto(`/matrix${query}`);
  await expect(page.getByRole("grid", { name: "ATT&CK Enterprise matrix" })).toBeVisible();
}

test("shows all tactics in kill-chain order and every technique and sub-technique", async ({ page }) => {
  await openMatrix(page);
  const headers = page.getByRole("columnheader");
  await expect(headers).toHaveCount(14);
  await expect(headers.first()).toContainText("Reconnaissance");
  await expect(headers.last()).toContainText("Impact");
  await expect(page.getByTestId("match-count")).toHaveText(
    "14 tactics · 216 techniques · 475 sub-techniques",
  );
  await expect(cells(page, "T1059.001")).toHaveCount(0);
  await page.getByRole("button", { name: "Expand all" }).click();
  const ids = await page
    .locator("[role=gridcell][data-technique]")
    .evaluateAll((els) => [...new Set(els.map((el) => el.getAttribute("data-technique")))]);
  expect(ids.filter((id) => id && !id.includes("."))).toHaveLength(216);
  expect(ids.filter((id) => id?.includes("."))).toHaveLength(475);
  await page.getByRole("button", { name: "Collapse all" }).click();
  await expect(cells(page, "T1059.001")).toHaveCount(0);
  // Per-technique toggle.
  await cell(page, "T1059")
    .getByRole("button", { name: /Show 13 sub-techniques of T1059/ })
    .click();
  await expect(cell(page, "T1059.001")).toBeVisible();
});

test("search highlights PowerShell and counts matches", async ({ page }) => {
  await openMatrix(page);
  await page.getByLabel("Search techniques by ID, name or description").fill("powershell");
  const target = cell(page, "T1059.001");
  await expect(target).toBeVisible();
  await expect(target).toHaveAttribute("data-state", "match");
  await expect(target.locator("mark")).toHaveText("PowerShell");
  await expect(page.getByTestId("match-count")).toContainText(
    /\d+ matches \(\d+ techniques, \d+ sub-techniques\)/,
  );
  await expect(page).toHaveURL(/q=powershell/);
});

test("the log-source filter finds techniques by v18 analytics", async ({ page }) => {
  await openMatrix(page);
  await page.getByLabel("Log source (from ATT&CK v18 analytics)").fill("Sysmon EventCode 10");
  await expect(cell(page, "T1003.001")).toHaveAttribute("data-state", "match");
  await expect(cell(page, "T1003.001")).toBeVisible();
  await expect(cell(page, "T1197")).toHaveAttribute("data-state", "miss");
  await expect(page).toHaveURL(/ls=Sysmon/);
});

test("platform Linux hides Windows-only techniques", async ({ page }) => {
  await openMatrix(page);
  await expect(cell(page, "T1197")).toBeVisible(); // BITS Jobs: Windows only
  await page
    .getByRole("group", { name: "Platforms" })
    .getByRole("button", { name: "Linux", exact: true })
    .click();
  await expect(cell(page, "T1197")).toHaveAttribute("data-state", "miss");
  await page.getByRole("button", { name: "Hide non-matching" }).click();
  await expect(cells(page, "T1197")).toHaveCount(0);
  await expect(cells(page, "T1134")).toHaveCount(0); // Access Token Manipulation: Windows only
  await expect(cell(page, "T1059")).toBeVisible(); // Command and Scripting Interpreter runs on Linux
  await expect(page).toHaveURL(/platforms=Linux/);
  await expect(page).toHaveURL(/mode=hide/);
});

test("selection lives in the URL and survives a reload", async ({ page }) => {
  await openMatrix(page);
  await cell(page, "T1003").click();
  await cell(page, "T1059").click({ modifiers: ["ControlOrMeta"] });
  await cell(page, "T1197").click({ modifiers: ["ControlOrMeta"] });
  await expect(page).toHaveURL(/sel=T1003,T1059,T1197/);
  await expect(page.getByTestId("selection-count")).toHaveText("3 selected");
  await page.reload();
  await expect(page.getByTestId("selection-count")).toHaveText("3 selected");
  for (const id of ["T1003", "T1059", "T1197"])
    await expect(cell(page, id)).toHaveAttribute("aria-selected", "true");
  await expect(page.getByRole("link", { name: "Build scenario from selection" })).toHaveAttribute(
    "href",
    "/scenarios/new?techniques=T1003,T1059,T1197",
  );
  // Shift-click extends from the anchor along the column: Credential Access from T1003 down two rows.
  await cell(page, "T1003").click();
  const column = await page
    .locator('[data-cell^="credential-access:"]')
    .evaluateAll((els) => els.map((el) => el.getAttribute("data-technique")));
  const from = column.indexOf("T1003");
  await page.locator(`[data-cell="credential-access:${column[from + 2]}"]`).click({ modifiers: ["Shift"] });
  await expect(page.getByTestId("selection-count")).toHaveText("3 selected");
});

test("a tactic header selects the techniques shown under it", async ({ page }) => {
  await openMatrix(page);
  await page.getByRole("button", { name: "Exfiltration", exact: true }).click();
  await expect(page.getByTestId("selection-count")).toHaveText("9 selected");
  await expect(page).toHaveURL(/sel=T1011,/);
});

test("the T1003.001 drawer shows its Sysmon EventCode 10 log source", async ({ page }) => {
  await openMatrix(page, "?open=T1003.001");
  const drawer = page.getByTestId("technique-drawer");
  await expect(drawer.getByRole("heading", { name: "LSASS Memory", exact: true })).toBeVisible();
  const row = drawer
    .locator('tr[data-log-source="WinEventLog:Sysmon"]')
    .filter({ hasText: "EventCode=10" })
    .first();
  await expect(row).toBeVisible();
  await expect(drawer.getByRole("link", { name: /attack\.mitre\.org/ })).toHaveAttribute(
    "href",
    "https://attack.mitre.org/techniques/T1003/001",
  );
  await expect(drawer.getByText("Credential Access", { exact: true })).toBeVisible();
  // No raw HTML from ATT&CK's markdown reaches the page.
  expect(await drawer.locator("script, iframe").count()).toBe(0);
  await page.keyboard.press("Escape");
  await expect(drawer).toHaveCount(0);
});

test("an unknown technique in the URL gets a clear message", async ({ page }) => {
  await openMatrix(page, "?open=T9999&sel=T9998,T1003");
  await expect(page.getByTestId("technique-drawer").getByRole("alert")).toContainText(
    "T9999 is not a technique in ATT&CK 18.1",
  );
  await expect(page.getByText(/does not have; they were left out: T9998/)).toBeVisible();
  await expect(page.getByTestId("selection-count")).toHaveText("1 selected");
});

test("keyboard: / focuses search, arrows move, Space selects, Enter opens", async ({ page }) => {
  await openMatrix(page);
  await page.locator("body").click({ position: { x: 5, y: 300 } });
  await page.keyboard.press("/");
  await expect(page.getByLabel("Search techniques by ID, name or description")).toBeFocused();
  await page.locator('[role=gridcell][tabindex="0"]').focus();
  await expect(page.locator(":focus")).toHaveAttribute("data-technique", "T1595");
  await page.keyboard.press("ArrowDown");
  await expect(page.locator(":focus")).toHaveAttribute("data-technique", "T1592");
  await page.keyboard.press("ArrowRight");
  await expect(page.locator(":focus")).toHaveAttribute("data-technique", "T1583");
  await expect(page.locator('[role=gridcell][tabindex="0"]')).toHaveCount(1);
  await page.keyboard.press("Space");
  await expect(page.locator(":focus")).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("Enter");
  await expect(
    page
      .getByTestId("technique-drawer")
      .getByRole("heading", { name: "Acquire Infrastructure", exact: true }),
  ).toBeVisible();
});

test("a Navigator layer colours cells, shows its legend, lists unknown IDs and re-imports identically", async ({
  page,
}) => {
  await openMatrix(page);
  const fixture = path.join(fixtures, "navigator-layer.json");
  await page.getByTestId("layer-file").setInputFiles(fixture);
  await expect(page.getByTestId("unknown-ids")).toContainText("T1686");
  await expect(page.getByTestId("unknown-ids")).toContainText("T9999");
  await expect(
    page.getByText(/2 technique IDs are not in ATT&CK 18\.1.*other 6 entries were loaded/),
  ).toBeVisible();
  const legend = page.getByTestId("legend");
  await expect(legend).toContainText("Detected by our Sysmon rules");
  await expect(legend).toContainText("Valid accounts watchlist");
  // Explicit colour, gradient score 100 (green end) and a tactic-scoped colour.
  await expect(cell(page, "T1059.001")).toHaveCSS("background-color", "rgb(230, 13, 13)");
  await expect(cell(page, "T1003.001")).toHaveCSS("background-color", "rgb(142, 200, 67)");
  await expect(page.locator('[data-cell="persistence:T1078"]')).toHaveCSS(
    "background-color",
    "rgb(30, 64, 175)",
  );
  await expect(page.locator('[data-cell="initial-access:T1078"]')).not.toHaveCSS(
    "background-color",
    "rgb(30, 64, 175)",
  );

  // Navigator's sorting: highest layer score first (T1003 scores 50; its column's other techniques are unscored).
  await page.getByLabel("Sort").selectOption("score-desc");
  await expect(page.locator('[data-cell^="credential-access:"]').first()).toHaveAttribute(
    "data-technique",
    "T1003",
  );
  await page.getByLabel("Sort").selectOption("name");

  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export layer Credential access coverage" }).click();
  const file = await (await download).path();
  const exported = JSON.parse(await readFile(file, "utf8"));
  expect(exported).toEqual(JSON.parse(await readFile(fixture, "utf8")));

  // Toggling hides the colours; the re-imported copy paints them again.
  await page.getByLabel("Show layer Credential access coverage").uncheck();
  await expect(cell(page, "T1059.001")).not.toHaveCSS("background-color", "rgb(230, 13, 13)");
  await page.getByTestId("layer-file").setInputFiles(file);
  await expect(page.locator('li[data-layer="Credential access coverage"]')).toHaveCount(2);
  await expect(cell(page, "T1059.001")).toHaveCSS("background-color", "rgb(230, 13, 13)");
  await expect(page.getByTestId("unknown-ids")).toHaveText(/T1686\s*T9999/);
});

test("bad layer files get clear messages", async ({ page }, testInfo) => {
  await openMatrix(page);
  const input = page.getByTestId("layer-file");
  await input.setInputFiles(path.join(fixtures, "mobile-layer.json"));
  await expect(page.getByTestId("layer-notices").getByRole("alert")).toContainText(
    "is for the mobile-attack domain",
  );
  await input.setInputFiles({
    name: "notes.json",
    mimeType: "application/json",
    buffer: Buffer.from("not json at all"),
  });
  await expect(page.getByTestId("layer-notices").getByRole("alert")).toContainText("notes.json is not JSON");
  const huge = testInfo.outputPath("huge-layer.json");
  await writeFile(huge, Buffer.alloc(50 * 1024 * 1024, 0x20));
  await input.setInputFiles(huge);
  await expect(page.getByTestId("layer-notices").getByRole("alert")).toContainText(
    "huge-layer.json is 50.0 MB",
  );
  // The page still works after refusing it.
  await page.getByLabel("Search techniques by ID, name or description").fill("T1003.001");
  await expect(cell(page, "T1003.001")).toBeVisible();
});

test("exports the selection as a Navigator layer and the view as SVG", async ({ page }) => {
  await openMatrix(page, "?sel=T1003.001,T1059.001");
  let download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export selection as layer" }).click();
  const layer = JSON.parse(await readFile(await (await download).path(), "utf8"));
  expect(layer.domain).toBe("enterprise-attack");
  expect(layer.versions.layer).toBe("4.5");
  expect(layer.techniques.map((t: { techniqueID: string }) => t.techniqueID)).toEqual([
    "T1003",
    "T1003.001",
    "T1059",
    "T1059.001",
  ]);
  download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export view as SVG" }).click();
  const svg = await readFile(await (await download).path(), "utf8");
  expect(svg.startsWith("<svg")).toBe(true);
  expect(svg).toContain("LSASS Memory");
  expect(svg).toContain("Reconnaissance");
});

test("annotates selected techniques into an exportable layer, as Navigator does", async ({ page }) => {
  await openMatrix(page, "?sel=T1003,T1197");
  const form = page.getByRole("form", { name: "Annotate selection" });
  await form.getByLabel("Score").fill("75");
  await form.getByLabel("Comment").fill("watched by rule 12");
  await form.getByRole("button", { name: "Apply" }).click();
  await expect(cell(page, "T1197")).toHaveCSS("background-color", "rgb(245, 158, 11)");
  await expect(cell(page, "T1197")).toHaveAttribute(
    "title",
    /Mimicry annotations: score 75 — watched by rule 12/,
  );
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export layer Mimicry annotations" }).click();
  const layer = JSON.parse(await readFile(await (await download).path(), "utf8"));
  expect(layer.techniques).toEqual([
    { techniqueID: "T1003", color: "#f59e0b", score: 75, comment: "watched by rule 12", enabled: true },
    { techniqueID: "T1197", color: "#f59e0b", score: 75, comment: "watched by rule 12", enabled: true },
  ]);
  await form.getByRole("button", { name: "Clear annotations" }).click();
  await expect(cell(page, "T1197")).not.toHaveCSS("background-color", "rgb(245, 158, 11)");
});

test("usable on a 390 px phone: the grid scrolls sideways under sticky tactic headers", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openMatrix(page);
  const scroller = page.getByTestId("matrix-scroll");
  const sizes = await scroller.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
  expect(sizes.scroll).toBeGreaterThan(sizes.client);
  await scroller.evaluate((el) => el.scrollBy(0, 600));
  await expect(page.getByRole("columnheader").first()).toBeInViewport();
});
