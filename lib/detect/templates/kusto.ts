import { createRequire } from "node:module";

interface Diagnostics {
  Count: number;
  getItem(i: number): { Message: string };
}
interface KustoApi {
  Language: { KustoCode: { Parse(query: string): { GetDiagnostics(): Diagnostics } } };
}

let kusto: KustoApi | undefined;

/** Syntax diagnostics from Microsoft's Kusto language service (dev dependency; used by tests and checks). */
export function kqlDiagnostics(query: string): string[] {
  if (!kusto) {
    const require = createRequire(import.meta.url);
    const g = globalThis as unknown as { Bridge?: unknown; Kusto?: KustoApi };
    g.Bridge ??= require("@kusto/language-service-next/bridge.js");
    require("@kusto/language-service-next/Kusto.Language.Bridge.js");
    kusto = g.Kusto;
    if (!kusto) throw new Error("the Kusto language service did not load");
  }
  const diagnostics = kusto.Language.KustoCode.Parse(query).GetDiagnostics();
  return Array.from({ length: diagnostics.Count }, (_, i) => diagnostics.getItem(i).Message);
}
