/**
 * The computed findings, grouped by kind, most severe first within each group. Each row selects its layer
 * and zooms to it on the canvas (report only: nothing in the design is changed).
 */
import type { Finding, FindingKind } from "../../codegen/analyze/types.js";
import "./findings-list.css";

const KIND_LABEL: Readonly<Record<FindingKind, string>> = {
  contrast: "Contrast",
  "target-size": "Target size",
  "text-size": "Text size",
  "text-in-image": "Text in images",
  "image-name": "Image names",
  "frame-name": "Frame names",
  "dead-link": "Dead links",
};
const KINDS = Object.keys(KIND_LABEL) as FindingKind[];
const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/** The exact figures of a finding, short: "2.85:1, needs 4.5:1", "20×20 px, under 24". */
export function figures(finding: Finding): string | undefined {
  switch (finding.kind) {
    case "contrast":
      return finding.ratio === undefined
        ? `${finding.foreground} over an image or gradient, needs ${finding.required}:1`
        : `${finding.ratio.toFixed(2)}:1, needs ${finding.required}:1 ` +
            `· ${finding.foreground} on ${finding.background ?? "?"}`;
    case "target-size":
      return `${Math.round(finding.width)}×${Math.round(finding.height)} px, under ${finding.minimum}`;
    case "text-size":
      return `${finding.fontSize} px, under ${finding.minimum}`;
    default:
      return undefined;
  }
}

export function groupFindings(findings: readonly Finding[]): { kind: FindingKind; label: string; items: Finding[] }[] {
  return KINDS.map((kind) => ({
    kind,
    label: KIND_LABEL[kind],
    items: findings
      .filter((f) => f.kind === kind)
      .sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]),
  })).filter((g) => g.items.length > 0);
}

export function FindingsList({ findings, onFocus }: { findings: readonly Finding[]; onFocus(finding: Finding): void }) {
  if (findings.length === 0)
    return (
      <p class="muted findings__empty">
        No problems found by the checks (contrast, target size, text size, text in images, names).
      </p>
    );
  return (
    <div class="findings">
      {groupFindings(findings).map((group) => (
        <section key={group.kind} class="findings__group" aria-label={group.label}>
          <h4 class="findings__kind">
            {group.label} <span class="muted">{group.items.length}</span>
          </h4>
          <ul class="findings__list">
            {group.items.map((finding, i) => (
              <li key={`${finding.nodeId}-${i}`}>
                <button
                  type="button"
                  class="finding"
                  data-severity={finding.severity}
                  data-node-id={finding.nodeId}
                  title={`Select “${finding.nodeName}” on the canvas`}
                  onClick={() => onFocus(finding)}
                >
                  <span class="finding__dot" role="img" aria-label={finding.severity} />
                  <span class="finding__text">
                    <span class="finding__name one-line">{finding.nodeName}</span>
                    <span class="finding__message">{finding.message}</span>
                    {figures(finding) ? <span class="finding__figures muted">{figures(finding)}</span> : null}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
