import { mkdir } from "node:fs/promises";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";

// The "Used in detection" switch of a rule set: it flips at once (optimistic), is stored (after a reload and
// in the API), and flips back with an error shown when the server refuses.

const SCREENSHOTS = process.env.MIMICRY_SCREENSHOTS_DIR;

const RULE = `title: E2E Detection Switch Rule
id: 8d2f6c1a-4b3e-4f5a-9c7d-1e2f3a4b5c6d
status: test
logsource:
  category: process_creation
  product: windows
detection:
  selection:
    Image|endswith: '\\whoami.exe'
  condition: selection
level: low
`;

async function shot(page: Page, name: string) {
  if (!SCREENSHOTS) return;
  await mkdir(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

test("a rule set's 'Used in detection' switch is stored and survives a reload", async ({ page, request }) => {
  const name = `E2E switch ${Date.now()}`;
  const created = await request.post("/api/rule-sets", { data: { name, rule: RULE } });
  expect(created.status()).toBe(201);
  const id = ((await created.json()) as { set: { id: string } }).set.id;
  const stored = async () => {
    const list = (await (await request.get("/api/rule-sets")).json()) as {
      items: Array<{ id: string; enabled: boolean }>;
    };
    return list.items.find((s) => s.id === id)?.enabled;
  };

  await page.goto("/rules");
  const toggle = page.getByRole("switch", { name: `Used in detection: ${name}` });
  await expect(toggle).toBeChecked();

  // 1. Off: the switch flips before the server answers, then the stored value agrees.
  const patched = page.waitForResponse(
    (r) => r.url().endsWith(`/api/rule-sets/${id}`) && r.request().method() === "PATCH",
  );
  await toggle.click();
  await expect(toggle).not.toBeChecked();
  expect((await patched).status()).toBe(200);
  expect(await stored()).toBe(false);
  await page.getByRole("list", { name: "Rule sets" }).getByRole("button", { name }).click();
  await expect(page.getByText("not used in detection")).toBeVisible();
  await shot(page, "rules-switch-off");

  // 2. After a reload it is still off (read from the database), and the keyboard turns it on again.
  await page.reload();
  await expect(toggle).not.toBeChecked();
  await toggle.focus();
  await page.keyboard.press("Space");
  await expect(toggle).toBeChecked();
  await expect.poll(stored).toBe(true);
  await page.reload();
  await expect(toggle).toBeChecked();

  // 3. A refused change puts the switch back and says why.
  await page.route(`**/api/rule-sets/${id}`, (route) =>
    route.request().method() === "PATCH"
      ? route.fulfill({
          status: 409,
          contentType: "application/json",
          body: JSON.stringify({ error: { code: "conflict", message: "E2E refused the change" } }),
        })
      : route.continue(),
  );
  await toggle.click();
  await expect(page.getByRole("alert").filter({ hasText: "E2E refused the change" })).toBeVisible();
  await expect(toggle).toBeChecked();
  expect(await stored()).toBe(true);

  // 4. The read-only SigmaHQ set (when SIGMA_RULES_DIR is set) is always used: its switch is on and disabled.
  const builtin = page.getByRole("switch", { name: /Used in detection: SigmaHQ/ });
  if (await builtin.count()) {
    await expect(builtin).toBeChecked();
    await expect(builtin).toBeDisabled();
  }
});
