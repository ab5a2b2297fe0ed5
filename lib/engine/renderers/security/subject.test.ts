import { describe, expect, it } from "vitest";
import { fieldValue } from "../../event";
import { generate } from "../../generate";
import { procedures } from "@/lib/procedures/registry";

// The SYSTEM logon session is the computer account to LSA: Security subjects say "HOST$" in the domain,
// while the account of a new SYSTEM logon (4672) and Sysmon's User still say NT AUTHORITY\SYSTEM.
describe("Security subjects of SYSTEM", () => {
  const r = generate(
    { seed: 5, noise: { level: "normal", durationSeconds: 600 }, steps: [{ technique: "T1021.002" }] },
    { procedures },
  );
  const security = (id: number) =>
    r.events.filter((e) => e.template.channel === "Security" && e.template.eventId === id);

  it("name the computer account on 4688 and 4689", () => {
    const bySystem = [...security(4688), ...security(4689)].filter(
      (e) => fieldValue(e, "SubjectLogonId") === "0x3e7",
    );
    expect(bySystem.length).toBeGreaterThan(0);
    for (const e of bySystem) {
      const host = e.computer.split(".")[0].toUpperCase();
      expect(fieldValue(e, "SubjectUserSid")).toBe("S-1-5-18");
      expect(fieldValue(e, "SubjectUserName")).toBe(`${host}$`);
      expect(fieldValue(e, "SubjectDomainName")).not.toBe("NT AUTHORITY");
    }
  });

  it("keep SYSTEM / NT AUTHORITY as the account of a SYSTEM logon's special privileges", () => {
    const system4672 = security(4672).filter((e) => fieldValue(e, "SubjectUserSid") === "S-1-5-18");
    for (const e of system4672) {
      expect(fieldValue(e, "SubjectUserName")).toBe("SYSTEM");
      expect(fieldValue(e, "SubjectDomainName")).toBe("NT AUTHORITY");
    }
    const sysmonSystem = r.events.filter(
      (e) => e.template.key === "sysmon/1" && fieldValue(e, "User") === "NT AUTHORITY\\SYSTEM",
    );
    expect(sysmonSystem.length).toBeGreaterThan(0);
  });
});
