/**
 * Drives a batch run (no Preact): sends the items run-state.ts says to send, feeds their partial images and
 * results back into the state, keeps every result as an image version, and places each finished image in the
 * batch's grid one after another (the first placement makes the grid; the rest need its id). Cancel aborts
 * what is running and queued; a new start aborts the old run, whose late replies are dropped.
 */
import type { FetchedPrice } from "../../../../contract/messages.js";
import type { Settings } from "../../../../contract/settings.js";
import { MainThreadError, type MainRequests } from "../../../channel/requests.js";
import { imageRoute, type ImageRoute } from "../../../../ai/image/route.js";
import type { ApiKeyVault } from "../../../model/api-key.js";
import type { Engine } from "../../../engine/engine.js";
import type { BatchPlan } from "../plan.js";
import { placeInGrid } from "./grid-place.js";
import { itemRequest } from "./item-request.js";
import { keepVersion, notePlacement } from "./keep-version.js";
import * as run from "./run-state.js";
import { sendItem } from "./send-item.js";
import { sendSdItem } from "./send-sd-item.js";
import { sdItemRequest } from "../sweep-items.js";
import type { ImageVersion } from "../../versions.js";
import { failureOf } from "../../../model/job-state.js";

export interface DriverDeps {
  requests: MainRequests;
  worker: Engine;
  vault: ApiKeyVault;
  settings(): Settings;
  prices(): Record<string, FetchedPrice> | undefined;
}

export class RunDriver {
  state: run.RunState | undefined;
  private generation = 0;
  private route: ImageRoute | undefined;
  private readonly controllers = new Map<number, AbortController>();
  private placing: Promise<void> = Promise.resolve();

  constructor(
    private readonly deps: DriverDeps,
    private readonly onChange: (state: run.RunState | undefined) => void,
  ) {}

  private set(next: run.RunState): void {
    this.state = next;
    this.onChange(next);
  }

  start(plan: BatchPlan): void {
    this.abortAll();
    this.generation++;
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
    if (refused.some((it) => it.placement?.state === "refused" && it.placement.code === "not-found")) this.set(run.forgetGrid(state));
    for (const it of refused) this.place(it.index);
  }

  private abortAll(): void {
    for (const controller of this.controllers.values()) controller.abort();
    this.controllers.clear();
  }

  private pump(): void {
    for (const index of this.state ? run.toSend(this.state) : []) this.launch(index);
  }

  private launch(index: number): void {
    const state = run.started(this.state!, index);
    this.set(state);
    const mine = this.generation;
    const attempt = state.items[index]!.attempt;
    const live = () => mine === this.generation;
    const settings = this.deps.settings();
    if (state.plan.sd) return this.launchSd(state, index, attempt, live);
    const apiKey = this.deps.vault.revealFor(settings);
    if (!apiKey) {
      this.set(run.failed(state, index, attempt, { kind: "model", message: `No API key for ${settings.provider}.`, model: { kind: "missing-key" }, at: Date.now() }));
      return queueMicrotask(() => live() && this.pump());
    }
    const { plan } = state;
    const first = state.accepted ? state.items[0]?.version : undefined;
    const controller = new AbortController();
    this.controllers.set(index, controller);
    const item = plan.items[index]!;
    const send = {
      worker: this.deps.worker, settings, apiKey, prices: this.deps.prices(), reasonFirst: this.route?.api === "responses", prompt: item.prompt,
      data: itemRequest(plan, index, this.route ?? imageRoute(settings, false), first),
      versionId: `b${Date.now().toString(36)}${mine}a${attempt}-${item.row}`,
      onPartial: (bytes: Uint8Array) => live() && this.set(run.partial(this.state!, index, attempt, bytes)),
      signal: controller.signal,
    };
    this.settle(sendItem(send), index, attempt, controller, live);
  }

  /** An item on a local SD server: no key (the server's own credentials, read per base URL), one at a time. */
  private launchSd(state: run.RunState, index: number, attempt: number, live: () => boolean): void {
    const controller = new AbortController();
    this.controllers.set(index, controller);
    const onPartial = (bytes: Uint8Array) => live() && this.set(run.partial(this.state!, index, attempt, bytes));
    this.settle(sendSdItem(sdSendOf(this.deps, state, index, `b${Date.now().toString(36)}${this.generation}a${attempt}-${index + 1}`, onPartial, controller.signal)), index, attempt, controller, live);
  }

  /** Feeds an item's reply into the state: kept, placed (unless it waits to be accepted), or its failure. */
  private settle(sent: Promise<ImageVersion>, index: number, attempt: number, controller: AbortController, live: () => boolean): void {
    sent
      .then((version) => {
        if (!live()) return;
        const before = this.state!;
        this.set(run.finished(before, index, attempt, version));
        if (this.state === before) return;
        void keepVersion(this.deps.requests, version).then((why) => live() && this.set(run.notKept(this.state!, index, why)));
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
    const mine = this.generation;
    this.placing = this.placing.then(async () => {
      const state = this.state;
      const version = state?.items[index]?.version;
      if (mine !== this.generation || !state || !version) return;
      this.set(run.placed(state, index, { state: "placing" }));
      const item = state.plan.items[index]!;
      try {
        const done = await placeInGrid(this.deps.requests, version, { stem: item.stem, index }, state.gridId ? { id: state.gridId } : { name: state.plan.name }, state.plan.grid);
        if (mine !== this.generation) return;
        this.set(run.placed(this.state!, index, { state: "placed", layerId: done.layerId }, done.gridId));
        notePlacement(this.deps.requests, version.id, [done.gridId, done.layerId]);
      } catch (error) {
        if (mine !== this.generation) return;
        const code = error instanceof MainThreadError ? error.code : "failed";
        this.set(run.placed(this.state!, index, { state: "refused", code, message: error instanceof Error ? error.message : String(error) }));
      }
    });
  }
}

/** What an SD item sends: its plan's request (with the first image once accepted), no key. */
function sdSendOf(deps: DriverDeps, state: run.RunState, index: number, versionId: string, onPartial: (bytes: Uint8Array) => unknown, signal: AbortSignal): Parameters<typeof sendSdItem>[0] {
  const first = state.accepted ? state.items[0]?.version : undefined;
  return { worker: deps.worker, vault: deps.vault, settings: deps.settings(), prompt: state.plan.items[index]!.prompt, data: sdItemRequest(state.plan, index, first), versionId, onPartial, signal };
}
