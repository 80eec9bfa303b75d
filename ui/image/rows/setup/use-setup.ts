/**
 * The Rows setup: the style spec, the rows (table, pasted CSV or JSONL, or filled by the model), the template
 * and the rules, the options, and the computed prompts — the plan once it is complete. Kept in the Rows
 * session at the app level, so a setup survives switching panels. Nothing here sends anything.
 */
import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import { DEFAULT_FORM, checkForm, type FormCheck, type ImageForm } from "../../form.js";
import { canReasonFirst, imageRoute, type ImageRoute } from "../../../../ai/image/route.js";
import type { RowsSessionDeps } from "../deps.js";
import { EMPTY_STYLE, styleText, type RowsPlan, type StyleSpec } from "../plan.js";
import type { RowPrompts } from "../../../../ai/params/row-prompts.js";
import { buildPlan } from "./plan-build.js";
import { checkSdForm, sdRequestData, type SdFormCheck } from "../../sd-form.js";
import {
  NO_SWEEP,
  readSweeps,
  sdInitFrom,
  strengthRefusal,
  sweptItems,
  workflowRefusal,
  type SweepFields,
} from "../sweep-items.js";
import { STARTER_TABLE, type EditTable } from "./table.js";
import { useRowsEstimate, type RowsEstimate } from "./use-estimate.js";
import { useFill, type RowFill } from "./use-fill.js";
import { useStyleReads, type StyleReads } from "./use-style-reads.js";
import { isLocalSource } from "../../sd-connection.js";

export interface SetupFields {
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
  /** A parameter grid: the columns' sweep and the rows' (NO_SWEEP for none). */
  sweeps: [SweepFields, SweepFields];
}

export const EMPTY_SETUP: SetupFields = {
  sweeps: [NO_SWEEP, NO_SWEEP],
  spec: EMPTY_STYLE,
  table: STARTER_TABLE,
  template: "",
  rules: "",
  paste: "",
  pasteError: undefined,
  name: "",
  form: DEFAULT_FORM,
  acceptFirst: true,
  reasonFirst: false,
};

export interface RowsSetup {
  fields: SetupFields;
  set(patch: Partial<SetupFields>): void;
  setSpec(patch: Partial<StyleSpec>): void;
  /** The selection's colours and references, read into the spec. */
  reads: StyleReads;
  editTable(edit: (table: EditTable) => EditTable): void;
  /** "Fill from selection": the model proposes rows from the selected frame's texts. */
  fill: RowFill;
  /** Reads the paste box as JSONL (it starts with "{") or CSV into the table; on an error the table stays (false). */
  pasteRows(): Promise<boolean>;
  prompts: RowPrompts;
  route: ImageRoute;
  /** Size and quality checked for the drawing model, with the first prompt standing in for every row's. */
  check: FormCheck;
  /** The plan when the setup is complete and every prompt computes; undefined otherwise. */
  plan: RowsPlan | undefined;
  /** What the plan would cost, here and on the Batch API; undefined until estimated. */
  estimate: RowsEstimate | undefined;
  /** On a local SD server: the SD form's checks (size on the 8-px grid, steps, CFG, seed). */
  sdCheck: SdFormCheck | undefined;
  /** What is wrong with the sweeps, if anything (the plan is then undefined). */
  sweepError: string | undefined;
}

const NO_PROMPTS: RowPrompts = { items: [], notes: [], errors: {} };

/**
 * `shown`: the Rows mode is on screen; until it first is, nothing asks the worker (it would start it at the panel's
 * opening).
 */
export function useRowsSetup(
  { requests, worker, vault, settings, selection, prices }: RowsSessionDeps,
  shown: boolean,
): RowsSetup {
  const [fields, setFields] = useState<SetupFields>(EMPTY_SETUP);
  const set = useCallback((patch: Partial<SetupFields>) => setFields((f) => ({ ...f, ...patch })), []);
  const setSpec = useCallback(
    (patch: Partial<StyleSpec>) => setFields((f) => ({ ...f, spec: { ...f.spec, ...patch } })),
    [],
  );
  const latest = useRef(fields);
  latest.current = fields;
  const reads = useStyleReads(
    requests,
    selection,
    useCallback(() => latest.current.spec, []),
    setSpec,
  );
  const fill = useFill({
    requests,
    worker,
    vault,
    settings,
    table: useCallback(() => latest.current.table, []),
    setTable: useCallback((table: EditTable) => set({ table }), [set]),
  });
  const editTable = useCallback(
    (edit: (table: EditTable) => EditTable) => setFields((f) => ({ ...f, table: edit(f.table) })),
    [],
  );
  const pasteRows = useCallback(async (): Promise<boolean> => {
    const reply = await worker.call("read-rows", { text: fields.paste }).catch((error: unknown) => ({
      table: undefined,
      error: `Could not read the rows: ${error instanceof Error ? error.message : String(error)}`,
    }));
    set(
      reply.table
        ? { table: reply.table, pasteError: undefined }
        : { pasteError: reply.error ?? "Could not read the rows." },
    );
    return reply.table !== undefined;
  }, [worker, fields.paste, set]);
  const { spec, table, template, rules } = fields;
  // Computed in the worker (ai/params stays out of ui.html); the newest answer wins.
  const [prompts, setPrompts] = useState<RowPrompts>(NO_PROMPTS);
  const style = styleText(spec);
  useEffect(() => {
    if (!shown) return;
    let live = true;
    worker
      .call("row-prompts", { table, template, rules, style })
      .then((reply) => live && setPrompts({ items: reply.items, notes: reply.notes, errors: reply.errors }))
      .catch(
        (error: unknown) =>
          live &&
          setPrompts({
            ...NO_PROMPTS,
            errors: {
              rows: `The prompts could not be computed: ${error instanceof Error ? error.message : String(error)}`,
            },
          }),
      );
    return () => void (live = false);
  }, [shown, worker, table, template, rules, style]);
  const reasonFirst = fields.reasonFirst && canReasonFirst(settings);
  const route = imageRoute(settings, reasonFirst);
  const frame = selection.nodes[0];
  const firstPrompt = prompts.items[0]?.prompt ?? "";
  const check = checkForm({ ...fields.form, prompt: firstPrompt }, frame, route);
  const local = isLocalSource(settings.imageSource);
  const sdCheck = local ? checkSdForm({ ...fields.form, prompt: firstPrompt || "-" }) : undefined;
  const read = readSweeps(fields.sweeps, local ? "sd" : "hosted", settings.provider);
  const { sweeps } = read;
  const withWorkflow = settings.imageSource === "comfyui" && fields.form.workflow !== undefined;
  const sweepError =
    strengthRefusal(fields.sweeps, local ? "sd" : "hosted", frame !== undefined) ??
    workflowRefusal(fields.sweeps, withWorkflow) ??
    read.error;
  const ready =
    prompts.items.length > 0 && !sweepError && (sdCheck ? sdCheck.ready : check.ready && check.size !== undefined);
  const size = sdCheck ? { width: Number(fields.form.sdWidth), height: Number(fields.form.sdHeight) } : check.size;
  let plan =
    ready && size
      ? buildPlan(
          prompts.items,
          spec,
          {
            name: fields.name,
            size,
            quality: fields.form.quality,
            acceptFirst: fields.acceptFirst,
            reasonFirst: reasonFirst && !local,
          },
          template,
        )
      : undefined;
  if (plan && local) {
    const { prompt: _prompt, ...sd } = sdRequestData(fields.form, settings);
    const init = sdInitFrom(fields.sweeps, fields.form.useReference, fields.form.strength, frame);
    plan = { ...plan, sd, ...(init ? { sdInit: init } : {}) };
  }
  let gridError: string | undefined;
  if (plan && sweeps.length > 0) {
    try {
      const grid = sweptItems(plan.items, sweeps);
      plan = { ...plan, items: grid.items, grid: grid.labels };
    } catch (error) {
      gridError = error instanceof Error ? `Sweep: ${error.message}.` : String(error);
      plan = undefined;
    }
  }
  // A local server costs nothing: no estimate asked of the worker.
  const estimate = useRowsEstimate(worker, settings, prices, local ? undefined : plan);
  return {
    fields,
    set,
    setSpec,
    reads,
    editTable,
    fill,
    pasteRows,
    prompts,
    route,
    check,
    plan,
    estimate,
    sdCheck,
    sweepError: sweepError ?? gridError,
  };
}
