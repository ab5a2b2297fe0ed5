import { describe, expect, it } from "vitest";
import { ConfigError, hasModel, parseConfig } from "./schema";

describe("parseConfig", () => {
  it("applies defaults for an empty environment", () => {
    const config = parseConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.MIMICRY_DATA_DIR).toBe(".data");
    expect(config.ATTACK_CACHE_DIR).toBe("data/attack");
    expect(hasModel(config)).toBe(false);
  });

  it("reads the values it is given", () => {
    const config = parseConfig({
      PORT: "8080",
      DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/x",
      OPENAI_BASE_URL: "http://127.0.0.1:11434/v1",
      MIMICRY_MODEL: "llama3",
    });
    expect(config.PORT).toBe(8080);
    expect(config.DATABASE_URL).toBe("postgresql://postgres@127.0.0.1:5432/x");
    expect(hasModel(config)).toBe(true);
  });

  it("names each bad variable and what it expects", () => {
    let error: unknown;
    try {
      parseConfig({ PORT: "eighty", DATABASE_URL: "mysql://x", OPENAI_BASE_URL: "not a url" });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    expect(message).toContain('PORT="eighty": expected a positive integer');
    expect(message).toContain("DATABASE_URL");
    expect(message).toContain("postgres://");
    expect(message).toContain("OPENAI_BASE_URL");
  });

  it("rejects a port out of range", () => {
    expect(() => parseConfig({ PORT: "70000" })).toThrow(/PORT="70000": expected a TCP port/);
  });
});
