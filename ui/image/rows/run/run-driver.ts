/**
 * Drives a Rows run (no Preact): sends the items run-state.ts says to send, feeds their partial images and
 * results back into the state, keeps every result as an image version, and places each finished image in the
 * run's grid one after another (the first placement makes the grid; the rest need its id). Cancel aborts
 * what is running and queued; a new start aborts the old run, whose late replies are dropped.
 */
import type { FetchedPrice } from "../../../../contract/messages.js";
import type { Settings } from "../../../../contract/settings.js";
import type { MainRequests } from "../../../channel/requests.js";
import { imageRoute, type ImageRoute } from "../../../../ai/image/route.js";
import type { ApiKeyVault } from "../../../model/api-key.js";
import type { Engine } from "../../../engine/engine.js";
import type { RowsPlan } from "../plan.js";
import { itemRequest } from "./item-request.js";
import { keepVersion, placeRunItem } from "./keep-version.js";
import * as run from "./run-state.js";
import { sendItem } from "./send-item.js";
import { sendSdItem } from "./send-sd-item.js";
import { InitExport } from "./init-image.js";
import { sdItemRequest } from "../sweep-items.js";
import type { ImageVersion } from "../../versions.js";
import { failureOf, missingKey } from "../../../model/job-state.js";
import { LatestRun, type Run } from "../../../lib/latest-only.js";

export interface DriverDeps {
  requests: MainRequests;
  worker: Engine;
  vault: ApiKeyVault;
  settings(): Settings;
  prices(): Record<string, FetchedPrice> | undefined;
}

export class RunDriver {
  state: run.RunState | undefined;
  private readonly runs = new LatestRun();
  /** The rows run under way: its items' steps show what they made only while no newer run has started. */
  private rowsRun: Run = this.runs.start();
  private route: ImageRoute | undefined;
  private readonly controllers = new Map<number, AbortController>();
  /** The selection exported as an img2img run's starting picture (a local SD server). */
  private readonly init: InitExport;
  private placing: Promise<void> = Promise.resolve();

  constructor(
    private readonly deps: DriverDeps,
    private readonly onChange: (state: run.RunState | undefined) => void,
  ) {
    this.init = new InitExport(deps.requests);
  }

  private set(next: run.RunState): void {
    this.state = next;
    this.onChange(next);
  }

  start(plan: RowsPlan): void {
    this.abortAll();
    this.rowsRun = this.runs.start();
    this.route = imageRoute(this.deps.settings(), plan.reasonFirst && this.deps.settings().provider === "openai");
    this.set(run.newRun(plan));
    this.pump();
  }

  cancel(): void {
    if (!this.state) return;
    this.set(run.cancelAll(this.state));
    this.abortAll();
  }

  retry(index: number): void {
    if (!this.state) return;
    this.set(run.retry(this.state, index));
    this.pump();
  }

  accept(): void {
    if (!this.state) return;
    const before = this.state;
    this.set(run.accept(before));
    if (this.state !== before) this.place(0);
    this.pump();
  }

  redoFirst(): void {
    if (!this.state) return;
    this.set(run.redoFirst(this.state));
    this.pump();
  }

  /** Places again every image the canvas refused; a grid that was deleted is made anew. */
  placeRefused(): void {
    const state = this.state;
    if (!state) return;
    const refused = state.items.filter((it) => it.placement?.state === "refused");
    if (refused.some((it) => it.placement?.state === "refused" && it.placement.code === "not-found"))
      this.set(run.forgetGrid(state));
    for (const it of refused) this.place(it.index);
  }

  private abortAll(): void {
    for (const controller of this.controllers.values()) controller.abort();
    this.controllers.clear();
    this.init.abort();
  }

  private pump(): void {
    const state = this.state;
    if (state && run.needsInit(state.plan))
      return void (run.toSend(state).length > 0 && this.exportInit(state.plan.sdInit!));
    for (const index of state ? run.toSend(state) : []) this.launch(index);
  }

  /** Exports the starting picture; the items go once it is in, or fail with why (Retry exports it again). */
  private exportInit(from: NonNullable<RowsPlan["sdInit"]>): void {
    const { current } = this.rowsRun;
    const exported = (png: Uint8Array): void => {
      if (!current()) return;
      this.set(run.initExported(this.state!, png));
      this.pump();
    };
    this.init.start(from, exported, (failure) => current() && this.set(run.failQueued(this.state!, failure)));
  }

  private launch(index: number): void {
    const state = run.started(this.state!, index);
    this.set(state);
    const { id, current: live } = this.rowsRun;
    const attempt = state.items[index]!.attempt;
    const settings = this.deps.settings();
    // A local SD server takes no key (the server's own credentials, read per base URL).
    const apiKey = state.plan.sd ? undefined : this.deps.vault.revealFor(settings);
    if (!state.plan.sd && !apiKey) {
      this.set(run.failed(state, index, attempt, missingKey(settings.provider)));
      return queueMicrotask(() => live() && this.pump());
    }
    const controller = new AbortController();
    this.controllers.set(index, controller);
    const item = state.plan.items[index]!;
    const versionId = `b${Date.now().toString(36)}${id}a${attempt}-${state.plan.sd ? index + 1 : item.row}`;
    const onPartial = (bytes: Uint8Array) => live() && this.set(run.partial(this.state!, index, attempt, bytes));
    const route = this.route ?? imageRoute(settings, false);
    const sent = apiKey
      ? sendItem(hostedSendOf(this.deps, state, index, route, apiKey, versionId, onPartial, controller.signal))
      : sendSdItem(sdSendOf(this.deps, state, index, versionId, onPartial, controller.signal));
    this.settle(sent, index, attempt, controller, live);
  }

  /** Feeds an item's reply into the state: kept, placed (unless it waits to be accepted), or its failure. */
  private settle(
    sent: Promise<ImageVersion>,
    index: number,
    attempt: number,
    controller: AbortController,
    live: () => boolean,
  ): void {
    sent
      .then((version) => {
        if (!live()) return;
        const before = this.state!;
        this.set(run.finished(before, index, attempt, version));
        if (this.state === before) return;
        void keepVersion(this.deps.requests, version).then(
          (why) => live() && this.set(run.notKept(this.state!, index, why)),
        );
        if (!(index === 0 && run.awaitingAccept(this.state!))) this.place(index);
      })
      .catch((error: unknown) => {
        const failure = failureOf(error);
        if (live() && failure !== "cancelled") this.set(run.failed(this.state!, index, attempt, failure));
      })
      .finally(() => {
        if (this.controllers.get(index) === controller) this.controllers.delete(index);
        if (live()) this.pump();
      });
  }

  /** Places item `index` after the placements before it (the grid's id comes from the first). */
  private place(index: number): void {
    const { current } = this.rowsRun;
    this.placing = this.placing.then(async () => {
      const state = this.state;
      const version = state?.items[index]?.version;
      if (!current() || !state || !version) return;
      this.set(run.placed(state, index, { state: "placing" }));
      const done = await placeRunItem(this.deps.requests, state, index, version);
      if (current()) this.set(run.placed(this.state!, index, done.placement, done.gridId));
    });
  }
}

/** What a hosted item sends: its request (with the first image once accepted), the key, the route's API. */
function hostedSendOf(
  deps: DriverDeps,
  state: run.RunState,
  index: number,
  route: ImageRoute,
  apiKey: string,
  versionId: string,
  onPartial: (bytes: Uint8Array) => unknown,
  signal: AbortSignal,
): Parameters<typeof sendItem>[0] {
  const first = state.accepted ? state.items[0]?.version : undefined;
  const data = itemRequest(state.plan, index, route, first);
  return {
    worker: deps.worker,
    settings: deps.settings(),
    apiKey,
    prices: deps.prices(),
    reasonFirst: route.api === "responses",
    prompt: state.plan.items[index]!.prompt,
    data,
    versionId,
    onPartial,
    signal,
  };
}

/** What an SD item sends: its plan's request (with the first image once accepted), no key. */
function sdSendOf(
  deps: DriverDeps,
  state: run.RunState,
  index: number,
  versionId: string,
  onPartial: (bytes: Uint8Array) => unknown,
  signal: AbortSignal,
): Parameters<typeof sendSdItem>[0] {
  const first = state.accepted ? state.items[0]?.version : undefined;
  return {
    worker: deps.worker,
    vault: deps.vault,
    settings: deps.settings(),
    prompt: state.plan.items[index]!.prompt,
    data: sdItemRequest(state.plan, index, first),
    versionId,
    onPartial,
    signal,
  };
}
