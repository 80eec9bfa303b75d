/** What is selected: a thumbnail of the first layer, its name and size, and what cannot be exported. */
import type { SelectionSummary } from "../../contract/messages.js";
import { FrameIcon, WarningIcon } from "../components/icons.js";
import { EMPTY_SELECTION_TEXT } from "./explain.js";

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

export function SelectionCard({ selection, thumbnailUrl }: { selection: SelectionSummary; thumbnailUrl: string | undefined }) {
  const [first, ...rest] = selection.nodes;
  const unsupported = selection.unsupported;
  if (!first) {
    return (
      <section class="selection selection--empty" aria-label="Selection">
        <div class="selection__thumb selection__thumb--empty">
          <FrameIcon />
        </div>
        <div class="selection__text">
          <p class="selection__title">{EMPTY_SELECTION_TEXT}</p>
          {unsupported.length > 0 ? <UnsupportedList items={unsupported} /> : <p class="muted">Figment writes React or HTML for the layers you select.</p>}
        </div>
      </section>
    );
  }
  return (
    <section class="selection" aria-label="Selection">
      <div class="selection__thumb">{thumbnailUrl ? <img src={thumbnailUrl} alt={`Thumbnail of ${first.name}`} /> : <FrameIcon />}</div>
      <div class="selection__text">
        <p class="selection__title" title={first.name}>
          {first.name}
        </p>
        <p class="muted">
          {typeName(first.type)} · {Math.round(first.width)} × {Math.round(first.height)}
          {rest.length > 0 ? ` · +${rest.length} more (${rest.slice(0, 3).map((n) => n.name).join(", ")}${rest.length > 3 ? ", …" : ""})` : ""}
        </p>
        {unsupported.length > 0 ? <UnsupportedList items={unsupported} /> : null}
      </div>
    </section>
  );
}

function UnsupportedList({ items }: { items: SelectionSummary["unsupported"] }) {
  return (
    <ul class="unsupported" aria-label="Layers that cannot be exported">
      {items.slice(0, 4).map((item) => (
        <li key={item.id}>
          <WarningIcon />
          <span>
            <strong>{item.name}</strong> ({typeName(item.type)}): {item.reason}
          </span>
        </li>
      ))}
      {items.length > 4 ? <li class="muted">and {items.length - 4} more that cannot be exported</li> : null}
    </ul>
  );
}
