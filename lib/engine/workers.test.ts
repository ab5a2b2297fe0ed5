import { describe, expect, it } from "vitest";
import { addWorkers, argumentsOf, net1CommandLine } from "./workers";

const net = (cmd: string, image = "C:\\Windows\\System32\\net.exe") => ({
  id: "n",
  kind: "process.create",
  proc: "net",
  parent: "shell",
  image,
  commandLine: cmd,
});

describe("net.exe's worker", () => {
  it("is net1 with the arguments after two spaces, for the sub-commands net forwards", () => {
    expect(net1CommandLine("C:\\Windows\\System32\\net.exe", 'net group "domain admins" /domain')).toBe(
      'C:\\Windows\\system32\\net1  group "domain admins" /domain',
    );
    expect(net1CommandLine("C:\\Windows\\SysWOW64\\net.exe", '"C:\\Windows\\SysWOW64\\net.exe" user')).toBe(
      "C:\\Windows\\SysWOW64\\net1  user",
    );
    expect(net1CommandLine("C:\\Windows\\System32\\net.exe", "net view \\\\fs01")).toBeNull();
    expect(net1CommandLine("C:\\Windows\\System32\\netsh.exe", "netsh user")).toBeNull();
    expect(argumentsOf('  "C:\\a b\\net.exe"   use  x')).toBe("use  x");
  });

  it("is added with its exit; the front end's work moves to it and the front end waits for it", () => {
    const plan = addWorkers([
      net("net user bob P@ss /add"),
      { id: "acct", kind: "account.create", proc: "net", name: "bob", after: ["n"] },
      { id: "x", kind: "process.terminate", proc: "net", after: ["acct"] },
    ]) as Record<string, unknown>[];
    expect(plan.map((a) => a.id)).toEqual(["n", "n~net1", "acct", "n~net1-exit", "x"]);
    const worker = plan[1];
    expect(worker).toMatchObject({
      parent: "net",
      proc: "net~net1",
      image: "C:\\Windows\\System32\\net1.exe",
      commandLine: "C:\\Windows\\system32\\net1  user bob P@ss /add",
      after: ["n"],
    });
    expect(plan[2]).toMatchObject({ proc: "net~net1", after: ["n", "n~net1"] });
    expect(plan[3]).toMatchObject({ kind: "process.terminate", proc: "net~net1", after: ["n~net1", "acct"] });
    expect(plan[4].after).toEqual(["acct", "n~net1-exit"]);
  });

  it("leaves plans alone that already have the worker, or no net sub-command that forwards", () => {
    const named = [
      net("net use \\\\dc\\c$"),
      {
        ...net("C:\\Windows\\system32\\net1  use \\\\dc\\c$", "C:\\Windows\\System32\\net1.exe"),
        id: "w",
        proc: "w",
        parent: "net",
      },
    ];
    expect(addWorkers(named)).toEqual(named);
    const view = [net("net view /all")];
    expect(addWorkers(view)).toEqual(view);
  });
});
