/**
 * The Generate image job: (export the selection as the reference,) check and estimate in the worker, wait
 * for Send, then stream the request (image-run.ts) into versions. Refine builds on a version. Kept at the app
 * level so the job and its versions survive switching panels.
 */
import { useCallback, useMemo, useRef, useState } from "preact/hooks";
import type { FetchedPrice, SelectionSummary } from "../../contract/messages.js";
import { endpointFor, type Settings } from "../../contract/settings.js";
import type { MainRequests } from "../channel/requests.js";
import type { ApiKeyVault } from "../settings/api-key.js";
import type { Engine } from "../engine/engine.js";
import { DEFAULT_FORM, type ImageForm } from "./form.js";
import { useImageRun, type PendingImage } from "./image-run.js";
import { failureOf, hostOf, type ImageState } from "./image-state.js";
import { PartialPainter } from "./painter.js";
import { imageRoute } from "../../ai/image/route.js";
import { useImageVersions, type ImageVersions } from "./use-versions.js";
import { requestData } from "./request-data.js";
import type { ImageVersion } from "./versions.js";

export interface ImageJob {
  state: ImageState;
  /** The form's values (kept here so they survive switching panels). */
  form: ImageForm;
  setForm(patch: Partial<ImageForm>): void;
  versions: ImageVersions;
  painter: PartialPainter;
  /** Checks and estimates a new image from the form (exporting the selection first when it is the reference). */
  start(form: ImageForm): void;
  /** The same, building on `version` with `words` saying what to change. */
  refine(version: ImageVersion, words: string, form: ImageForm): void;
  send(): void;
  cancel(): void;
  retry(): void;
  dismiss(): void;
}

export interface ImageJobDeps {
  requests: MainRequests;
  worker: Engine;
  vault: ApiKeyVault;
  settings: Settings;
  selection: SelectionSummary;
  prices: Record<string, FetchedPrice> | undefined;
  /** Gets the versions each request made (the versions store keeps them). */
  onVersions(versions: ImageVersion[]): void;
}

export function useImageJob({ requests, worker, vault, settings, selection, prices, onVersions }: ImageJobDeps): ImageJob {
  const [state, setState] = useState<ImageState>({ phase: "idle" });
  const [form, setFormState] = useState<ImageForm>(DEFAULT_FORM);
  const setForm = useCallback((patch: Partial<ImageForm>) => setFormState((f) => ({ ...f, ...patch })), []);
  const stateRef = useRef(state);
  stateRef.current = state;
  const live = useRef({ settings, selection, prices });
  live.current = { settings, selection, prices };
  const token = useRef(0);
  const exportAbort = useRef<AbortController | undefined>(undefined);
  const prepared = useRef<PendingImage | undefined>(undefined);
  /** What Try again does: the last step that failed (the export and estimate, or the request). */
  const again = useRef<(() => void) | undefined>(undefined);
  const painter = useMemo(() => new PartialPainter(), []);
  const versions = useImageVersions();
  const runner = useImageRun({ worker, vault, painter, versions, setState, token, settings: () => live.current.settings, prices: () => live.current.prices, onVersions });

  const prepare = useCallback(
    (form: ImageForm, refine: { version: ImageVersion; words: string } | undefined) => {
      const mine = ++token.current;
      const current = () => mine === token.current;
      again.current = () => prepare(form, refine);
      runner.abort();
      exportAbort.current?.abort();
      const { settings: chosen, selection: selected, prices: fetched } = live.current;
      if (!vault.hasKeyFor(chosen)) return setState({ phase: "failed", failure: { kind: "model", message: `No API key for ${chosen.provider}.`, model: { kind: "missing-key" }, at: Date.now() } });
      const route = imageRoute(chosen, form.reasonFirst);
      const plan = requestData(form, selected.nodes[0], route, refine);
      if (!plan.ok) return setState({ phase: "failed", failure: { kind: "check", message: plan.problem } });
      const { data, prompt } = plan;
      const version = refine?.version;
      const to = { ...route, host: hostOf(endpointFor(chosen)) };
      const controller = new AbortController();
      exportAbort.current = controller;
      void worker.warmUp().catch(() => undefined);
      const useReference = form.useReference && !version;
      setState(useReference ? { phase: "exporting", done: 0, total: 0, label: "Exporting the selection…" } : { phase: "preparing" });
      (async () => {
        const frames = useReference ? (await requests.request("export-selection", { png: true, assets: false }, { signal: controller.signal, onProgress: (m) => current() && setState({ phase: "exporting", done: m.done, total: m.total, label: m.label }) })).frames : [];
        if (!current()) return;
        data.references = frames.flatMap((f) => (f.png ? [{ bytes: f.png, name: `${f.name.slice(0, 80) || "selection"}.png` }] : [])).slice(0, 16);
        setState({ phase: "preparing" });
        const reply = await worker.call("image-prepare", { settings: chosen, reasonFirst: form.reasonFirst, request: data, ...(frames.length ? { exports: frames.map((f) => ({ id: f.id, json: f.json })) } : {}), ...(fetched ? { prices: fetched } : {}) });
        if (!current()) return;
        if (reply.problems.length > 0 || !reply.estimate) return setState({ phase: "failed", failure: { kind: "check", message: reply.problems.map((p) => p.message).join(" ") || "The request could not be estimated." } });
        if (reply.designHint) data.designHint = reply.designHint;
        prepared.current = { data, reasonFirst: form.reasonFirst, to, prompt, refining: version ? { n: version.n, id: version.id } : undefined };
        setState({ phase: "confirm", to, estimate: reply.estimate, notes: reply.notes, prompt, refining: version?.n, references: frames.map((f) => f.name), withHint: reply.designHint !== undefined });
      })().catch((error: unknown) => {
        if (!current()) return;
        const failure = failureOf(error);
        setState(failure === "cancelled" ? { phase: "cancelled" } : { phase: "failed", failure });
      });
    },
    [requests, worker, vault, runner],
  );

  const send = useCallback(() => {
    const pending = prepared.current;
    if (stateRef.current.phase !== "confirm" || !pending) return;
    prepared.current = undefined;
    again.current = () => void runner.run(pending);
    void runner.run(pending);
  }, [runner]);

  const cancel = useCallback(() => {
    const phase = stateRef.current.phase;
    token.current++;
    exportAbort.current?.abort();
    runner.abort();
    prepared.current = undefined;
    if (phase !== "idle" && phase !== "failed") setState({ phase: "cancelled" });
  }, [runner]);

  const retry = useCallback(() => again.current?.(), []);

  const dismiss = useCallback(() => {
    const phase = stateRef.current.phase;
    if (phase === "failed" || phase === "cancelled") setState({ phase: "idle" });
  }, []);

  return {
    state,
    form,
    setForm,
    versions,
    painter,
    start: useCallback((form: ImageForm) => prepare(form, undefined), [prepare]),
    refine: useCallback((version: ImageVersion, words: string, form: ImageForm) => prepare(form, { version, words: words.trim() }), [prepare]),
    send,
    cancel,
    retry,
    dismiss,
  };
}
