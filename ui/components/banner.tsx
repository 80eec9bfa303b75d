/** Messages across the top of the panel: errors from the main thread, refused messages, notices. */
import { CloseIcon, ErrorIcon, InfoIcon, WarningIcon } from "./icons.js";

export type BannerTone = "error" | "warning" | "info";

export interface BannerItem {
  id: number;
  tone: BannerTone;
  text: string;
}

export function Banners({ items, onDismiss }: { items: BannerItem[]; onDismiss(id: number): void }) {
  if (items.length === 0) return null;
  return (
    <div class="banners">
      {items.map((item) => (
        <div key={item.id} class={`banner banner--${item.tone}`} role={item.tone === "error" ? "alert" : "status"}>
          {item.tone === "error" ? <ErrorIcon /> : item.tone === "warning" ? <WarningIcon /> : <InfoIcon />}
          <span class="banner__text">{item.text}</span>
          <button type="button" class="icon-button" title="Dismiss" aria-label="Dismiss" onClick={() => onDismiss(item.id)}>
            <CloseIcon />
          </button>
        </div>
      ))}
    </div>
  );
}
