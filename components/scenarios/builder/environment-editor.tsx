"use client";

import { btn, btnDanger, input } from "@/components/scenarios/ui";
import type { BuilderHost, BuilderUser } from "./types";

/** Hosts and users of the estate; empty lists mean the engine's seeded defaults. */
export function EnvironmentEditor({
  domain,
  hosts,
  users,
  onChange,
}: {
  domain: string;
  hosts: BuilderHost[];
  users: BuilderUser[];
  onChange: (patch: { domain?: string; hosts?: BuilderHost[]; users?: BuilderUser[] }) => void;
}) {
  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-semibold">Environment</legend>
      <p className="text-xs text-slate-500">
        Leave empty for the seeded default estate (two workstations, a file server, a domain controller).
      </p>
      <label className="block text-sm">
        Domain
        <input
          className={`${input} mt-1 w-full`}
          placeholder="corp.example"
          value={domain}
          onChange={(e) => onChange({ domain: e.target.value })}
        />
      </label>
      <div>
        <div className="flex items-center justify-between text-sm">
          <span>Hosts</span>
          <button
            type="button"
            className={btn}
            onClick={() =>
              onChange({ hosts: [...hosts, { name: `HOST${hosts.length + 1}`, role: "workstation" }] })
            }
          >
            Add host
          </button>
        </div>
        <ul className="mt-1 space-y-1">
          {hosts.map((h, i) => (
            <li key={i} className="flex gap-1">
              <input
                className={`${input} min-w-0 flex-1 font-mono`}
                aria-label={`Host ${i + 1} name`}
                value={h.name}
                maxLength={15}
                onChange={(e) =>
                  onChange({ hosts: hosts.map((x, j) => (j === i ? { ...x, name: e.target.value } : x)) })
                }
              />
              <select
                className={input}
                aria-label={`Host ${i + 1} role`}
                value={h.role}
                onChange={(e) =>
                  onChange({
                    hosts: hosts.map((x, j) =>
                      j === i ? { ...x, role: e.target.value as BuilderHost["role"] } : x,
                    ),
                  })
                }
              >
                <option value="workstation">workstation</option>
                <option value="server">server</option>
                <option value="dc">domain controller</option>
              </select>
              <button
                type="button"
                className={btnDanger}
                aria-label={`Remove host ${i + 1}`}
                onClick={() => onChange({ hosts: hosts.filter((_, j) => j !== i) })}
              >
                ✕
              </button>
            </li>
          ))}
        </ul>
      </div>
      <div>
        <div className="flex items-center justify-between text-sm">
          <span>Users</span>
          <button
            type="button"
            className={btn}
            onClick={() => onChange({ users: [...users, { name: `user${users.length + 1}`, admin: false }] })}
          >
            Add user
          </button>
        </div>
        <ul className="mt-1 space-y-1">
          {users.map((u, i) => (
            <li key={i} className="flex items-center gap-1">
              <input
                className={`${input} min-w-0 flex-1 font-mono`}
                aria-label={`User ${i + 1} name`}
                value={u.name}
                maxLength={20}
                onChange={(e) =>
                  onChange({ users: users.map((x, j) => (j === i ? { ...x, name: e.target.value } : x)) })
                }
              />
              <label className="flex items-center gap-1 text-xs">
                <input
                  type="checkbox"
                  checked={u.admin}
                  onChange={(e) =>
                    onChange({
                      users: users.map((x, j) => (j === i ? { ...x, admin: e.target.checked } : x)),
                    })
                  }
                />
                admin
              </label>
              <button
                type="button"
                className={btnDanger}
                aria-label={`Remove user ${i + 1}`}
                onClick={() => onChange({ users: users.filter((_, j) => j !== i) })}
              >
                ✕
              </button>
            </li>
          ))}
        </ul>
      </div>
    </fieldset>
  );
}
