import Link from "next/link";

export default function HomePage() {
  return (
    <main className="mx-auto max-w-4xl px-6 py-12">
      <h1 className="text-3xl font-semibold tracking-tight">Mimicry</h1>
      <p className="mt-3 text-lg text-slate-600">
        Pick MITRE ATT&amp;CK techniques, describe what the attacker does, and get the Windows telemetry that
        attack would leave: Sysmon, Security and PowerShell events with coherent process trees, SIDs, GUIDs
        and timing, validated and checked against Sigma rules.
      </p>
      <div className="mt-8 grid gap-4 sm:grid-cols-2">
        <Link
          href="/matrix"
          className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm hover:border-blue-400"
        >
          <h2 className="font-semibold">ATT&amp;CK matrix</h2>
          <p className="mt-1 text-sm text-slate-600">
            Browse, filter and select techniques; import Navigator layers.
          </p>
        </Link>
        <Link
          href="/scenarios/new"
          className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm hover:border-blue-400"
        >
          <h2 className="font-semibold">New scenario</h2>
          <p className="mt-1 text-sm text-slate-600">Build an attack step by step and generate its logs.</p>
        </Link>
      </div>
    </main>
  );
}
