import { describe, expect, it } from "vitest";
import { procedures } from "@/lib/procedures/registry";
import { type ActionInput, replicationRights } from "./actions";
import { parseEvtxJson } from "./formats/evtx-json";
import { parseEvtxXml } from "./formats/evtx-xml";
import { generate, serialize } from "./generate";
import { securityTemplates } from "./renderers/security/templates";
import { sysmonTemplates } from "./renderers/sysmon/templates";
import { validateEvents } from "./validate";

const S32 = "C:\\Windows\\System32";

/** One explicit plan touching every action kind the Sysmon and Security renderers handle. */
const plan: ActionInput[] = [
  {
    id: "cmd",
    kind: "process.create",
    proc: "cmd",
    parent: "@explorer",
    image: `${S32}\\cmd.exe`,
    commandLine: "cmd.exe",
    elevated: true,
  },
  { id: "drop", kind: "file.create", proc: "cmd", path: "C:\\Users\\Public\\tool.exe" },
  {
    id: "ads",
    kind: "file.stream",
    proc: "cmd",
    path: "C:\\Users\\Public\\tool.exe",
    stream: "Zone.Identifier",
    contents: "[ZoneTransfer]  ZoneId=3",
  },
  {
    id: "stomp",
    kind: "file.timestomp",
    proc: "cmd",
    path: "C:\\Users\\Public\\tool.exe",
    creationTime: "2019-03-19T08:00:00Z",
  },
  {
    id: "tool",
    kind: "process.create",
    proc: "tool",
    parent: "cmd",
    image: "C:\\Users\\Public\\tool.exe",
    commandLine: "tool.exe -x",
  },
  { id: "load", kind: "image.load", proc: "tool", image: `${S32}\\samlib.dll` },
  { id: "tamper", kind: "process.tamper", proc: "tool" },
  { id: "pipe", kind: "pipe.create", proc: "tool", pipe: "\\msagent_12" },
  { id: "pipe2", kind: "pipe.connect", proc: "cmd", pipe: "\\msagent_12" },
  { id: "dns", kind: "dns.query", proc: "tool", name: "files.example.net" },
  { id: "net", kind: "network.connect", proc: "tool", remote: "files.example.net", port: 443 },
  {
    id: "access",
    kind: "process.access",
    proc: "tool",
    target: "@lsass",
    grantedAccess: "0x1010",
    callTrace: ["tool.exe"],
  },
  {
    id: "thread",
    kind: "thread.remote",
    proc: "tool",
    target: "@explorer",
    startModule: "-",
    startFunction: "-",
  },
  { id: "read", kind: "file.read", proc: "tool", path: "C:\\Users\\Public\\tool.exe" },
  { id: "kc", kind: "registry.key.create", proc: "tool", key: "HKCU\\Software\\Tool" },
  {
    id: "kv",
    kind: "registry.value.set",
    proc: "tool",
    key: "HKCU\\Software\\Tool",
    value: "Enabled",
    type: "REG_DWORD",
    data: "1",
  },
  {
    id: "kq",
    kind: "registry.value.set",
    proc: "tool",
    key: "HKCU\\Software\\Tool",
    value: "Seen",
    type: "REG_QWORD",
    data: "4294967297",
  },
  { id: "kr", kind: "registry.key.rename", proc: "tool", key: "HKCU\\Software\\Tool", newName: "Tool2" },
  { id: "kd", kind: "registry.value.delete", proc: "tool", key: "HKCU\\Software\\Tool2", value: "Enabled" },
  { id: "kx", kind: "registry.key.delete", proc: "tool", key: "HKCU\\Software\\Tool2" },
  { id: "driver", kind: "driver.load", image: "C:\\Windows\\Temp\\drv.sys", signed: false },
  {
    id: "svc",
    kind: "service.install",
    proc: "@services",
    session: "@interactive-elevated",
    name: "ToolSvc",
    imagePath: "C:\\Users\\Public\\tool.exe",
  },
  {
    id: "task",
    kind: "task.create",
    proc: "cmd",
    name: "\\ToolTask",
    command: "C:\\Users\\Public\\tool.exe",
  },
  { id: "task2", kind: "task.update", proc: "cmd", name: "\\ToolTask", enabled: false },
  { id: "task3", kind: "task.delete", proc: "cmd", name: "\\ToolTask" },
  { id: "acct", kind: "account.create", proc: "cmd", user: "support", local: true },
  { id: "enable", kind: "account.enable", proc: "cmd", user: "support" },
  { id: "reset", kind: "account.password.reset", proc: "cmd", user: "support" },
  { id: "change", kind: "account.change", proc: "cmd", user: "support" },
  { id: "group", kind: "group.member.add", proc: "cmd", user: "support", group: "Administrators" },
  { id: "fail", kind: "logon.failure", user: "support", logonType: 3, source: "@workstation2" },
  {
    id: "logon",
    kind: "logon",
    session: "net1",
    user: "@admin",
    logonType: 3,
    source: "@workstation2",
    authPackage: "NTLM",
  },
  { id: "priv", kind: "privileges.special", session: "net1" },
  {
    id: "share",
    kind: "share.access",
    session: "net1",
    share: "C$",
    relativeTarget: "Users\\Public\\notes.txt",
  },
  { id: "off", kind: "logoff", session: "net1" },
  {
    id: "rdp",
    kind: "logon",
    session: "rdp1",
    user: "@admin",
    logonType: 10,
    source: "@workstation2",
    authPackage: "Negotiate",
  },
  { id: "rdpoff", kind: "logoff", session: "rdp1" },
  { id: "creds", kind: "credentials.explicit", proc: "cmd", targetUser: "@admin", targetServer: "localhost" },
  { id: "tgt", kind: "kerberos.tgt", host: "@dc", user: "@user" },
  { id: "tgs", kind: "kerberos.tgs", host: "@dc", user: "@user", service: "@server" },
  {
    id: "gdom",
    kind: "group.member.add",
    host: "@dc",
    proc: "@lsass",
    user: "@user",
    group: "Domain Admins",
  },
  {
    id: "dclogon",
    kind: "logon",
    host: "@dc",
    session: "dcnet",
    user: "@admin",
    logonType: 3,
    source: "@workstation",
  },
  {
    id: "dcsync",
    kind: "directory.access",
    session: "dcnet",
    properties: [replicationRights.getChanges, replicationRights.getChangesAll],
  },
  {
    id: "spn",
    kind: "directory.change",
    session: "dcnet",
    object: "@workstation",
    objectClass: "computer",
    changes: [{ attribute: "servicePrincipalName", value: "GC/WS01.corp.example.com/corp.example.com" }],
  },
  {
    id: "ntdsdsa",
    kind: "directory.change",
    session: "dcnet",
    object: "CN=NTDS Settings,CN=WS01,CN=Servers,CN=Default-First-Site-Name,CN=Sites,CN=Configuration",
    objectClass: "nTDSDSA",
    operation: "create",
  },
  {
    id: "sidh",
    kind: "directory.change",
    session: "dcnet",
    object: "@user",
    objectClass: "user",
    changes: [{ attribute: "sIDHistory", value: "S-1-5-21-1004336348-1177238915-682003330-512" }],
  },
  {
    id: "copy",
    kind: "file.create",
    proc: "cmd",
    path: "C:\\Users\\Public\\svc.exe",
    copyOf: `${S32}\\cmd.exe`,
  },
  {
    id: "renamed",
    kind: "process.create",
    proc: "ren",
    parent: "cmd",
    image: "C:\\Users\\Public\\svc.exe",
    commandLine: "svc.exe /c ver",
  },
  {
    id: "renamed2",
    kind: "process.create",
    proc: "ren2",
    parent: "cmd",
    image: "C:\\ProgramData\\u.exe",
    copyOf: `${S32}\\certutil.exe`,
    commandLine: "u.exe -?",
  },
  { id: "del", kind: "file.delete", proc: "tool", path: "C:\\Users\\Public\\tool.exe", archived: true },
  { id: "clear", kind: "log.clear", proc: "cmd", channel: "Security" },
  { id: "exit", kind: "process.terminate", proc: "tool" },
];

describe("every action kind", () => {
  const r = generate(
    { seed: 3, noise: { level: "none" }, steps: [{ technique: "T1059.003", plan }] },
    { procedures },
  );

  it("runs the whole plan without repairs or errors", () => {
    expect(r.report.issues).toEqual([]);
    expect(r.report.steps[0].repairs).toEqual([]);
    expect(r.report.steps[0].pruned).toEqual([]);
  });

  it("renders every Sysmon and Security event ID of the engine", () => {
    const seen = new Set(r.events.map((e) => e.template.key));
    for (const t of [...sysmonTemplates, ...securityTemplates]) expect(seen, t.key).toContain(t.key);
  });

  it("fills every field of every event (no undefined), in template order", () => {
    for (const e of r.events) {
      expect(e.data, e.template.key).toHaveLength(e.template.fields.length);
      expect(
        e.data.some((v) => v === undefined),
        e.template.key,
      ).toBe(false);
    }
  });

  it("is coherent and survives both evtx round trips", () => {
    expect(validateEvents(r.events)).toEqual([]);
    const json = serialize(r.events, "evtx-json");
    expect(serialize(parseEvtxJson(json).events, "evtx-json")).toBe(json);
    const xml = serialize(r.events, "evtx-xml");
    expect(serialize(parseEvtxXml(xml).events, "evtx-xml")).toBe(xml);
  });

  it("writes 1102 under UserData/LogFileCleared and Sysmon values in their Windows forms", () => {
    const cleared = JSON.parse(
      serialize(
        r.events.filter((e) => e.template.key === "security/1102"),
        "evtx-json",
      ),
    );
    expect(Object.keys(cleared.Event.UserData.LogFileCleared)).toEqual([
      "#attributes",
      "SubjectUserSid",
      "SubjectUserName",
      "SubjectDomainName",
      "SubjectLogonId",
    ]);
    const values = r.events
      .filter((e) => e.template.key === "sysmon/13" && String(e.data[6]).includes("\\Software\\Tool\\"))
      .map((e) => e.data[7]);
    expect(values).toEqual(["DWORD (0x00000001)", "QWORD (0x00000001-0x00000001)"]);
    const dnsLine = JSON.parse(
      serialize(
        r.events.filter((e) => e.template.key === "sysmon/3"),
        "evtx-json",
      ),
    );
    expect(dnsLine.Event.EventData).toMatchObject({
      Initiated: true,
      SourceIsIpv6: false,
      DestinationHostname: "files.example.net",
      DestinationPortName: "https",
    });
  });
});
