import { mkdtempSync, mkdirSync, symlinkSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { InputError } from "@/lib/schemas/errors";
import { allowedRuleFolder } from "./folder";
import { BROKEN_RULE, EVENTS_NDJSON, WHOAMI_RULE } from "./fixtures";
import { inspectSources } from "./inspect";
import { testRule } from "./test-rule";
import { readZipUpload } from "./upload";

const caught = (fn: () => unknown): InputError => {
  try {
    fn();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error("expected an InputError");
};

describe("testRule", () => {
  it("names the events that fired and the selections that matched", () => {
    const result = testRule(WHOAMI_RULE, EVENTS_NDJSON);
    expect(result.events).toBe(3);
    expect(result.fired.map((f) => f.event)).toEqual([0, 2]);
    expect(result.fired[0]).toMatchObject({
      title: "Whoami Execution",
      selections: ["selection_img", "selection_parent"],
      source: "sysmon:1",
    });
    expect(result.quiet).toEqual([1]);
    expect(result.rules[0].tags).toContain("attack.t1033");
  });

  it("refuses a broken rule with the line of the problem", () => {
    const error = caught(() => testRule(BROKEN_RULE, EVENTS_NDJSON));
    expect(error.status).toBe(400);
    expect(error.message).toMatch(/line 14/);
    expect(error.message).toMatch(/startwith/);
    expect(error.issues?.[0].path).toBe("rule:14");
  });

  it("refuses events that are not JSON objects, naming the line", () => {
    const error = caught(() => testRule(WHOAMI_RULE, `${EVENTS_NDJSON}\n{"Event": oops}`));
    expect(error.message).toMatch(/line 4/);
    expect(error.issues?.[0].path).toBe("events");
  });

  it("with logsource checking off, a rule is evaluated on every event", () => {
    const noLogsource = WHOAMI_RULE.replace("category: process_creation", "category: image_load");
    expect(testRule(noLogsource, EVENTS_NDJSON).fired).toHaveLength(0);
    expect(testRule(noLogsource, EVENTS_NDJSON, { logsource: "ignore" }).fired).toHaveLength(2);
  });
});

describe("inspectSources", () => {
  it("describes good, out-of-scope and broken rules", () => {
    const linux = WHOAMI_RULE.replace("product: windows", "product: linux").replace(
      "0b6f3e55-6a4b-4c3b-9a7e-6c1d2f7e8a01",
      "1b6f3e55-6a4b-4c3b-9a7e-6c1d2f7e8a01",
    );
    const { rows, loaded } = inspectSources([
      { file: "a.yml", text: WHOAMI_RULE },
      { file: "b.yml", text: BROKEN_RULE },
      { file: "c.yml", text: linux },
      { file: "d.yml", text: "title: [unclosed" },
    ]);
    expect(rows.map((r) => [r.file, r.status])).toEqual([
      ["a.yml", "ok"],
      ["b.yml", "error"],
      ["c.yml", "out_of_scope"],
      ["d.yml", "error"],
    ]);
    expect(rows[0]).toMatchObject({ level: "medium", logsource: "windows / process_creation" });
    expect(rows[1].line).toBe(14);
    expect(rows[2].problem).toMatch(/linux/);
    expect(rows[3].line).toBe(1);
    expect(loaded.rules).toHaveLength(2);
  });
});

describe("allowedRuleFolder", () => {
  const base = mkdtempSync(path.join(os.tmpdir(), "mimicry-rules-"));
  mkdirSync(path.join(base, "rules", "windows"), { recursive: true });
  const outside = mkdtempSync(path.join(os.tmpdir(), "mimicry-outside-"));
  symlinkSync(outside, path.join(base, "rules", "escape"));
  const root = path.join(base, "rules");

  it("accepts folders inside SIGMA_RULES_DIR, relative or absolute", () => {
    expect(allowedRuleFolder("windows", root)).toBe(path.join(root, "windows"));
    expect(allowedRuleFolder(path.join(root, "windows"), root)).toBe(path.join(root, "windows"));
  });

  it("refuses traversal, symlinks out, other folders and an unset base", () => {
    expect(caught(() => allowedRuleFolder("../", root)).message).toMatch(/inside SIGMA_RULES_DIR/);
    expect(caught(() => allowedRuleFolder("escape", root)).message).toMatch(/inside SIGMA_RULES_DIR/);
    expect(caught(() => allowedRuleFolder("/etc", root)).message).toMatch(/inside SIGMA_RULES_DIR/);
    expect(caught(() => allowedRuleFolder("nope", root)).message).toMatch(/does not exist/);
    expect(caught(() => allowedRuleFolder("windows", undefined)).message).toMatch(/SIGMA_RULES_DIR/);
  });
});

describe("readZipUpload", () => {
  const zip = zipSync({ "rules/windows/whoami.yml": new TextEncoder().encode(WHOAMI_RULE) });
  const upload = (size?: number) => {
    const form = new FormData();
    form.set("file", new File([zip as BlobPart], "sigma_core.zip", { type: "application/zip" }));
    form.set("name", "Core");
    return readZipUpload(new Request("http://x/api", { method: "POST", body: form }), size);
  };

  it("reads the file and fields of a multipart body", async () => {
    const read = await upload();
    expect(read).toMatchObject({ fileName: "sigma_core.zip", name: "Core" });
    expect(read.bytes).toEqual(zip);
  });

  it("answers 413 over the cap and 415 for JSON", async () => {
    await expect(upload(10)).rejects.toMatchObject({ code: "payload_too_large" });
    const json = new Request("http://x/api", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
    });
    await expect(readZipUpload(json)).rejects.toMatchObject({ code: "unsupported_media_type" });
  });
});
