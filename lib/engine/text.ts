import type { ActionInput } from "./actions";

/**
 * Minimal free-text extraction until the procedures issue delivers the real parser: commands written in
 * quotes or backticks become processes started from the user's shell. Returns null when nothing usable.
 */
export function planFromText(text: string): ActionInput[] | null {
  const commands: string[] = [];
  for (const m of text.matchAll(/`([^`]+)`|"([^"]{3,})"/g)) commands.push((m[1] ?? m[2]).trim());
  if (commands.length === 0) return null;
  const actions: ActionInput[] = [];
  commands.forEach((command, i) => {
    const image = imageFor(command);
    actions.push({
      id: `t${i + 1}`,
      kind: "process.create",
      proc: `t${i + 1}`,
      parent: "@explorer",
      image,
      commandLine: command,
    });
  });
  return actions;
}

const KNOWN: Record<string, string> = {
  powershell: "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe",
  wmic: "C:\\Windows\\System32\\wbem\\WMIC.exe",
};

function imageFor(command: string): string {
  const first = /^"([^"]+)"|^(\S+)/.exec(command);
  const token = (first?.[1] ?? first?.[2] ?? "cmd.exe").replace(/\//g, "\\");
  if (/^[a-z]:\\/i.test(token)) return token;
  const name = token.toLowerCase().replace(/\.exe$/, "");
  return KNOWN[name] ?? `C:\\Windows\\System32\\${name}.exe`;
}
