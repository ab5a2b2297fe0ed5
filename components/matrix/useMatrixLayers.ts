"use client";

import { useCallback, useMemo, useState } from "react";
import type { MatrixPayload } from "@/lib/attack/types";
import { checkLayerFileSize, parseLayerFile, type NavigatorLayer } from "@/lib/matrix/layer-file";
import {
  annotateLayer,
  coverageToLayer,
  paintCells,
  resolveLayer,
  type Annotation,
  type CoverageMap,
  type ResolvedLayer,
} from "@/lib/matrix/layer-paint";

export interface LoadedLayer {
  uid: string;
  /** The layer as read (unknown fields kept), so exporting gives back what was imported. */
  layer: NavigatorLayer;
  resolved: ResolvedLayer;
  visible: boolean;
  source: string;
}

export interface LayerNotice {
  kind: "error" | "warning" | "info";
  text: string;
  /** Unknown technique ids, listed in full. */
  ids?: string[];
}

let counter = 0;

/** The one layer edited in the matrix ("Mimicry annotations"). */
const EDIT_UID = "layer-edit";

/** Loaded Navigator layers (plus the optional coverage overlay), their paint, and import messages. */
export function useMatrixLayers(
  payload: MatrixPayload,
  coverage: CoverageMap | undefined,
  onExpand: (parentIds: string[]) => void,
) {
  const [layers, setLayers] = useState<LoadedLayer[]>([]);
  const [notices, setNotices] = useState<LayerNotice[]>([]);
  const [coverageVisible, setCoverageVisible] = useState(false);

  const coverageLayer = useMemo(
    () => (coverage ? resolveLayer(coverageToLayer(coverage, payload), payload) : null),
    [coverage, payload],
  );

  const visible = useMemo(() => {
    const list = layers.filter((l) => l.visible).map((l) => l.resolved);
    return coverageVisible && coverageLayer ? [coverageLayer, ...list] : list;
  }, [layers, coverageVisible, coverageLayer]);

  const paints = useMemo(() => paintCells(payload, visible), [payload, visible]);

  const addLayers = useCallback(
    (found: NavigatorLayer[], source: string): LoadedLayer[] => {
      const added = found.map((layer) => ({
        uid: `layer-${++counter}`,
        layer,
        resolved: resolveLayer(layer, payload),
        visible: true,
        source,
      }));
      setLayers((current) => [...current, ...added]);
      // Parents asked to show their sub-techniques, and parents of annotated sub-techniques (else invisible).
      const expand = added
        .flatMap((l) => [
          ...l.resolved.expand,
          ...[...l.resolved.marks.keys()].map(
            (key) => payload.techniques[key.split(":").pop()!]?.parent ?? null,
          ),
        ])
        .filter((id): id is string => id !== null);
      if (expand.length) onExpand(expand);
      return added;
    },
    [payload, onExpand],
  );

  const importText = useCallback(
    (text: string, fileName: string) => {
      const result = parseLayerFile(text, fileName);
      const added = addLayers(result.layers, fileName);
      const next: LayerNotice[] = result.problems.map((text) => ({ kind: "error", text }));
      for (const l of added) {
        const count = l.layer.techniques?.length ?? 0;
        if (l.resolved.unknownIds.length) {
          next.push({
            kind: "warning",
            text: `Layer “${l.resolved.name}”: ${l.resolved.unknownIds.length} technique IDs are not in ATT&CK ${payload.version} and were skipped; the other ${count - l.resolved.unknownIds.length} entries were loaded.`,
            ids: l.resolved.unknownIds,
          });
        } else {
          next.push({ kind: "info", text: `Loaded layer “${l.resolved.name}” (${count} techniques).` });
        }
        for (const warning of l.resolved.warnings)
          next.push({ kind: "warning", text: `Layer “${l.resolved.name}”: ${warning}` });
      }
      setNotices(next);
      return added;
    },
    [addLayers, payload.version],
  );

  const importFiles = useCallback(
    async (files: readonly File[]) => {
      for (const file of files) {
        // Size first: a 50 MB file must never be read into memory or parsed.
        const tooBig = checkLayerFileSize(file.name, file.size);
        if (tooBig) {
          setNotices([{ kind: "error", text: tooBig }]);
          continue;
        }
        try {
          importText(await file.text(), file.name);
        } catch {
          setNotices([{ kind: "error", text: `${file.name} could not be read.` }]);
        }
      }
    },
    [importText],
  );

  /** Annotates techniques in the editable layer (created on first use); null clears their annotations. */
  const annotate = useCallback(
    (ids: readonly string[], annotation: Annotation | null) => {
      setLayers((current) => {
        const existing = current.find((l) => l.uid === EDIT_UID);
        const layer = annotateLayer(existing?.layer ?? null, ids, annotation, payload);
        const next: LoadedLayer = {
          uid: EDIT_UID,
          layer,
          resolved: resolveLayer(layer, payload),
          visible: true,
          source: "Mimicry",
        };
        return existing ? current.map((l) => (l.uid === EDIT_UID ? next : l)) : [...current, next];
      });
    },
    [payload],
  );

  const toggleLayer = useCallback((uid: string) => {
    setLayers((current) => current.map((l) => (l.uid === uid ? { ...l, visible: !l.visible } : l)));
  }, []);

  const removeLayer = useCallback((uid: string) => {
    setLayers((current) => current.filter((l) => l.uid !== uid));
  }, []);

  return {
    layers,
    notices,
    setNotices,
    paints,
    visibleResolved: visible,
    coverageLayer,
    coverageVisible,
    setCoverageVisible,
    importFiles,
    importText,
    annotate,
    toggleLayer,
    removeLayer,
  };
}
