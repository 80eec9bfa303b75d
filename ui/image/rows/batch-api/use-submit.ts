/**
 * "Send to Batch API": the plan is first shown with what will happen and its estimate at the Batch API's
 * half price (one item's Images API request estimated in the worker, times the items); a plan the Batch
 * API cannot run, or a provider other than OpenAI, is refused with the reason before anything is sent.
 */
import { useCallback, useState } from "preact/hooks";
import type { PendingBatch } from "../../../../contract/pending-batch.js";
import type { RowsPlan } from "../plan.js";
import { submitPlan, type StepDeps } from "./batch-steps.js";
import { batchRefusal } from "./status-text.js";

export interface BatchEstimate {
  images: number;
  /** USD at the standard price and on the Batch API; undefined when a price is unknown. */
  costUsd: number | undefined;
  batchCostUsd: number | undefined;
}

export interface Confirmation {
  plan: RowsPlan;
  refusal?: string;
  estimate?: BatchEstimate;
  /** The estimate could not be made (the batch can still be sent). */
  estimateError?: string;
  sending: boolean;
  error?: string;
}

export interface SubmitState {
  confirmation: Confirmation | undefined;
  /** Shows the plan's confirmation (nothing is sent yet). */
  submit(plan: RowsPlan): void;
  send(): void;
  dismiss(): void;
}

/** `sending(id, on)`: the batch `id` is being submitted (no other step may touch it meanwhile). */
export function useSubmit(
  deps: StepDeps & { report(text: string, tone: "info" | "error"): void },
  store: (batch: PendingBatch) => Promise<void>,
  sending: (id: string, on: boolean) => void,
): SubmitState {
  const [confirmation, setConfirmation] = useState<Confirmation | undefined>();

  const submit = useCallback(
    (plan: RowsPlan) => {
      const refusal = batchRefusal(plan, deps.settings);
      setConfirmation({ plan, sending: false, ...(refusal ? { refusal } : {}) });
      const first = plan.items[0];
      if (refusal || !first) return;
      const request = {
        prompt: first.prompt,
        size: plan.size,
        quality: plan.quality,
        count: 1,
        partials: 0,
        references: [],
      };
      deps.worker.call("image-prepare", { settings: deps.settings, reasonFirst: false, request }).then(
        (reply) => {
          const n = plan.items.length;
          const each = reply.estimate;
          const estimate = {
            images: n,
            costUsd: each?.costUsd !== undefined ? each.costUsd * n : undefined,
            batchCostUsd: each?.batchCostUsd !== undefined ? each.batchCostUsd * n : undefined,
          };
          setConfirmation((c) => (c?.plan === plan ? { ...c, estimate } : c));
        },
        (error: unknown) =>
          setConfirmation((c) =>
            c?.plan === plan ? { ...c, estimateError: error instanceof Error ? error.message : String(error) } : c,
          ),
      );
    },
    [deps.settings, deps.worker],
  );

  const send = useCallback(() => {
    const current = confirmation;
    if (!current || current.refusal || current.sending) return;
    setConfirmation({ ...current, sending: true });
    let id: string | undefined;
    submitPlan(deps, current.plan, store, (made) => {
      id = made;
      sending(made, true);
    })
      .finally(() => id && sending(id, false))
      .then(
        (batch) => {
          setConfirmation(undefined);
          deps.report(
            `Sent “${batch.name}” to the Batch API: ${batch.items.length} ` +
              `images within 24 h. You can close the plugin.`,
            "info",
          );
        },
        (error: unknown) =>
          setConfirmation((c) =>
            c ? { ...c, sending: false, error: error instanceof Error ? error.message : String(error) } : c,
          ),
      );
  }, [confirmation, deps, store, sending]);

  return { confirmation, submit, send, dismiss: useCallback(() => setConfirmation(undefined), []) };
}
