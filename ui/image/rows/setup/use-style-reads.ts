/**
 * What the style spec reads from the file: the selection's colours (`read-brand-colours`: paint styles,
 * colour variables, the most used plain colours) and the selected layers as PNG references
 * (`export-selection`). Each says when it is busy and what went wrong; nothing is sent to a model.
 */
import { useCallback, useState } from "preact/hooks";
import type { SelectionSummary } from "../../../../contract/messages.js";
import { PluginError, type MainRequests } from "../../../channel/requests.js";
import type { StyleSpec } from "../plan.js";
import { addReferences } from "./references.js";

export interface ReadState {
  busy: boolean;
  /** Why the last read gave nothing, or what it left out. */
  note: string | undefined;
}

export interface StyleReads {
  colours: ReadState;
  references: ReadState;
  readColours(): void;
  addSelected(): void;
  /** The selection the colours were last read from (node ids), so opening Rows again does not re-read them. */
  coloursFrom: string | undefined;
}

const IDLE: ReadState = { busy: false, note: undefined };
export const selectionKey = (selection: SelectionSummary): string => selection.nodes.map((n) => n.id).join(",");

function problem(error: unknown, what: string): string {
  if (error instanceof PluginError && error.code === "empty-selection") return `Select layers first: ${what}.`;
  return `Could not read ${what}: ${error instanceof Error ? error.message : String(error)}`;
}

export function useStyleReads(
  requests: MainRequests,
  selection: SelectionSummary,
  spec: () => StyleSpec,
  setSpec: (patch: Partial<StyleSpec>) => void,
): StyleReads {
  const [colours, setColours] = useState<ReadState>(IDLE);
  const [references, setReferences] = useState<ReadState>(IDLE);
  const [coloursFrom, setColoursFrom] = useState<string | undefined>(undefined);
  const key = selectionKey(selection);

  const readColours = useCallback(() => {
    setColours({ busy: true, note: undefined });
    setColoursFrom(key);
    requests
      .call("read-brand-colours", {})
      .then((reply) => {
        setSpec({ colours: reply.colours });
        setColours({ busy: false, note: reply.colours.length === 0 ? "The selection uses no colours." : undefined });
      })
      .catch((error: unknown) => setColours({ busy: false, note: problem(error, "the selection's colours") }));
  }, [requests, setSpec, key]);

  const addSelected = useCallback(() => {
    setReferences({ busy: true, note: undefined });
    requests
      .call("export-selection", { png: true, assets: false })
      .then(({ frames }) => {
        const added = addReferences(spec().references, frames);
        setSpec({ references: added.references });
        setReferences({ busy: false, note: added.note });
      })
      .catch((error: unknown) =>
        setReferences({ busy: false, note: problem(error, "the selected layers as references") }),
      );
  }, [requests, setSpec, spec]);

  return { colours, references, readColours, addSelected, coloursFrom };
}
