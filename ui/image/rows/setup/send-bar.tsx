/**
 * The run's estimate and buttons. "Generate N images" starts the live run with the plan; on OpenAI,
 * "Send to Batch API" submits it for half the price (off while references or accept-first are on: a batch
 * sends every row at once, and the Images API's generations endpoint takes no images), and is the primary
 * button above the settings' threshold. Nothing is sent before a press. Without a key: KeyNeeded.
 */
import { KeyNeeded } from "../../../model/key-needed.js";
import { approxCost, int } from "../../../model/cost.js";
import type { RowsViewProps } from "../view-props.js";
import type { RowsEstimate } from "./use-estimate.js";
import { plural } from "../../../../kernel/plural.js";
import { isLocalSource } from "../../sd-connection.js";

/** Why the Batch API cannot take this plan, or undefined when it can. */
export function batchApiBlocker(plan: {
  acceptFirst: boolean;
  style: { references: readonly unknown[] };
}): string | undefined {
  if (plan.style.references.length > 0)
    return (
      "The Batch API sends every row at once to the Images API, which " +
      "takes no reference images here: remove the references to use it."
    );
  if (plan.acceptFirst)
    return (
      "The Batch API sends every row at once, so there is no first image to " +
      "accept: untick “Accept the first image before the rest” to use it."
    );
  return undefined;
}

export function estimateLine(estimate: RowsEstimate): string {
  const tokens = `≈ ${int(estimate.perImage.inputTokens)} input tokens per image`;
  if (estimate.costUsd === undefined) return `${tokens} · no price known`;
  return (
    `${tokens} · ${approxCost(estimate.costUsd)} for ` +
    `${estimate.images}` +
    `${estimate.batchUsd !== undefined ? ` · Batch API ${approxCost(estimate.batchUsd)} (50%)` : ""}`
  );
}

export function SendBar({ session, settings, hasKey, onOpenSettings }: RowsViewProps) {
  const { plan, prompts, estimate } = session.setup;
  // A parameter grid draws every row once per cell; a local SD server needs no key (and has no Batch API).
  const n = plan?.items.length ?? prompts.items.length;
  const local = isLocalSource(settings.imageSource);
  if (!hasKey && !local)
    return (
      <div class="setup-send">
        <KeyNeeded what="Generating images" settings={settings} onOpenSettings={onOpenSettings} />
      </div>
    );
  const blocked = plan
    ? undefined
    : n === 0
      ? "No prompts yet: the template and rows make them"
      : "Fix what is marked above first";
  const openai = settings.provider === "openai" && !local;
  const batchApiBlocked = plan ? batchApiBlocker(plan) : blocked;
  const batchApiFirst = openai && n > settings.batchApiThreshold && !batchApiBlocked;
  return (
    <div class="setup-send">
      {estimate && plan ? <p class="muted setup-send__estimate">{estimateLine(estimate)}</p> : null}
      {batchApiFirst ? (
        <p class="setup-send__why">
          {`${n} images is more than ${settings.batchApiThreshold}: the Batch API ` +
            `runs them in the background for half the price (results within 24 h).`}
        </p>
      ) : null}
      <div class="head-row">
        <span class="setup-grow" />
        {openai ? (
          <button
            type="button"
            class={`button ${batchApiFirst ? "button--primary" : "button--secondary"}`}
            disabled={!plan || batchApiBlocked !== undefined}
            title={
              batchApiBlocked ?? "Submit every row to OpenAI's Batch API and close; the results arrive within 24 h"
            }
            onClick={() => plan && session.batchApi.submit(plan)}
          >
            Send to Batch API
          </button>
        ) : null}
        <button
          type="button"
          class={`button ${batchApiFirst ? "button--secondary" : "button--primary"}`}
          disabled={!plan}
          title={blocked ?? "Starts the images one by one; you can cancel, and what finished is kept"}
          onClick={() => plan && session.run.start(plan)}
        >
          {n === 0 ? "Generate images" : `Generate ${plural(n, "image")}`}
        </button>
      </div>
      {openai && plan && batchApiBlocked ? <p class="muted setup-send__why">{batchApiBlocked}</p> : null}
    </div>
  );
}
