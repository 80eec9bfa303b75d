/**
 * A saved analysis on show: its findings (grouped as the Analyze panel groups them) and the model's critique, with Copy
 * and Close.
 */
import type { AnalysisEntry } from "../../contract/history.js";
import { FindingsList } from "../controls/findings-list.js";
import { MarkdownView } from "../controls/markdown-view.js";
import { fullDate } from "../lib/time-ago.js";
import { plural } from "../../kernel/plural.js";
import { SmallButton } from "../controls/small-button.js";

export interface AnalysisViewProps {
  entry: AnalysisEntry;
  onCopy(): void;
  onClose(): void;
  /** Selects a finding's layer (this file's entries only). */
  onFocus?: (nodeId: string) => void;
}

export function AnalysisView({ entry, onCopy, onClose, onFocus }: AnalysisViewProps) {
  return (
    <section class="history-analysis" aria-label={`Analysis of ${entry.frame.name}`}>
      <div class="history-analysis__head">
        <SmallButton onClick={onClose}>← History</SmallButton>
        <span class="history-analysis__title one-line">Analysis of {entry.frame.name}</span>
        <SmallButton onClick={onCopy}>Copy</SmallButton>
      </div>
      <p class="muted history-analysis__meta">
        {fullDate(entry.createdAt)}
        {entry.model ? ` · ${entry.model}` : ""} · {plural(entry.findings.length, "finding")}
      </p>
      <div class="history-analysis__body">
        <h3 class="section-title">Findings</h3>
        <FindingsList findings={entry.findings} onFocus={(f) => onFocus?.(f.nodeId)} />
        {entry.markdown ? (
          <>
            <h3 class="section-title">The model's critique</h3>
            <MarkdownView text={entry.markdown} />
          </>
        ) : null}
      </div>
    </section>
  );
}
