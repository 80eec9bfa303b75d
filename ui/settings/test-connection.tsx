/**
 * Settings → "Test connection": asks the worker (`test-connection`) to list the models of the form's
 * endpoint with the generation client, using the key typed for the form's slot or else the key saved for
 * it — never another slot's. Prices from the listing (OpenRouter's) go to `onPrices`.
 */
import { useState } from "preact/hooks";
import type { FetchedPrice } from "../../contract/messages.js";
import { checkSettingsPatch, PROVIDER_DEFAULTS, type Settings } from "../../contract/settings.js";
import { ErrorIcon, InfoIcon } from "../controls/icons.js";
import { ModelFailure, type Engine } from "../engine/engine.js";
import type { ApiKeyVault } from "../model/api-key.js";
import type { SettingsDraft } from "../parts/settings-draft-types.js";
import { connectionText, type ConnectionOutcome, type ConnectionText } from "./connection-text.js";
import { cleanBaseUrl, slotName } from "./settings-form.js";

/** How long the test waits for the endpoint. */
export const CONNECTION_TEST_TIMEOUT_MS = 10_000;

export interface TestConnectionProps {
  worker: Pick<Engine, "call">;
  /** The saved settings, for the fields the form does not hold. */
  settings: Settings;
  /** The form, its key slot and the key typed for that slot. */
  draft: Pick<SettingsDraft, "form" | "slot" | "typedKey">;
  /** The saved keys, read only when the test runs and nothing is typed. */
  vault: Pick<ApiKeyVault, "revealFor">;
  onPrices(prices: Record<string, FetchedPrice>): void;
}

type TestState =
  | { kind: "idle" }
  | { kind: "testing"; slot: string }
  | { kind: "done"; slot: string; result: ConnectionText };

/** Runs the test; resolves with what happened, never throws. */
async function run({ worker, settings, draft, vault, onPrices }: TestConnectionProps): Promise<ConnectionOutcome> {
  const { form } = draft;
  const baseUrl = cleanBaseUrl(form.baseUrl);
  const model = form.model.trim();
  const { accepted, rejected } = checkSettingsPatch({ provider: form.provider, baseUrl, model });
  if (rejected.includes("baseUrl")) return { ok: false, kind: "bad-url" };
  // Only this endpoint's key: the one typed for it, else the one saved for it.
  const typed = draft.typedKey.trim();
  const apiKey = typed !== "" ? typed : vault.revealFor({ provider: form.provider, baseUrl });
  if (!apiKey) return { ok: false, kind: "no-key" };
  try {
    // The model is not used by a models listing; an unfinished one falls back to the provider's default.
    const tested: Settings = {
      ...settings,
      ...accepted,
      ...(rejected.includes("model") ? { model: PROVIDER_DEFAULTS[form.provider].model } : {}),
    };
    const reply = await worker.call("test-connection", {
      settings: tested,
      apiKey,
      timeoutMs: CONNECTION_TEST_TIMEOUT_MS,
    });
    const count = reply.prices ? Object.keys(reply.prices).length : 0;
    if (reply.prices && count > 0) onPrices(reply.prices);
    return { ok: true, models: reply.models, prices: count };
  } catch (error) {
    if (error instanceof ModelFailure) return { ok: false, ...error.model, message: error.message };
    return { ok: false, kind: "worker", message: error instanceof Error ? error.message : String(error) };
  }
}

export function TestConnection(props: TestConnectionProps) {
  const [state, setState] = useState<TestState>({ kind: "idle" });
  const { form, slot } = props.draft;
  const onTest = async () => {
    setState({ kind: "testing", slot });
    const outcome = await run(props);
    const url = cleanBaseUrl(form.baseUrl) || PROVIDER_DEFAULTS[form.provider].baseUrl;
    const result = connectionText(outcome, {
      url,
      slotName: slotName(slot),
      example: PROVIDER_DEFAULTS[form.provider].baseUrl,
      timeoutMs: CONNECTION_TEST_TIMEOUT_MS,
    });
    setState({ kind: "done", slot, result });
  };
  // A result belongs to the endpoint it was tested for: switching provider or base URL hides it.
  const testing = state.kind === "testing" && state.slot === slot;
  const result = state.kind === "done" && state.slot === slot ? state.result : undefined;
  return (
    <div class="inline-actions">
      <button type="button" class="button button--secondary" onClick={() => void onTest()} disabled={testing}>
        {testing ? "Testing…" : "Test connection"}
      </button>
      {result ? (
        <span class={`test-result ${result.ok ? "is-ok" : "is-error"}`} role="status">
          {result.ok ? <InfoIcon /> : <ErrorIcon />}
          <span class="test-result__text">
            {result.text}
            {result.detail ? <span class="test-result__detail">{result.detail}</span> : null}
          </span>
        </span>
      ) : null}
    </div>
  );
}
