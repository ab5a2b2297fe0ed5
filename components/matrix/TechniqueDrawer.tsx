"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef, type ReactNode } from "react";
import type { MatrixPayload } from "@/lib/attack/types";
import { fetchTechnique, TechniqueFetchError } from "@/lib/matrix/technique-detail";
import { Description } from "./Description";
import { DetectionList } from "./DetectionList";

interface TechniqueDrawerProps {
  id: string;
  payload: MatrixPayload;
  selected: boolean;
  onToggleSelected(): void;
  onOpen(id: string): void;
  onClose(): void;
  onFilterLogSource?(key: string): void;
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="mt-5">
      <h3 className="mb-1.5 text-xs font-semibold uppercase tracking-wide text-slate-500">{title}</h3>
      {children}
    </section>
  );
}

/** Everything ATT&CK says about one technique, fetched from /api/attack/techniques/{id}. */
export function TechniqueDrawer({
  id,
  payload,
  selected,
  onToggleSelected,
  onOpen,
  onClose,
  onFilterLogSource,
}: TechniqueDrawerProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const query = useQuery({
    queryKey: ["attack-technique", id],
    queryFn: () => fetchTechnique(id),
    retry: (count, error) => !(error instanceof TechniqueFetchError && error.status < 500) && count < 1,
    staleTime: Infinity,
  });

  useEffect(() => {
    headingRef.current?.focus();
  }, [id]);

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.key === "Escape") onClose();
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [onClose]);

  const tacticName = (shortname: string) =>
    payload.tactics.find((t) => t.shortname === shortname)?.name ?? shortname;
  const technique = query.data?.technique ?? null;
  const retired = query.data?.retired ?? null;

  return (
    <aside
      role="dialog"
      aria-modal="false"
      aria-labelledby="technique-drawer-title"
      className="fixed inset-y-0 right-0 z-50 flex w-full max-w-xl flex-col border-l border-slate-300 bg-slate-50 shadow-2xl"
      data-testid="technique-drawer"
    >
      <header className="flex items-start gap-3 border-b border-slate-200 bg-white px-5 py-3">
        <div className="min-w-0 flex-1">
          <p className="font-mono text-xs text-slate-500">{technique?.id ?? id}</p>
          <h2
            id="technique-drawer-title"
            ref={headingRef}
            tabIndex={-1}
            style={{ outline: "none" }}
            className="text-lg font-semibold leading-snug outline-none"
          >
            {technique?.name ?? payload.techniques[id]?.name ?? (query.isPending ? "Loading…" : id)}
          </h2>
        </div>
        {technique && (
          <button
            type="button"
            onClick={onToggleSelected}
            aria-pressed={selected}
            className={`rounded border px-2 py-1 text-xs ${selected ? "border-blue-600 bg-blue-600 text-white" : "border-slate-300 bg-white"}`}
          >
            {selected ? "Selected" : "Select"}
          </button>
        )}
        <button
          type="button"
          onClick={onClose}
          className="rounded px-2 py-1 text-slate-600 hover:bg-slate-100"
          aria-label="Close details"
        >
          ✕
        </button>
      </header>
      <div className="min-h-0 flex-1 overflow-y-auto px-5 pb-24 pt-3">
        {query.isPending && <p className="text-sm text-slate-500">Loading {id}…</p>}
        {query.isError && (
          <div role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-900">
            <p className="font-semibold">
              {query.error instanceof TechniqueFetchError && query.error.status === 404
                ? `${id} is not a technique in ATT&CK ${payload.version}.`
                : query.error instanceof TechniqueFetchError && query.error.status === 400
                  ? `“${id}” is not an ATT&CK technique ID (expected something like T1059.001).`
                  : `Could not load ${id}.`}
            </p>
            <p className="mt-1">{query.error.message}</p>
          </div>
        )}
        {retired && (
          <div
            role="status"
            className="mb-3 rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900"
          >
            {retired.id} “{retired.name}” was {retired.reason} in ATT&amp;CK.
            {retired.replacedBy
              ? ` It was replaced by ${retired.replacedBy}, shown below.`
              : " It has no replacement."}
          </div>
        )}
        {technique && (
          <>
            <div className="flex flex-wrap gap-1.5 text-xs">
              {technique.tactics.map((t) => (
                <span key={t} className="rounded bg-slate-800 px-2 py-0.5 text-white">
                  {tacticName(t)}
                </span>
              ))}
              {technique.platforms.map((p) => (
                <span key={p} className="rounded border border-slate-300 bg-white px-2 py-0.5 text-slate-700">
                  {p}
                </span>
              ))}
              <a
                href={technique.url}
                target="_blank"
                rel="noreferrer noopener"
                className="ml-auto text-blue-700 underline"
              >
                attack.mitre.org ↗
              </a>
            </div>
            {technique.parent && (
              <p className="mt-2 text-sm">
                Sub-technique of{" "}
                <button
                  type="button"
                  className="text-blue-700 underline"
                  onClick={() => onOpen(technique.parent!)}
                >
                  {technique.parent} {payload.techniques[technique.parent]?.name}
                </button>
              </p>
            )}
            <Section title="Description">
              <Description
                markdown={technique.description}
                citations={technique.citations}
                onOpenTechnique={onOpen}
              />
            </Section>
            {technique.children.length > 0 && (
              <Section title={`Sub-techniques (${technique.children.length})`}>
                <ul className="grid gap-1 text-sm sm:grid-cols-2">
                  {technique.children.map((child) => (
                    <li key={child}>
                      <button
                        type="button"
                        className="text-left text-blue-700 hover:underline"
                        onClick={() => onOpen(child)}
                      >
                        <span className="font-mono text-xs">{child}</span> {payload.techniques[child]?.name}
                      </button>
                    </li>
                  ))}
                </ul>
              </Section>
            )}
            <Section title={`Detection strategies (${technique.detectionStrategies.length})`}>
              <DetectionList
                strategies={technique.detectionStrategies}
                onFilterLogSource={onFilterLogSource}
              />
            </Section>
            <Section title={`Mitigations (${technique.mitigations.length})`}>
              {technique.mitigations.length === 0 ? (
                <p className="text-sm text-slate-500">None listed.</p>
              ) : (
                <ul className="space-y-2">
                  {technique.mitigations.map((m) => (
                    <li key={m.id} className="rounded border border-slate-200 bg-white p-2">
                      <a
                        href={m.url}
                        target="_blank"
                        rel="noreferrer noopener"
                        className="text-sm font-medium hover:underline"
                      >
                        <span className="mr-1 font-mono text-xs text-slate-500">{m.id}</span>
                        {m.name}
                      </a>
                      {m.description && (
                        <Description
                          markdown={m.description}
                          citations={technique.citations}
                          onOpenTechnique={onOpen}
                          withReferences={false}
                        />
                      )}
                    </li>
                  ))}
                </ul>
              )}
            </Section>
          </>
        )}
      </div>
    </aside>
  );
}
