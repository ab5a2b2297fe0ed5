import { serverConfig } from "@/lib/config/server";
import { publicLlmSettings } from "@/lib/llm/settings";
import { ConnectionTest } from "./connection-test";

export const dynamic = "force-dynamic";

function Row({ name, variable, children }: { name: string; variable: string; children: React.ReactNode }) {
  return (
    <tr className="border-t border-slate-100">
      <th scope="row" className="py-2 pr-6 text-left font-medium text-slate-700">
        {name}
        <div className="font-mono text-xs font-normal text-slate-400">{variable}</div>
      </th>
      <td className="py-2 font-mono text-sm text-slate-900">{children}</td>
    </tr>
  );
}

function NotSet() {
  return <span className="text-slate-400">not set</span>;
}

export default function SettingsPage() {
  const settings = publicLlmSettings(serverConfig());
  const model = settings.mode === "model";
  return (
    <main className="mx-auto max-w-3xl px-6 py-10">
      <h1 className="text-2xl font-semibold tracking-tight">Settings</h1>
      <section
        className="mt-6 rounded-lg border border-slate-200 bg-white p-5 shadow-sm"
        aria-labelledby="llm-heading"
      >
        <div className="flex items-center justify-between gap-4">
          <h2 id="llm-heading" className="text-lg font-semibold">
            AI-assisted generation
          </h2>
          <span
            data-testid="llm-mode"
            className={`rounded-full px-3 py-0.5 text-sm font-medium ${model ? "bg-emerald-50 text-emerald-700" : "bg-slate-100 text-slate-700"}`}
          >
            {model ? "model mode" : "deterministic mode"}
          </span>
        </div>
        <p className="mt-2 text-sm text-slate-600">
          {model
            ? "Scenarios are planned and judged by the model below; the engine renders the events and the validator proves them coherent."
            : "No model is configured: the deterministic parser and evaluator run instead. Set MIMICRY_MODEL and OPENAI_BASE_URL (or OPENAI_API_KEY) to use any OpenAI-compatible server."}
        </p>
        <table className="mt-4 w-full text-sm">
          <tbody>
            <Row name="Server" variable="OPENAI_BASE_URL">
              {settings.baseURL}
            </Row>
            <Row name="API key" variable="OPENAI_API_KEY">
              <span data-testid="llm-key">{settings.apiKey}</span>
            </Row>
            <Row name="Planner model" variable="MIMICRY_MODEL">
              {settings.model ?? <NotSet />}
            </Row>
            <Row name="Judge model" variable="MIMICRY_JUDGE_MODEL">
              {settings.judgeModel ?? <NotSet />}
              {settings.judgeModelSource === "MIMICRY_MODEL" && (
                <span className="ml-2 font-sans text-xs text-slate-500">(falls back to MIMICRY_MODEL)</span>
              )}
            </Row>
            <Row name="Timeout per call" variable="MIMICRY_LLM_TIMEOUT_MS">
              {settings.timeoutMs.toLocaleString("en-US")} ms
            </Row>
            <Row name="Rounds at most" variable="MIMICRY_LLM_MAX_ROUNDS">
              {settings.maxRounds}
            </Row>
            <Row name="Token budget per run" variable="MIMICRY_LLM_TOKEN_BUDGET">
              {settings.tokenBudget.toLocaleString("en-US")}
            </Row>
          </tbody>
        </table>
        <ConnectionTest enabled={model} />
      </section>
    </main>
  );
}
