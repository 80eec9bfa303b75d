/**
 * A live Rows run as data: each item's progress (queued → drawing → done | failed | cancelled), which items
 * to send next (a few at a time; with "accept first", the first alone until the user accepts it), the counts
 * and cost for the summary line, and where each result went on the canvas. Every change is a new state, so
 * a reply that comes back for an item retried or cancelled meanwhile (an older `attempt`) is dropped. Pure.
 */
import type { ModelJobFailure } from "../../../model/job-state.js";
import type { ImageVersion } from "../../versions.js";
import type { RowsPlan } from "../plan.js";

/** Requests in flight at once: enough to keep the model busy, few enough to stay under rate limits. */
export const IN_FLIGHT = 3;

export type ItemStatus = "queued" | "drawing" | "done" | "failed" | "cancelled";

/** Where a finished image went: being placed, in the grid (its layer), or refused (why; the image stays here). */
export type Placement =
  | { state: "placing" }
  | { state: "placed"; layerId: string }
  | { state: "refused"; code: string; message: string };

export interface RunItem {
  /** 0-based position in the plan (the grid's `index`). */
  index: number;
  status: ItemStatus;
  /** Bumped each time the item is sent: replies of an earlier attempt are dropped. */
  attempt: number;
  /** The latest partial image while drawing. */
  partial?: Uint8Array;
  version?: ImageVersion;
  failure?: ModelJobFailure;
  placement?: Placement;
  /** Why the version is not kept after closing (the store refused it). */
  notKept?: string;
}

export interface RunState {
  plan: RowsPlan;
  items: RunItem[];
  /** plan.acceptFirst: the user took the first image as the style for the rest. */
  accepted: boolean;
  /** The run's grid frame, once the first image made it. */
  gridId?: string;
  /** What every reply so far cost (failed attempts bill nothing; retried ones add up). */
  costUsd: number;
}

export function newRun(plan: RowsPlan): RunState {
  return {
    plan,
    items: plan.items.map((_, index) => ({ index, status: "queued", attempt: 0 })),
    accepted: false,
    costUsd: 0,
  };
}

const patch = (state: RunState, index: number, change: Partial<RunItem>): RunState => ({
  ...state,
  items: state.items.map((it) => (it.index === index ? { ...it, ...change } : it)),
});

/** The first image waits for the user's word before the rest go. */
export const awaitingAccept = (state: RunState): boolean => state.plan.acceptFirst && !state.accepted;

/**
 * The queued items to send now, in order, keeping at most `max` in flight (one on a local SD server: its GPU runs one
 * job at a time).
 */
export function toSend(state: RunState, max = state.plan.sd ? 1 : IN_FLIGHT): number[] {
  const drawing = state.items.filter((it) => it.status === "drawing").length;
  if (awaitingAccept(state)) return state.items[0]?.status === "queued" && drawing === 0 ? [0] : [];
  return state.items
    .filter((it) => it.status === "queued")
    .slice(0, Math.max(0, max - drawing))
    .map((it) => it.index);
}

export function started(state: RunState, index: number): RunState {
  const item = state.items[index];
  if (!item) return state;
  const { partial: _p, failure: _f, ...rest } = item;
  return {
    ...state,
    items: state.items.map((it) =>
      it.index === index ? { ...rest, status: "drawing", attempt: item.attempt + 1 } : it,
    ),
  };
}

const current = (state: RunState, index: number, attempt: number): boolean =>
  state.items[index]?.status === "drawing" && state.items[index]?.attempt === attempt;

export function partial(state: RunState, index: number, attempt: number, bytes: Uint8Array): RunState {
  return current(state, index, attempt) ? patch(state, index, { partial: bytes }) : state;
}

export function finished(state: RunState, index: number, attempt: number, version: ImageVersion): RunState {
  if (!current(state, index, attempt)) return state;
  const next = patch(state, index, { status: "done", version });
  return { ...next, costUsd: state.costUsd + (version.costUsd ?? 0) };
}

export function failed(state: RunState, index: number, attempt: number, failure: ModelJobFailure): RunState {
  return current(state, index, attempt) ? patch(state, index, { status: "failed", failure }) : state;
}

/** The plan still needs its starting picture exported (img2img from the selection on a local SD server). */
export const needsInit = (plan: RowsPlan): boolean =>
  plan.sd !== undefined && plan.sdInit !== undefined && plan.sd.init === undefined;

/** The selection's PNG, exported at the run's start, as every item's init image. */
export function initExported(state: RunState, png: Uint8Array): RunState {
  const { plan } = state;
  if (!plan.sd || !plan.sdInit) return state;
  return { ...state, plan: { ...plan, sd: { ...plan.sd, init: { bytes: png, strength: plan.sdInit.strength } } } };
}

/** The starting picture could not be exported: every queued item fails with why (Retry exports it again). */
export function failQueued(state: RunState, failure: ModelJobFailure): RunState {
  return {
    ...state,
    items: state.items.map((it) => (it.status === "queued" ? { ...it, status: "failed" as const, failure } : it)),
  };
}

/** Cancel: what is drawing or queued stops; what finished stays. */
export function cancelAll(state: RunState): RunState {
  return {
    ...state,
    items: state.items.map((it) =>
      it.status === "queued" || it.status === "drawing" ? { ...it, status: "cancelled" as const } : it,
    ),
  };
}

/** Retry: a failed or cancelled item goes back in the queue, alone (the others keep what they have). */
export function retry(state: RunState, index: number): RunState {
  const item = state.items[index];
  return item && (item.status === "failed" || item.status === "cancelled")
    ? patch(state, index, { status: "queued" })
    : state;
}

/** "Try again" on a first image not yet accepted: it is drawn anew (the old one stays in History). */
export function redoFirst(state: RunState): RunState {
  const first = state.items[0];
  if (!awaitingAccept(state) || first?.status !== "done") return state;
  const { version: _v, placement: _p, ...rest } = first;
  return { ...state, items: [{ ...rest, status: "queued" }, ...state.items.slice(1)] };
}

/** "Use as the style for the rest": the first image is accepted; the rest may go. */
export function accept(state: RunState): RunState {
  return awaitingAccept(state) && state.items[0]?.status === "done" ? { ...state, accepted: true } : state;
}

export function placed(state: RunState, index: number, placement: Placement, gridId?: string): RunState {
  const next = patch(state, index, { placement });
  return gridId ? { ...next, gridId } : next;
}

/** The grid was deleted: the next placement makes a new one. */
export const forgetGrid = ({ gridId: _g, ...state }: RunState): RunState => state;

export const notKept = (state: RunState, index: number, why: string | undefined): RunState =>
  patch(state, index, why === undefined ? { notKept: undefined } : { notKept: why });

export interface RunCounts {
  total: number;
  queued: number;
  drawing: number;
  done: number;
  failed: number;
  cancelled: number;
}

export function counts(state: RunState): RunCounts {
  const by = (status: ItemStatus) => state.items.filter((it) => it.status === status).length;
  return {
    total: state.items.length,
    queued: by("queued"),
    drawing: by("drawing"),
    done: by("done"),
    failed: by("failed"),
    cancelled: by("cancelled"),
  };
}

/** Something is drawing or waiting its turn (a first image awaiting acceptance holds the rest, which still count). */
export const isRunning = (state: RunState): boolean =>
  state.items.some((it) => it.status === "drawing" || it.status === "queued");

const money = (usd: number): string => `$${usd < 0.01 && usd > 0 ? usd.toFixed(3) : usd.toFixed(2)}`;

/**
 * "5 of 8 done · 1 failed · 2 drawing · $0.42 so far" (parts with nothing to say left out; no cost on a local SD
 * server).
 */
export function summaryLine(state: RunState): string {
  const c = counts(state);
  const parts = [`${c.done} of ${c.total} done`];
  if (c.failed) parts.push(`${c.failed} failed`);
  if (c.drawing) parts.push(`${c.drawing} drawing`);
  if (c.cancelled) parts.push(`${c.cancelled} cancelled`);
  if (awaitingAccept(state) && c.queued) parts.push(`${c.queued} waiting until you accept the first`);
  // A local SD server costs nothing: no money said.
  if (!state.plan.sd) parts.push(`${money(state.costUsd)}${isRunning(state) ? " so far" : ""}`);
  return parts.join(" · ");
}
