"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { btnPrimary, card } from "./ui";

interface Verification {
  ok: boolean;
  problems: { code: string; file?: string; message: string }[];
  manifest?: {
    scenario?: { title?: string };
    run?: { seed?: number; engineVersion?: string };
    files?: { path: string }[];
  };
  fingerprint?: string;
  filesChecked: number;
}

export function VerifyForm({ serverKey }: { serverKey: string }) {
  const [file, setFile] = useState<File | null>(null);
  const [pin, setPin] = useState(true);
  const verify = useMutation({
    mutationFn: async (f: File) => {
      const query = pin ? `?publicKey=${encodeURIComponent(serverKey)}` : "";
      const response = await fetch(`/verify/check${query}`, {
        method: "POST",
        headers: { "content-type": "application/zip" },
        body: f,
      });
      const body = await response.json();
      if (!response.ok) throw new Error(body?.error?.message ?? `HTTP ${response.status}`);
      return body as Verification;
    },
  });
  const result = verify.data;
  return (
    <section className={`${card} space-y-3 p-4`}>
      <form
        className="flex flex-wrap items-center gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          if (file) verify.mutate(file);
        }}
      >
        <input
          type="file"
          accept=".zip,application/zip"
          aria-label="Bundle file"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          className="text-sm"
        />
        <label className="flex items-center gap-1 text-sm">
          <input type="checkbox" checked={pin} onChange={(e) => setPin(e.target.checked)} />
          Trust only this server&apos;s key
        </label>
        <button type="submit" className={btnPrimary} disabled={!file || verify.isPending}>
          {verify.isPending ? "Verifying…" : "Verify"}
        </button>
      </form>
      {verify.isError && (
        <p role="alert" className="text-sm text-red-700">
          {verify.error.message}
        </p>
      )}
      {result && (
        <div
          role="status"
          data-testid="verify-result"
          className={`rounded border p-3 text-sm ${result.ok ? "border-emerald-300 bg-emerald-50" : "border-red-300 bg-red-50"}`}
        >
          <p className="font-semibold">
            {result.ok
              ? `Valid: signature and ${result.filesChecked} file(s) match.`
              : `Invalid: ${result.problems[0]?.file ? `${result.problems[0].file} — ` : ""}${result.problems[0]?.message}`}
          </p>
          {result.manifest?.scenario?.title && (
            <p className="text-slate-700">
              {result.manifest.scenario.title} · seed {result.manifest.run?.seed} · engine{" "}
              {result.manifest.run?.engineVersion}
            </p>
          )}
          {result.fingerprint && <p className="font-mono text-xs text-slate-600">key {result.fingerprint}</p>}
          {result.problems.length > 1 && (
            <ul className="mt-1 list-disc pl-5">
              {result.problems.slice(1).map((p, i) => (
                <li key={i}>
                  {p.file ? `${p.file}: ` : ""}
                  {p.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
