import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_GRADIENT, gradientColor, textColorOn } from "./color";
import {
  checkLayerFileSize,
  layerFileName,
  MAX_LAYER_BYTES,
  parseLayerFile,
  serializeLayer,
} from "./layer-file";
import { annotateLayer, coverageToLayer, paintCells, resolveLayer, selectionToLayer } from "./layer-paint";
import { testPayload } from "./test-payload";

const payload = testPayload();
const fixture = readFileSync(path.join(__dirname, "../../e2e/fixtures/navigator-layer.json"), "utf8");

describe("parseLayerFile", () => {
  it("reads a 4.5 layer and keeps fields it does not use", () => {
    const { layers, problems } = parseLayerFile(fixture, "layer.json");
    expect(problems).toEqual([]);
    expect(layers).toHaveLength(1);
    expect(layers[0].name).toBe("Credential access coverage");
    expect(layers[0].metadata).toEqual([{ name: "owner", value: "detection engineering" }]);
  });

  it("round-trips: serialize then parse gives the same layer and the same JSON as the file", () => {
    const [layer] = parseLayerFile(fixture).layers;
    const again = parseLayerFile(serializeLayer(layer)).layers[0];
    expect(again).toEqual(layer);
    expect(JSON.parse(serializeLayer(again))).toEqual(JSON.parse(fixture));
  });

  it("reads a list of layers and reports the bad ones by position", () => {
    const good = JSON.parse(fixture);
    const text = JSON.stringify([good, { ...good, name: "Mobile", domain: "mobile-attack" }, { name: 3 }]);
    const { layers, problems } = parseLayerFile(text, "all.json");
    expect(layers).toHaveLength(1);
    expect(problems).toEqual([
      "Layer “Mobile” is for the mobile-attack domain; this matrix shows Enterprise ATT&CK (enterprise-attack), so it was not loaded.",
      expect.stringMatching(/^all\.json, layer 3, is not a valid Navigator layer: name: .*domain: /),
    ]);
  });

  it("explains non-JSON, wrong shapes and bad field types", () => {
    expect(parseLayerFile("{oops", "x.json").problems[0]).toMatch(/^x\.json is not JSON \(/);
    expect(parseLayerFile("42", "x.json").problems[0]).toMatch(/is not a Navigator layer/);
    expect(parseLayerFile("[]", "x.json").problems[0]).toBe("x.json holds an empty list of layers.");
    const bad = JSON.stringify({
      name: "n",
      domain: "enterprise-attack",
      techniques: [{ techniqueID: "T1059", score: "high" }],
    });
    expect(parseLayerFile(bad, "x.json").problems[0]).toMatch(/techniques\[0\]\.score/);
    const gradient = JSON.stringify({
      name: "n",
      domain: "enterprise-attack",
      gradient: { colors: ["#fff", "#000"], minValue: 5, maxValue: 5 },
    });
    expect(parseLayerFile(gradient).problems[0]).toMatch(/maxValue must be greater than minValue/);
  });

  it("refuses huge or empty files before reading them", () => {
    expect(checkLayerFileSize("big.json", 50 * 1024 * 1024)).toMatch(
      /^big\.json is 50\.0 MB; layer files over 10\.0 MB are refused/,
    );
    expect(checkLayerFileSize("empty.json", 0)).toBe("empty.json is empty.");
    expect(checkLayerFileSize("ok.json", MAX_LAYER_BYTES)).toBeNull();
    expect(layerFileName("Credential access / coverage!")).toBe("credential-access-coverage.json");
  });
});

describe("resolveLayer and paintCells", () => {
  const [layer] = parseLayerFile(fixture).layers;
  const resolved = resolveLayer(layer, payload);

  it("lists unknown ids and keeps the rest", () => {
    // The test payload lacks T1003.002 and T1110 as well as the ids ATT&CK 18.1 lacks.
    expect(resolved.unknownIds).toEqual(["T1003.002", "T1110", "T1686", "T9999"]);
    expect(resolved.marks.size).toBe(4);
    expect(resolved.expand).toEqual(["T1003"]);
    expect(resolved.usesGradient).toBe(true);
    expect(resolved.legend.map((l) => l.label)).toEqual([
      "Detected by our Sysmon rules",
      "Valid accounts watchlist",
    ]);
  });

  it("paints explicit colours, gradient scores and tactic-scoped entries", () => {
    const paints = paintCells(payload, [resolved]);
    expect(paints.get("execution:T1059.001")).toMatchObject({ background: "#e60d0d", color: "#ffffff" });
    expect(paints.get("credential-access:T1003.001")?.background).toBe("#8ec843");
    expect(paints.get("credential-access:T1003")?.background).toBe(gradientColor(50, DEFAULT_GRADIENT));
    expect(paints.get("persistence:T1078")?.background).toBe("#1e40af");
    expect(paints.has("defense-evasion:T1078")).toBe(false);
    expect(paints.get("credential-access:T1003.001")?.notes).toEqual([
      "Credential access coverage: score 100 — Sysmon EventCode 10 on lsass.exe",
    ]);
  });

  it("draws later layers on top and marks disabled entries", () => {
    const top = resolveLayer(
      {
        name: "top",
        domain: "enterprise-attack",
        techniques: [{ techniqueID: "T1059.001", color: "#00ff00", enabled: false }],
      },
      payload,
    );
    const paint = paintCells(payload, [resolved, top]).get("execution:T1059.001");
    expect(paint).toMatchObject({ background: "#00ff00", disabled: true });
  });

  it("applies revoked ids to their replacement and names retired ones", () => {
    const old = resolveLayer(
      {
        name: "old",
        domain: "enterprise-attack",
        techniques: [
          { techniqueID: "T1086", color: "#ff0000" },
          { techniqueID: "T1064", score: 3 },
        ],
      },
      payload,
    );
    expect(old.marks.get("T1059.001")?.background).toBe("#ff0000");
    expect(old.remapped).toEqual([["T1086", "T1059.001"]]);
    expect(old.unknownIds).toEqual(["T1064"]);
    expect(old.warnings).toEqual([
      "Revoked IDs were applied to their replacements: T1086 → T1059.001.",
      "Retired in ATT&CK without a replacement: T1064 (deprecated).",
    ]);
  });

  it("ignores colours that are not hex (they would reach style attributes and SVG)", () => {
    const sneaky = resolveLayer(
      {
        name: "x",
        domain: "enterprise-attack",
        techniques: [{ techniqueID: "T1059", color: "red;background:url(x)" }],
      },
      payload,
    );
    expect(sneaky.marks.get("T1059")?.background).toBeNull();
    expect(sneaky.warnings[0]).toMatch(/^Ignored colours that are not hex values/);
  });
});

describe("selectionToLayer and coverageToLayer", () => {
  it("exports a selection that re-imports to the same techniques", () => {
    const layer = selectionToLayer(["T1059.001", "T1197", "T4242"], payload);
    expect(layer.versions).toEqual({ attack: "18", navigator: "5.2.0", layer: "4.5" });
    expect(layer.techniques?.map((t) => t.techniqueID)).toEqual(["T1059", "T1059.001", "T1197"]);
    const back = resolveLayer(parseLayerFile(serializeLayer(layer)).layers[0], payload);
    expect(back.unknownIds).toEqual([]);
    expect(back.expand).toEqual(["T1059"]);
    expect(back.marks.get("T1197")?.background).toBe("#3b82f6");
    expect(back.marks.get("T1059")?.background).toBeNull();
  });

  it("turns coverage counts into a scored layer", () => {
    const layer = coverageToLayer(
      { "T1059.001": { procedures: 4, variants: 9 }, T1003: { procedures: 0 } },
      payload,
    );
    expect(layer.techniques).toEqual([
      { techniqueID: "T1059.001", score: 4, comment: "4 procedures, 9 variants" },
    ]);
    expect(layer.gradient).toMatchObject({ minValue: 0, maxValue: 4 });
  });
});

describe("colours", () => {
  it("interpolates gradients and picks readable text", () => {
    expect(gradientColor(0, DEFAULT_GRADIENT)).toBe("#ff6666");
    expect(gradientColor(50, DEFAULT_GRADIENT)).toBe("#ffe766");
    expect(gradientColor(150, DEFAULT_GRADIENT)).toBe("#8ec843");
    expect(gradientColor(5, { colors: ["#000", "#fff"], minValue: 0, maxValue: 10 })).toBe("#808080");
    expect(textColorOn("#ffe766")).toBe("#000000");
    expect(textColorOn("#1e40af")).toBe("#ffffff");
  });
});

describe("annotateLayer", () => {
  it("creates, updates and clears annotations of techniques", () => {
    const first = annotateLayer(null, ["T1059.001", "T1003"], { color: "#ff0000", comment: "seen" }, payload);
    expect(first.name).toBe("Mimicry annotations");
    expect(first.techniques).toEqual([
      { techniqueID: "T1003", color: "#ff0000", comment: "seen", enabled: true },
      { techniqueID: "T1059.001", color: "#ff0000", comment: "seen", enabled: true },
    ]);
    const second = annotateLayer(first, ["T1003"], { score: 80, color: "not a colour" }, payload);
    expect(second.techniques?.find((t) => t.techniqueID === "T1003")).toEqual({
      techniqueID: "T1003",
      score: 80,
      enabled: true,
    });
    const cleared = annotateLayer(second, ["T1059.001"], null, payload);
    expect(cleared.techniques?.map((t) => t.techniqueID)).toEqual(["T1003"]);
    expect(parseLayerFile(serializeLayer(cleared)).layers[0]).toEqual(cleared);
  });
});
