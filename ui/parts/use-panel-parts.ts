/**
 * The panel parts' side of the app: which have come (their keepers are then mounted for good), loading one
 * when its panel opens, warming them all in idle time after the panel's first paint (so a panel opened later
 * is there at once, as when it was in ui.html; warm-parts.ts), and calls on a part's api that wait until it is mounted.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "preact/hooks";
import { PANEL_PARTS, type PanelPart } from "../../contract/messages.js";
import type { MainRequests } from "../channel/requests.js";
import { loadPanelPart, prefetchPanelPart } from "./load-part.js";
import type { PartApi } from "./part-props.js";
import { warmParts, type WarmGate } from "./warm-parts.js";
import type { Engine } from "../engine/engine.js";

type WorkerStartup = Pick<Engine, "currentStatus" | "onStatus">;
/** The most the warm-up waits for the worker's boot (one that never starts must not keep the parts away). */
const WORKER_WAIT_MS = 15_000;

/** Open once the worker (if any) is ready or has crashed, or WORKER_WAIT_MS have passed, and no code job runs. */
function useWarmGate(worker: WorkerStartup | undefined, busy: boolean): WarmGate {
  const live = useRef({ worker, busy, waited: false });
  live.current.worker = worker;
  live.current.busy = busy;
  const listeners = useRef(new Set<() => void>());
  const notify = useCallback(() => listeners.current.forEach((listener) => listener()), []);
  useEffect(notify, [busy, notify]);
  useEffect(() => {
    const timer = setTimeout(() => ((live.current.waited = true), notify()), WORKER_WAIT_MS);
    return () => clearTimeout(timer);
  }, [notify]);
  return useMemo<WarmGate>(
    () => ({
      open: () => {
        const { worker: w, busy: running, waited } = live.current;
        const booted = !w || waited || w.currentStatus === "ready" || w.currentStatus === "crashed";
        return booted && !running;
      },
      onChange: (listener) => {
        listeners.current.add(listener);
        const off = live.current.worker?.onStatus(listener);
        return () => {
          listeners.current.delete(listener);
          off?.();
        };
      },
    }),
    [],
  );
}

export type PartState = { kind: "loading" } | { kind: "ready" } | { kind: "failed"; message: string };

type Apis = { [K in PanelPart]?: PartApi<K> };
type Waiting = { [K in PanelPart]?: { run(api: PartApi<K>): void; fail(error: unknown): void }[] };
type Exposers = { [K in PanelPart]: (api: PartApi<K>) => void };

export interface PanelParts {
  state: Partial<Record<PanelPart, PartState>>;
  /** Loads the part if it has not come (or failed before): its panel is opening. */
  load(name: PanelPart): void;
  /** Runs `fn` with the part's api once it is mounted (loading it if need be). */
  call<K extends PanelPart, R>(name: K, fn: (api: PartApi<K>) => R): Promise<Awaited<R>>;
  /** For each keeper: hands the app its api (on every commit). */
  expose: Exposers;
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * `warmAfter`: the worker whose boot the warm-up waits for (the app passes it while Code, which warms it, is on
 * show); `busy`: a code job is running (the warm-up waits for it to end).
 */
export function usePanelParts(
  requests: MainRequests,
  ready: boolean,
  warmAfter: WorkerStartup | undefined,
  busy: boolean,
): PanelParts {
  const [state, setState] = useState<PanelParts["state"]>({});
  const apis = useRef<Apis>({});
  const waiting = useRef<Waiting>({});
  const started = useRef(new Set<PanelPart>());

  /** Loads `name` unless it has come or is coming; a failure is kept for its panel to show (with Try again). */
  const fetchPart = useCallback(
    (name: PanelPart): Promise<void> => {
      if (started.current.has(name)) return Promise.resolve();
      started.current.add(name);
      setState((s) => ({ ...s, [name]: { kind: "loading" } }));
      return loadPanelPart(requests, name).then(
        () => setState((s) => ({ ...s, [name]: { kind: "ready" } })),
        (error: unknown) => {
          started.current.delete(name);
          setState((s) => ({ ...s, [name]: { kind: "failed", message: messageOf(error) } }));
          const queued = waiting.current[name];
          delete waiting.current[name];
          for (const call of queued ?? []) call.fail(error);
        },
      );
    },
    [requests],
  );
  const load = useCallback((name: PanelPart) => void fetchPart(name), [fetchPart]);

  const call = useCallback(
    <K extends PanelPart, R>(name: K, fn: (api: PartApi<K>) => R): Promise<Awaited<R>> =>
      new Promise<Awaited<R>>((resolve, reject) => {
        const run = (api: PartApi<K>): void => void Promise.resolve(fn(api)).then(resolve, reject);
        const api = apis.current[name];
        if (api) return run(api as PartApi<K>);
        const list = (waiting.current[name] ??= []) as NonNullable<Waiting[K]>;
        list.push({ run, fail: reject });
        void fetchPart(name);
      }),
    [fetchPart],
  );

  const expose = useMemo(() => {
    const exposer =
      <K extends PanelPart>(name: K) =>
      (api: PartApi<K>): void => {
        (apis.current as Record<K, PartApi<K>>)[name] = api;
        const queued = waiting.current[name];
        delete waiting.current[name];
        for (const call of queued ?? []) call.run(api);
      };
    return Object.fromEntries(PANEL_PARTS.map((name) => [name, exposer(name)])) as Exposers;
  }, []);

  // After the first paint with init in, in idle time: every part, one after another, while the gate is open.
  const gate = useWarmGate(warmAfter, busy);
  useEffect(() => {
    if (!ready) return;
    return warmParts(PANEL_PARTS, { prefetch: (name) => prefetchPanelPart(requests, name), load: fetchPart }, gate);
  }, [ready, requests, fetchPart, gate]);

  return { state, load, call, expose };
}
