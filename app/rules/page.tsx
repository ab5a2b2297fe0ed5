import { RulesWorkbench } from "@/components/rules/rules-workbench";
import { serverConfig } from "@/lib/config/server";

export const dynamic = "force-dynamic";

export const metadata = { title: "Rules — Mimicry" };

export default function RulesPage() {
  const folderImport = Boolean(serverConfig().SIGMA_RULES_DIR);
  return (
    <main className="mx-auto max-w-[1600px] space-y-4 px-4 py-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Sigma rules</h1>
        <p className="mt-1 text-sm text-slate-600">
          Keep named rule sets for your team — paste a rule, upload a SigmaHQ release zip
          {folderImport ? " or import a folder under SIGMA_RULES_DIR" : ""} — and test a rule against events.
        </p>
      </div>
      <RulesWorkbench folderImport={folderImport} />
    </main>
  );
}
