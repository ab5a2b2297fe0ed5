import { describe, expect, it } from "vitest";
import { type ActionInput, replicationRights } from "../../actions";
import { fieldValue, type WinEvent } from "../../event";
import { parseEcs, toEcs } from "../../formats/ecs";
import { parseSentinel, sentinelFormat } from "../../formats/sentinel";
import { serialize } from "../../generate";
import { validateEvents } from "../../validate";
import { eventsOfKey, fieldNames, generatePlan } from "../test-support";

const S32 = "C:\\Windows\\System32";

const plan: ActionInput[] = [
  {
    id: "cmd",
    kind: "process.create",
    proc: "cmd",
    parent: "@explorer",
    image: `${S32}\\cmd.exe`,
    commandLine: "cmd.exe",
  },
  { id: "tgs", kind: "kerberos.tgs", host: "@dc", user: "@admin", service: "@dc", source: "@workstation" },
  {
    id: "logon",
    kind: "logon",
    host: "@dc",
    session: "drs",
    user: "@admin",
    logonType: 3,
    source: "@workstation",
  },
  {
    id: "dcsync",
    kind: "directory.access",
    session: "drs",
    properties: [replicationRights.getChanges, replicationRights.getChangesAll],
  },
  {
    id: "spn",
    kind: "directory.change",
    session: "drs",
    object: "@workstation",
    objectClass: "computer",
    changes: [
      { attribute: "servicePrincipalName", value: "GC/ws.example/example" },
      { attribute: "servicePrincipalName", value: "E3514235-4B06-11D1-AB04-00C04FC2DCD2/x/example" },
    ],
  },
  {
    id: "unspn",
    kind: "directory.change",
    session: "drs",
    object: "@workstation",
    objectClass: "computer",
    changes: [{ attribute: "servicePrincipalName", value: "GC/ws.example/example", op: "delete" }],
  },
  {
    id: "create",
    kind: "directory.change",
    session: "drs",
    operation: "create",
    object: "CN=NTDS Settings,CN=WS,CN=Servers,CN=Default-First-Site-Name,CN=Sites,CN=Configuration",
    objectClass: "nTDSDSA",
  },
  {
    id: "sidh",
    kind: "directory.change",
    session: "drs",
    object: "@user",
    objectClass: "user",
    changes: [{ attribute: "sIDHistory", value: "S-1-5-21-1-2-3-512" }],
  },
  {
    id: "share",
    kind: "share.access",
    host: "@dc",
    session: "drs",
    share: "\\\\*\\SYSVOL",
    relativeTarget: "corp\\Policies\\GPT.INI",
    accessMask: "0x12019f",
  },
  { id: "off", kind: "logoff", host: "@dc", session: "drs" },
  // Renamed utilities: a copy made by file.create, and a copy declared on the process itself.
  {
    id: "copy",
    kind: "file.create",
    proc: "cmd",
    path: "C:\\Users\\Public\\svc.exe",
    copyOf: `${S32}\\cmd.exe`,
  },
  {
    id: "ren",
    kind: "process.create",
    proc: "ren",
    parent: "cmd",
    image: "C:\\Users\\Public\\svc.exe",
    commandLine: "svc.exe /c ver",
  },
  {
    id: "ren2",
    kind: "process.create",
    proc: "ren2",
    parent: "cmd",
    image: "C:\\ProgramData\\u.exe",
    copyOf: `${S32}\\certutil.exe`,
    commandLine: "u.exe -?",
  },
  { id: "gone", kind: "file.delete", proc: "cmd", path: "C:\\Users\\Public\\svc.exe" },
  { id: "copy2", kind: "file.create", proc: "cmd", path: "C:\\Users\\Public\\svc.exe" },
  {
    id: "ren3",
    kind: "process.create",
    proc: "ren3",
    parent: "cmd",
    image: "C:\\Users\\Public\\svc.exe",
    commandLine: "svc.exe",
  },
];

const r = generatePlan("T1003.006", plan, 11);
const ofKey = (key: string) => eventsOfKey(r.events, key);
const v = (e: WinEvent, name: string) => fieldValue(e, name);

describe("directory service events", () => {
  it("run without issues and pass every coherence check", () => {
    expect(r.report.issues).toEqual([]);
    expect(validateEvents(r.events)).toEqual([]);
  });

  it("write 4662 per replication right, on the DC, by the replicating session", () => {
    const [a, b] = ofKey("security/4662");
    expect(ofKey("security/4662")).toHaveLength(2);
    expect(fieldNames(a)).toEqual([
      "SubjectUserSid",
      "SubjectUserName",
      "SubjectDomainName",
      "SubjectLogonId",
      "ObjectServer",
      "ObjectType",
      "ObjectName",
      "OperationType",
      "HandleId",
      "AccessList",
      "AccessMask",
      "Properties",
      "AdditionalInfo",
      "AdditionalInfo2",
    ]);
    const logon = ofKey("security/4624").find((e) => e.computer === a.computer && v(e, "LogonType") === 3)!;
    expect(a.computer).toMatch(/^DC/);
    expect(v(a, "SubjectLogonId")).toBe(v(logon, "TargetLogonId"));
    expect(v(a, "SubjectUserName")).toBe(v(logon, "TargetUserName"));
    expect(v(a, "ObjectType")).toBe("%{19195a5b-6da0-11d0-afd3-00c04fd930c9}");
    expect(v(a, "AccessMask")).toBe("0x100");
    expect(v(a, "Properties")).toContain("{1131f6aa-9c07-11d1-f79f-00c04fc2dcd2}");
    expect(v(b, "Properties")).toContain("{1131f6ad-9c07-11d1-f79f-00c04fc2dcd2}");
    expect(v(a, "ObjectName")).toBe(v(b, "ObjectName"));
  });

  it("write 5136 per value with one correlation ID per modify, 5137 for a created object", () => {
    const changes = ofKey("security/5136");
    expect(fieldNames(changes[0]).slice(0, 2)).toEqual(["OpCorrelationID", "AppCorrelationID"]);
    expect(fieldNames(changes[0]).slice(6)).toEqual([
      "DSName",
      "DSType",
      "ObjectDN",
      "ObjectGUID",
      "ObjectClass",
      "AttributeLDAPDisplayName",
      "AttributeSyntaxOID",
      "AttributeValue",
      "OperationType",
    ]);
    const spn = changes.filter((e) => v(e, "AttributeLDAPDisplayName") === "servicePrincipalName");
    expect(spn.map((e) => v(e, "OperationType"))).toEqual(["%%14674", "%%14674", "%%14675"]);
    expect(v(spn[0], "OpCorrelationID")).toBe(v(spn[1], "OpCorrelationID"));
    expect(v(spn[0], "OpCorrelationID")).not.toBe(v(spn[2], "OpCorrelationID"));
    expect(new Set(spn.map((e) => v(e, "ObjectGUID"))).size).toBe(1);
    expect(v(spn[0], "ObjectDN")).toMatch(/^CN=WS[^,]*,CN=Computers,DC=/);
    const created = ofKey("security/5137");
    expect(created.map((e) => v(e, "ObjectClass"))).toEqual(["nTDSDSA"]);
    expect(String(v(created[0], "ObjectDN"))).toMatch(/CN=Configuration,DC=/);
  });

  it("write the SAM's 4742 with the computer's SPNs and 4738 with the new sIDHistory", () => {
    const computer = ofKey("security/4742");
    expect(fieldNames(computer[0]).slice(-2)).toEqual(["DnsHostName", "ServicePrincipalNames"]);
    expect(String(v(computer[0], "ServicePrincipalNames"))).toContain("GC/ws.example/example");
    expect(String(v(computer[1], "ServicePrincipalNames"))).not.toContain("GC/ws.example/example");
    expect(String(v(computer[1], "ServicePrincipalNames"))).toContain(
      "E3514235-4B06-11D1-AB04-00C04FC2DCD2/",
    );
    const user = ofKey("security/4738");
    expect(user.map((e) => v(e, "SidHistory"))).toEqual(["%{S-1-5-21-1-2-3-512}"]);
  });

  it("list the rights of a 5145's access mask", () => {
    const check = ofKey("security/5145")[0];
    expect(v(check, "AccessList")).toBe(
      ["%%1538", "%%1541", "%%4416", "%%4417", "%%4418", "%%4419", "%%4420", "%%4423", "%%4424"]
        .map((x) => `${x}\n\t\t\t\t`)
        .join(""),
    );
    expect(String(v(check, "AccessReason"))).toContain("%%4417:\t%%1801");
  });

  it("flag directory events of a host that is not a DC and a DN that changes objectGUID", () => {
    const change = ofKey("security/5136")[0];
    const moved = { ...change, computer: r.events.find((e) => !e.computer.startsWith("DC"))!.computer };
    expect(validateEvents([...r.events, moved], ["directory"]).map((i) => i.message)).toEqual([
      expect.stringContaining("not a domain controller"),
    ]);
    const i = change.template.fields.findIndex((f) => f.name === "ObjectGUID");
    const regoid = {
      ...change,
      data: change.data.map((d, k) => (k === i ? "00000000-0000-0000-0000-000000000001" : d)),
    };
    expect(validateEvents([...r.events, regoid], ["directory"]).map((x) => x.message)).toEqual([
      expect.stringContaining("has objectGUID"),
    ]);
  });
});

describe("directory events in ECS and Sentinel", () => {
  const ds = r.events.filter((e) => /^security\/(4662|4742|5136|5137)$/.test(e.template.key));

  it("map to the Winlogbeat action/category and SecurityEvent columns, and parse back to the same values", () => {
    const computer = toEcs(ofKey("security/4742")[0]) as Record<string, unknown>;
    expect(computer["event"]).toMatchObject({ action: "changed-computer-account", category: ["iam"] });
    const access = sentinelFormat.serialize(ofKey("security/4662")[0]);
    expect(JSON.parse(access)).toMatchObject({
      Activity: "4662 - An operation was performed on an object.",
      OperationType: "Object Access",
      AccessMask: "0x100",
    });
    expect(JSON.parse(access).Properties).toContain("1131f6aa-9c07-11d1-f79f-00c04fc2dcd2");
    for (const parsed of [
      parseEcs(serialize(ds, "ecs")),
      parseSentinel(ds.map((e) => sentinelFormat.serialize(e)).join("\n")),
    ]) {
      expect(parsed.errors).toEqual([]);
      expect(parsed.events.map((e) => e.template.key)).toEqual(ds.map((e) => e.template.key));
      expect(parsed.events.map((e) => fieldValue(e, "ObjectDN") ?? fieldValue(e, "ObjectName"))).toEqual(
        ds.map((e) => fieldValue(e, "ObjectDN") ?? fieldValue(e, "ObjectName")),
      );
    }
  });
});

describe("renamed copies of binaries", () => {
  const sysmon1 = ofKey("sysmon/1");
  const image = (path: string) => sysmon1.filter((e) => v(e, "Image") === path);

  it("keep the original's PE identity under the new name", () => {
    const original = image(`${S32}\\cmd.exe`)[0];
    const [copy, afterDelete] = image("C:\\Users\\Public\\svc.exe");
    for (const f of ["OriginalFileName", "Description", "Product", "Company", "FileVersion", "Hashes"])
      expect(v(copy, f), f).toBe(v(original, f));
    expect(v(copy, "OriginalFileName")).toBe("Cmd.Exe");
    // The copy was deleted and another file written there: it no longer reads as cmd.exe.
    expect(v(afterDelete, "OriginalFileName")).toBe("-");
    const certutil = image("C:\\ProgramData\\u.exe")[0];
    expect([v(certutil, "OriginalFileName"), v(certutil, "Description")]).toEqual([
      "CertUtil.exe",
      "CertUtil.exe",
    ]);
  });
});
