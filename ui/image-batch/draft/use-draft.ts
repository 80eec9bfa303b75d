/**
 * The batch draft: the style spec, the rows (table, pasted CSV or JSONL, or filled by the model), the template
 * and the rules, the options, and the computed prompts — the plan once it is complete. Kept in the batch
 * session at the app level, so a draft survives switching panels. Nothing here sends anything.
 */
import { useCallback, useMemo, useState } from "preact/hooks";
import { parseCsvRows } from "../../../ai/params/csv.js";
import { ParamsError } from "../../../ai/params/errors.js";
import { parseJsonlRows } from "../../../ai/params/jsonl.js";
import { DEFAULT_FORM, checkForm, type FormCheck, type ImageForm } from "../../image/form.js";
import { canReasonFirst, imageRoute, type ImageRoute } from "../../image/route.js";
import type { FetchedPrice, SelectionSummary } from "../../../contract/messages.js";
import type { Settings } from "../../../contract/settings.js";
import type { MainRequests } from "../../channel/requests.js";
import type { ApiKeyVault } from "../../settings/api-key.js";
import type { WorkerHost } from "../../worker/host.js";
import { EMPTY_STYLE, type BatchPlan, type StyleSpec } from "../plan.js";
import { buildPlan, draftPrompts, type DraftPrompts } from "./draft-prompts.js";
import { fromParamTable, STARTER_TABLE, type EditTable } from "./table.js";

export interface DraftFields {
  spec: StyleSpec;
  table: EditTable;
  template: string;
  /** The rules as JSON text ("" for none). */
  rules: string;
  /** The "Paste CSV or JSONL" box and what was wrong with its last reading. */
  paste: string;
  pasteError: string | undefined;
  /** "" uses the default made from the template. */
  name: string;
  /** Size and quality, as the single-image form holds them (its prompt is unused here). */
  form: ImageForm;
  acceptFirst: boolean;
  reasonFirst: boolean;
}

export const EMPTY_DRAFT: DraftFields = { spec: EMPTY_STYLE, table: STARTER_TABLE, template: "", rules: "", paste: "", pasteError: undefined, name: "", form: DEFAULT_FORM, acceptFirst: true, reasonFirst: false };

/** What the draft needs of the batch session's deps (said here, not imported: batch-session.ts imports this). */
export interface DraftDeps {
  requests: MainRequests;
  worker: WorkerHost;
  vault: ApiKeyVault;
  settings: Settings;
  selection: SelectionSummary;
  prices: Record<string, FetchedPrice> | undefined;
}

export interface BatchDraft {
  fields: DraftFields;
  set(patch: Partial<DraftFields>): void;
  setSpec(patch: Partial<StyleSpec>): void;
  editTable(edit: (table: EditTable) => EditTable): void;
  /** Reads the paste box as JSONL (it starts with "{") or CSV into the table; on an error the table stays (false). */
  pasteRows(): boolean;
  prompts: DraftPrompts;
  route: ImageRoute;
  /** Size and quality checked for the drawing model, with the first prompt standing in for every row's. */
  check: FormCheck;
  /** The plan when the draft is complete and every prompt computes; undefined otherwise. */
  plan: BatchPlan | undefined;
}

/** The rows in the paste box: JSONL when its first non-blank character is "{", CSV otherwise. */
export function readPasted(text: string): EditTable {
  return fromParamTable(text.trimStart().startsWith("{") ? parseJsonlRows(text) : parseCsvRows(text));
}

export function useBatchDraft({ settings, selection }: DraftDeps): BatchDraft {
  const [fields, setFields] = useState<DraftFields>(EMPTY_DRAFT);
  const set = useCallback((patch: Partial<DraftFields>) => setFields((f) => ({ ...f, ...patch })), []);
  const setSpec = useCallback((patch: Partial<StyleSpec>) => setFields((f) => ({ ...f, spec: { ...f.spec, ...patch } })), []);
  const editTable = useCallback((edit: (table: EditTable) => EditTable) => setFields((f) => ({ ...f, table: edit(f.table) })), []);
  const pasteRows = useCallback((): boolean => {
    try {
      set({ table: readPasted(fields.paste), pasteError: undefined });
      return true;
    } catch (error) {
      if (!(error instanceof ParamsError)) throw error;
      set({ pasteError: error.message });
      return false;
    }
  }, [fields.paste, set]);
  const { spec, table, template, rules } = fields;
  const prompts = useMemo(() => draftPrompts({ table, template, rules, spec }), [table, template, rules, spec]);
  const reasonFirst = fields.reasonFirst && canReasonFirst(settings);
  const route = imageRoute(settings, reasonFirst);
  const frame = selection.nodes[0];
  const check = checkForm({ ...fields.form, prompt: prompts.items[0]?.prompt ?? "" }, frame, route);
  const plan = prompts.items.length > 0 && check.ready && check.size !== undefined ? buildPlan(prompts.items, spec, { name: fields.name, size: check.size, quality: fields.form.quality, acceptFirst: fields.acceptFirst, reasonFirst }, template) : undefined;
  return { fields, set, setSpec, editTable, pasteRows, prompts, route, check, plan };
}
