"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { listShareLinksAction, revokeShareLinkAction } from "@/app/scenarios/actions";
import type { ShareLinkRecord } from "@/lib/db/share-links";

/** The run's read-only links: when they were made, when they expire, and a revoke button for live ones. */

async function unwrap<T>(
  result: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>,
) {
  const r = await result;
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

const day = (iso: string | null) => (iso ? iso.slice(0, 10) : "never");

function state(link: ShareLinkRecord): string {
  if (link.revokedAt) return `revoked ${day(link.revokedAt)}`;
  return link.active ? "active" : "expired";
}

export function ShareLinks({ runId }: { runId: string }) {
  const client = useQueryClient();
  const key = ["share-links", runId];
  const links = useQuery({ queryKey: key, queryFn: () => unwrap(listShareLinksAction(runId)) });
  const revoke = useMutation({
    mutationFn: (id: string) => unwrap(revokeShareLinkAction(id)),
    // Optimistic: the row shows revoked at once; a failure puts it back.
    onMutate: async (id) => {
      await client.cancelQueries({ queryKey: key });
      const before = client.getQueryData<ShareLinkRecord[]>(key);
      const now = new Date().toISOString();
      client.setQueryData<ShareLinkRecord[]>(key, (old) =>
        old?.map((l) => (l.id === id ? { ...l, active: false, revokedAt: now } : l)),
      );
      return { before };
    },
    onError: (_error, _id, context) => client.setQueryData(key, context?.before),
    onSettled: () => client.invalidateQueries({ queryKey: key }),
  });

  if (links.isPending) return <p className="text-xs text-slate-500">Loading share links…</p>;
  if (links.error) return <p className="text-xs text-red-700">{links.error.message}</p>;
  if (links.data.length === 0) return <p className="text-xs text-slate-500">No share links for this run.</p>;
  return (
    <div className="text-xs" data-testid="share-links">
      <table className="w-full">
        <thead className="text-left text-slate-400">
          <tr>
            <th className="font-normal">Created</th>
            <th className="font-normal">Expires</th>
            <th className="font-normal">State</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {links.data.map((link) => (
            <tr key={link.id} data-testid="share-link">
              <td>{day(link.createdAt)}</td>
              <td>{day(link.expiresAt)}</td>
              <td>{state(link)}</td>
              <td className="text-right">
                {link.active && (
                  <button
                    type="button"
                    className="rounded border border-slate-300 px-2 py-0.5 hover:bg-slate-100"
                    disabled={revoke.isPending}
                    onClick={() => revoke.mutate(link.id)}
                  >
                    Revoke
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {revoke.error && <p className="text-red-700">{revoke.error.message}</p>}
    </div>
  );
}
