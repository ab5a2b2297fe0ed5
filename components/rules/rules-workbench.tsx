"use client";

import { useState } from "react";
import { RuleSetDetail } from "./rule-set-detail";
import { RuleSetList } from "./rule-set-list";
import { RuleTestPanel } from "./rule-test-panel";
import { card } from "./ui";

/** The /rules page body: sets on the left, the selected set on the right, the rule tester below. */
export function RulesWorkbench({ folderImport }: { folderImport: boolean }) {
  const [selected, setSelected] = useState<string | null>(null);
  return (
    <div className="space-y-4">
      <div className="grid items-start gap-4 lg:grid-cols-[22rem_minmax(0,1fr)]">
        <RuleSetList selected={selected} onSelect={setSelected} folderImport={folderImport} />
        {selected ? (
          <RuleSetDetail key={selected} id={selected} onDeleted={() => setSelected(null)} />
        ) : (
          <div className={`${card} flex items-center justify-center p-8 text-sm text-slate-500`}>
            Pick a rule set to see its rules.
          </div>
        )}
      </div>
      <RuleTestPanel />
    </div>
  );
}
