/**
 * "Fill from selection": the selected frames' texts (export-selection's REST JSON, no PNG) go with the
 * table's columns — and the values a column allows — to the model in the worker (`infer-rows`), which
 * proposes N rows; they replace the table's rows, editable, and its notes are shown. Needs a key.
 */
import { useCallback, useRef, useState } from "preact/hooks";
import type { Settings } from "../../../../contract/settings.js";
import type { MainRequests } from "../../../channel/requests.js";
import type { ApiKeyVault } from "../../../model/api-key.js";
import type { Engine } from "../../../engine/engine.js";
import type { InferInputData } from "../../../engine/protocol/rows.js";
import type { FillState } from "./fill-state.js";
import { selectionTexts } from "./frame-texts.js";
import { columnSpec, type EditTable } from "./table.js";
import { failureOf, missingKey } from "../../../model/job-state.js";
import { LatestRun } from "../../../lib/latest-only.js";

export interface RowFill {
  state: FillState;
  /** How many rows to ask for. */
  count: number;
  setCount(count: number): void;
  fill(): void;
  cancel(): void;
  dismiss(): void;
}

export interface FillDeps {
  requests: MainRequests;
  worker: Engine;
  vault: ApiKeyVault;
  settings: Settings;
  table(): EditTable;
  setTable(table: EditTable): void;
}

/** The table's columns as the parameters to fill; a column without a name cannot be asked for. */
export function fillParams(table: EditTable): InferInputData["params"] | string {
  const params = table.columns.map(columnSpec);
  const unnamed = params.findIndex((p) => !p.name);
  if (unnamed >= 0)
    return `Column ${unnamed + 1} has no name: name every column first (the model fills the columns by name).`;
  return params.map((p) => ({ name: p.name, ...(p.choices.length ? { choices: p.choices } : {}) }));
}

export function useFill({ requests, worker, vault, settings, table, setTable }: FillDeps): RowFill {
  const [state, setState] = useState<FillState>({ phase: "idle" });
  const [count, setCount] = useState(4);
  const runs = useRef(new LatestRun()).current;
  const abort = useRef<AbortController | undefined>(undefined);

  const fill = useCallback(() => {
    const { current } = runs.start();
    abort.current?.abort();
    const controller = new AbortController();
    abort.current = controller;
    const apiKey = vault.revealFor(settings);
    if (!apiKey) return setState({ phase: "failed", failure: missingKey(settings.provider) });
    const start = table();
    const params = fillParams(start);
    if (typeof params === "string") return setState({ phase: "failed", failure: { kind: "input", message: params } });
    setState({ phase: "reading" });
    (async () => {
      const { frames } = await requests.call(
        "export-selection",
        { png: false, assets: false },
        { signal: controller.signal },
      );
      const texts = selectionTexts(frames);
      if (!current()) return;
      if (texts.length === 0)
        return setState({
          phase: "failed",
          failure: {
            kind: "input",
            message: "The selection has no visible text layers: select the frame whose copy should decide the rows.",
          },
        });
      setState({ phase: "asking", texts: texts.length });
      const reply = await worker.call(
        "infer-rows",
        { settings, apiKey, input: { texts, params, rows: count }, timeoutMs: settings.timeoutSec * 1000 },
        { signal: controller.signal },
      );
      if (!current()) return;
      // The headers stay as typed (with their allowed values); the rows are the model's.
      setTable({ columns: start.columns, rows: reply.rows.map((row) => reply.columns.map((c) => row[c] ?? "")) });
      setState({ phase: "done", notes: reply.notes, rows: reply.rows.length, texts: texts.length });
    })().catch((error: unknown) => {
      if (!current()) return;
      const failure = failureOf(error);
      setState(failure === "cancelled" ? { phase: "idle" } : { phase: "failed", failure });
    });
  }, [requests, worker, vault, settings, table, setTable, count]);

  const cancel = useCallback(() => {
    runs.stop();
    abort.current?.abort();
    setState({ phase: "idle" });
  }, []);
  const dismiss = useCallback(() => setState({ phase: "idle" }), []);
  return { state, count, setCount, fill, cancel, dismiss };
}
