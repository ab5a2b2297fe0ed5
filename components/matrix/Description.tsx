"use client";

import Markdown, { type Components } from "react-markdown";
import type { Citation } from "@/lib/attack/types";
import { prepareDescription, referenceAnchor, techniqueIdFromUrl } from "@/lib/matrix/description";

interface DescriptionProps {
  markdown: string;
  citations: readonly Citation[];
  onOpenTechnique(id: string): void;
  /** Show the numbered reference list under the text. */
  withReferences?: boolean;
}

/** ATT&CK markdown rendered without raw HTML; citations become numbered links, ATT&CK links open in place. */
export function Description({
  markdown,
  citations,
  onOpenTechnique,
  withReferences = true,
}: DescriptionProps) {
  const { markdown: text, references } = prepareDescription(markdown, citations);
  const components: Components = {
    a({ href = "", children, title }) {
      const id = techniqueIdFromUrl(href);
      if (id) {
        return (
          <button
            type="button"
            className="text-blue-700 underline decoration-dotted"
            onClick={() => onOpenTechnique(id)}
          >
            {children}
          </button>
        );
      }
      const isCitation = title !== undefined && /^\[\d+\]$/.test(String(children));
      return (
        <a
          href={href}
          title={title}
          target={href.startsWith("#") ? undefined : "_blank"}
          rel="noreferrer noopener"
          className={isCitation ? "align-super text-[0.7em] text-blue-700" : "text-blue-700 underline"}
        >
          {children}
        </a>
      );
    },
    code({ children }) {
      return <code className="rounded bg-slate-100 px-1 font-mono text-[0.85em]">{children}</code>;
    },
  };
  return (
    <div className="space-y-2 text-sm leading-relaxed text-slate-800 [&_li]:ml-5 [&_ol]:list-decimal [&_ul]:list-disc">
      <Markdown skipHtml components={components}>
        {text}
      </Markdown>
      {withReferences && references.length > 0 && (
        <details className="text-xs text-slate-600">
          <summary className="cursor-pointer">References ({references.length})</summary>
          <ol className="mt-1 space-y-1">
            {references.map((ref) => (
              <li key={ref.n} id={referenceAnchor(ref.n)}>
                [{ref.n}]{" "}
                {ref.url && /^https?:\/\//i.test(ref.url) ? (
                  <a
                    href={ref.url}
                    target="_blank"
                    rel="noreferrer noopener"
                    className="text-blue-700 underline"
                  >
                    {ref.description || ref.name}
                  </a>
                ) : (
                  ref.description || ref.name
                )}
              </li>
            ))}
          </ol>
        </details>
      )}
    </div>
  );
}
