/**
 * The panel parts inside the app's <main>: every part that has come is mounted (its keeper holds the session
 * and shows the panel while it is active); the active panel, until its part is in, shows a quiet loading line,
 * or why it did not come and a Try again button.
 */
import { h, type ComponentType } from "preact";
import { useEffect } from "preact/hooks";
import { PANEL_PARTS, type PanelPart } from "../../contract/messages.js";
import { ErrorNotice } from "../controls/status.js";
import type { PanelContext, PartProps, PartPropsMap } from "./part-props.js";
import { definedPart } from "./registry.js";
import type { PanelParts, PartState } from "./use-panel-parts.js";

/** What each part gets beyond ctx, active and expose. */
export type PartExtras = { [K in PanelPart]: Omit<PartPropsMap[K], keyof PartProps<unknown>> };

export interface PanelPartsViewProps {
  parts: PanelParts;
  /** The app's panel on show (Code is not a part). */
  active: string;
  ctx: PanelContext;
  extras: PartExtras;
}

const isPart = (panel: string): panel is PanelPart => (PANEL_PARTS as readonly string[]).includes(panel);
const title = (name: PanelPart): string => `${name[0]!.toUpperCase()}${name.slice(1)}`;
/** An error's message as a sentence: "the script did not run" → "The script did not run." */
const sentence = (text: string): string =>
  `${text.charAt(0).toUpperCase()}${text.slice(1)}${/[.!?]$/.test(text) ? "" : "."}`;

function keeper<K extends PanelPart>(name: K, props: PartPropsMap[K]) {
  const component = definedPart(name) as ComponentType<PartPropsMap[K]> | undefined;
  return component ? h(component, { ...props, key: name }) : null;
}

function PartPending({ name, state, onRetry }: { name: PanelPart; state: PartState | undefined; onRetry(): void }) {
  if (state?.kind !== "failed") {
    return (
      <p class="loading muted part-loading" role="status">
        Loading the {title(name)} panel…
      </p>
    );
  }
  return (
    <ErrorNotice title={`The ${title(name)} panel could not be loaded.`} detail={sentence(state.message)}>
      <p class="muted">Try again; if it fails again, close the plugin and run it again.</p>
      <div class="notice__actions">
        <button type="button" class="button button--secondary" onClick={onRetry}>
          Try again
        </button>
      </div>
    </ErrorNotice>
  );
}

export function PanelPartsView({ parts, active, ctx, extras }: PanelPartsViewProps) {
  const activeState = isPart(active) ? parts.state[active] : undefined;
  useEffect(() => {
    if (isPart(active) && activeState === undefined) parts.load(active);
  }, [active, activeState, parts.load]);
  return (
    <>
      {PANEL_PARTS.map((name) =>
        parts.state[name]?.kind === "ready"
          ? keeper(name, {
              ...extras[name],
              ctx,
              active: active === name,
              expose: parts.expose[name],
            } as PartPropsMap[typeof name])
          : null,
      )}
      {isPart(active) && activeState?.kind !== "ready" ? (
        <PartPending key="pending" name={active} state={activeState} onRetry={() => parts.load(active)} />
      ) : null}
    </>
  );
}
