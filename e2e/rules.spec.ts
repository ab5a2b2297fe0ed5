import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { zipSync } from "fflate";

// Rule sets and the rule tester: paste a rule into a new set, test it against pasted events, and see the
// line of the error for a broken rule.

const SCREENSHOTS = process.env.MIMICRY_SCREENSHOTS_DIR;

const RULE = `title: E2E Whoami From Shell
id: 5c9a1e7d-2b1f-4d8e-9f3a-7e6b5d4c3a21
status: test
tags:
  - attack.discovery
  - attack.t1033
logsource:
  category: process_creation
  product: windows
detection:
  selection_img:
    Image|endswith: '\\whoami.exe'
  selection_parent:
    ParentImage|endswith: '\\cmd.exe'
  condition: all of selection_*
level: medium
`;

const event = (record: number, image: string, parent: string) =>
  JSON.stringify({
    Event: {
      System: {
        Provider: { "#attributes": { Name: "Microsoft-Windows-Sysmon" } },
        EventID: 1,
        Channel: "Microsoft-Windows-Sysmon/Operational",
        Computer: "WS01.corp.local",
        EventRecordID: record,
      },
      EventData: { Image: image, ParentImage: parent, CommandLine: "whoami /all", User: "CORP\\alice" },
    },
  });

const EVENTS = [
  event(1, "C:\\Windows\\System32\\notepad.exe", "C:\\Windows\\explorer.exe"),
  event(2, "C:\\Windows\\System32\\whoami.exe", "C:\\Windows\\System32\\cmd.exe"),
].join("\n");

async function shot(page: Page, name: string) {
  if (!SCREENSHOTS) return;
  // A tall viewport rather than fullPage: the sticky header would be drawn mid-page.
  await page.setViewportSize({ width: 1280, height: 1300 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
  await page.setViewportSize({ width: 1280, height: 800 });
}

test("paste a rule into a set, test it against events, see a broken rule's line", async ({ page }) => {
  const name = `E2E set ${Date.now()}`;
  await page.goto("/rules");
  await expect(page.getByRole("heading", { name: "Sigma rules" })).toBeVisible();

  // 1. Create a set from a pasted rule; it is listed and its table shows the rule.
  const create = page.getByRole("form", { name: "Create from a pasted rule" });
  await create.getByLabel("Name").fill(name);
  await create.getByLabel("Sigma rule (YAML, optional)").fill(RULE);
  await create.getByRole("button", { name: "Create set" }).click();
  await expect(page.getByRole("status").filter({ hasText: `1 rule stored in “${name}”` })).toBeVisible();
  await expect(page.getByRole("list", { name: "Rule sets" }).getByRole("button", { name })).toBeVisible();
  const table = page.getByRole("table", { name: `Rules of ${name}` });
  await expect(table.getByRole("row", { name: /E2E Whoami From Shell/ })).toContainText("loads");
  await expect(table).toContainText("attack.t1033");

  // 2. After a reload the set is still there (stored in the database).
  await page.reload();
  await page.getByRole("list", { name: "Rule sets" }).getByRole("button", { name }).click();
  await expect(page.getByRole("table", { name: `Rules of ${name}` })).toContainText("E2E Whoami From Shell");

  // 3. Test the rule against pasted events: it fires on the second event, both selections matched.
  const tester = page.getByRole("form", { name: "Test a rule" });
  await tester.getByLabel("Sigma rule (YAML)").fill(RULE);
  await tester.getByLabel(/Events \(evtx-json/).fill(EVENTS);
  await tester.getByRole("button", { name: "Run test" }).click();
  await expect(page.getByText("Fired on 1 of 2 events")).toBeVisible();
  const fired = page.getByRole("table", { name: "Events the rule fired on" });
  await expect(fired).toContainText("#2");
  await expect(fired).toContainText("selection_img, selection_parent");
  await expect(fired).toContainText("sysmon:1");
  await shot(page, "rules");

  // 4. A broken rule (unknown modifier on line 12) is refused with its line, in the tester and the set.
  const broken = RULE.replace("Image|endswith", "Image|endswiths");
  await tester.getByLabel("Sigma rule (YAML)").fill(broken);
  await tester.getByRole("button", { name: "Run test" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "line 12" })).toContainText("endswiths");

  const add = page.getByRole("form", { name: "Add a rule to this set" });
  await add.getByLabel("Add a rule (Sigma YAML)").fill(broken);
  await add.getByRole("button", { name: "Add rule" }).click();
  await expect(add.getByRole("alert")).toContainText("line 12");
  await expect(page.getByRole("table", { name: `Rules of ${name}` }).getByRole("row")).toHaveCount(2);

  // 5. With SIGMA_RULES_DIR set, the read-only SigmaHQ set lists its rules, searchable.
  const builtin = page.getByRole("list", { name: "Rule sets" }).getByRole("button", { name: /SigmaHQ/ });
  if (await builtin.count()) {
    await builtin.click();
    await page.getByRole("searchbox", { name: "Search rules" }).fill("whoami");
    const sigma = page.getByRole("table", { name: "Rules of SigmaHQ (SIGMA_RULES_DIR)" });
    await expect(sigma.getByRole("row", { name: /Whoami/i }).first()).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole("button", { name: "Delete" })).toHaveCount(0);
    await shot(page, "rules-sigmahq");
  }
});

test("upload a rule zip: a set with the rules, the broken one shown with its line; traversal refused", async ({
  page,
}) => {
  const name = `E2E zip ${Date.now()}`;
  const broken = RULE.replace("Image|endswith", "Image|endswiths").replace("5c9a1e7d", "6c9a1e7d");
  const zip = (files: Record<string, string>) =>
    Buffer.from(
      zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, new TextEncoder().encode(v)]))),
    );
  await page.goto("/rules");
  await page.getByRole("button", { name: "Upload zip" }).click();
  const form = page.getByRole("form", { name: "Import a SigmaHQ release zip" });
  await form.getByLabel("Name").fill(name);
  await form.getByLabel(/release \.zip/).setInputFiles({
    name: "sigma_core.zip",
    mimeType: "application/zip",
    buffer: zip({ "rules/windows/good.yml": RULE, "rules/windows/broken.yml": broken }),
  });
  await form.getByRole("button", { name: "Import zip" }).click();
  await expect(page.getByRole("status").filter({ hasText: `2 rules stored in “${name}”` })).toContainText(
    "1 do not load",
  );
  const table = page.getByRole("table", { name: `Rules of ${name}` });
  await expect(table.getByRole("row", { name: /broken\.yml/ })).toContainText("rules/windows/broken.yml:12");

  await form.getByLabel("Name").fill(`${name} evil`);
  await form.getByLabel(/release \.zip/).setInputFiles({
    name: "evil.zip",
    mimeType: "application/zip",
    buffer: zip({ "../../evil.yml": RULE }),
  });
  await form.getByRole("button", { name: "Import zip" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "path traversal" })).toBeVisible();
});
