/**
 * Messages across the top of the panel that stay until dismissed: errors from the main thread, refused
 * messages, warnings. (Short confirmations are toasts: toasts.tsx.) At most `limit` are shown, the newest;
 * a "+N more" line shows the rest.
 */
import { useState } from "preact/hooks";
import { CloseIcon, ErrorIcon, InfoIcon, WarningIcon } from "./icons.js";

export type BannerTone = "error" | "warning" | "info";

export interface BannerItem {
  id: number;
  tone: BannerTone;
  text: string;
  /** A button beside the text (e.g. "Open History"); pressing it also dismisses the banner. */
  action?: { label: string; run(): void };
  /**
   * What the banner is about: a newer banner about the same thing replaces it (a result saved again, refused again).
   */
  about?: string;
}

export function Banners({
  items,
  onDismiss,
  limit = 2,
}: {
  items: BannerItem[];
  onDismiss(id: number): void;
  limit?: number;
}) {
  const [expanded, setExpanded] = useState(false);
  if (items.length === 0) return null;
  const hidden = expanded ? 0 : Math.max(0, items.length - limit);
  const shown = items.slice(hidden);
  return (
    <div class={`banners${expanded ? " is-expanded" : ""}`}>
      {shown.map((item) => (
        <div key={item.id} class={`banner banner--${item.tone}`} role={item.tone === "error" ? "alert" : "status"}>
          {item.tone === "error" ? <ErrorIcon /> : item.tone === "warning" ? <WarningIcon /> : <InfoIcon />}
          <span class="banner__text">{item.text}</span>
          {item.action ? (
            <button
              type="button"
              class="button button--secondary button--small banner__action"
              onClick={() => {
                item.action?.run();
                onDismiss(item.id);
              }}
            >
              {item.action.label}
            </button>
          ) : null}
          <button
            type="button"
            class="icon-button"
            title="Dismiss"
            aria-label="Dismiss"
            onClick={() => onDismiss(item.id)}
          >
            <CloseIcon />
          </button>
        </div>
      ))}
      {hidden > 0 || (expanded && items.length > limit) ? (
        <button
          type="button"
          class="banners__more"
          aria-expanded={expanded ? "true" : "false"}
          onClick={() => setExpanded(!expanded)}
        >
          {expanded ? "Show fewer" : `+${hidden} more`}
        </button>
      ) : null}
    </div>
  );
}
