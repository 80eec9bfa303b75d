/**
 * What is selected: a thumbnail of the first layer, its name and size; and, full width under it, what cannot
 * be exported and what to do about it.
 */
import type { SelectionSummary } from "../../contract/messages.js";
import { FrameIcon, WarningIcon } from "../controls/icons.js";
import { EMPTY_SELECTION_TEXT } from "./explain.js";
import { unsupportedText } from "./unsupported-text.js";
import { int } from "../model/cost.js";

const TYPE_NAMES: Record<string, string> = {
  FRAME: "Frame",
  COMPONENT: "Component",
  COMPONENT_SET: "Component set",
  INSTANCE: "Instance",
  GROUP: "Group",
  SECTION: "Section",
};

function typeName(type: string): string {
  return TYPE_NAMES[type] ?? type.charAt(0) + type.slice(1).toLowerCase().replace(/_/g, " ");
}

export interface SelectionCardProps {
  selection: SelectionSummary;
  thumbnailUrl: string | undefined;
  /** Results are on screen: a smaller card. */
  compact?: boolean;
}

export function SelectionCard({ selection, thumbnailUrl, compact = false }: SelectionCardProps) {
  const all = [...selection.nodes, ...selection.unsupported];
  // The card names an exportable layer when there is one; else the first refused one (the notice says why).
  const first = selection.nodes[0] ?? selection.unsupported[0];
  const cls = `selection${compact ? " selection--compact" : ""}`;
  if (!first) {
    return (
      <section class={`${cls} selection--empty`} aria-label="Selection">
        <div class="selection__thumb selection__thumb--empty">
          <FrameIcon />
        </div>
        <div class="selection__text">
          <p class="selection__title one-line">{EMPTY_SELECTION_TEXT}</p>
          {compact ? null : <p class="muted">Figment writes React or HTML for the layers you select.</p>}
        </div>
      </section>
    );
  }
  const rest = all.filter((n) => n.id !== first.id);
  const refused = selection.nodes.length === 0;
  return (
    <section class={`${cls}${refused ? " selection--refused" : ""}`} aria-label="Selection">
      <div class="selection__thumb">
        {thumbnailUrl ? (
          <img src={thumbnailUrl} alt={`Thumbnail of ${first.name}`} />
        ) : refused ? (
          <WarningIcon />
        ) : (
          <FrameIcon />
        )}
      </div>
      <div class="selection__text">
        <p class="selection__title one-line" title={first.name}>
          {first.name}
        </p>
        <p
          class="muted selection__meta one-line"
          title={rest.length > 0 ? rest.map((n) => n.name).join(", ") : undefined}
        >
          {typeName(first.type)} · {int(first.width)} × {int(first.height)}
          {rest.length > 0 ? ` · +${rest.length} more` : ""}
        </p>
      </div>
    </section>
  );
}

/** The selected layers Figment cannot export: what is wrong and what to do, across the panel's width. */
export function SelectionProblems({ selection }: { selection: SelectionSummary }) {
  const text = unsupportedText(selection.unsupported, selection.nodes.length);
  if (!text) return null;
  const several = selection.unsupported.length > 1;
  return (
    <div class="notice notice--warning selection-problems" role="status">
      <WarningIcon />
      <div class="notice__body">
        <p class="notice__title">{text.title}</p>
        {several ? (
          <ul class="unsupported" aria-label="Layers that cannot be exported">
            {text.lines.slice(0, 4).map((line, i) => (
              <li key={i}>{line}</li>
            ))}
            {text.lines.length > 4 ? <li class="muted">and {text.lines.length - 4} more</li> : null}
          </ul>
        ) : (
          <p class="unsupported">{text.lines[0]}</p>
        )}
        <p class="muted">{text.next}</p>
      </div>
    </div>
  );
}
