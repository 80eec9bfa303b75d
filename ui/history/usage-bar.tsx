/**
 * "1.2 MB of 5 MB used · this file 300 kB": the plugin's whole clientStorage against Figma's quota, history's part
 * marked.
 */
import type { HistoryUsage } from "../../contract/history.js";
import { sizeText } from "./history-list.js";

export function usageText(usage: HistoryUsage): string {
  return (
    `${sizeText(usage.history + usage.other)} of ${sizeText(usage.quota)} ` +
    `used · this file ${sizeText(usage.fileBytes)}`
  );
}

export function UsageBar({ usage }: { usage: HistoryUsage | undefined }) {
  if (!usage) return <div class="usage usage--unknown muted">Space used: reading…</div>;
  const pct = (n: number) => `${Math.min(100, (n / Math.max(1, usage.quota)) * 100).toFixed(1)}%`;
  const used = usage.history + usage.other;
  const title =
    `History ${sizeText(usage.history)} (this file ${sizeText(usage.fileBytes)}), settings and ` +
    `caches ${sizeText(usage.other)}, of the ${sizeText(usage.quota)} Figma gives this plugin`;
  return (
    <div class={`usage${used / usage.quota > 0.9 ? " is-near-full" : ""}`} title={title}>
      {/* biome-ignore lint/a11y/useSemanticElements: a <meter> cannot show the three parts */}
      <div
        class="usage__bar"
        role="meter"
        aria-label="Storage used"
        aria-valuemin={0}
        aria-valuemax={usage.quota}
        aria-valuenow={used}
      >
        <span class="usage__part usage__part--file" style={{ width: pct(usage.fileBytes) }} />
        <span class="usage__part usage__part--history" style={{ width: pct(usage.history - usage.fileBytes) }} />
        <span class="usage__part usage__part--other" style={{ width: pct(usage.other) }} />
      </div>
      <span class="usage__text one-line">{usageText(usage)}</span>
    </div>
  );
}
