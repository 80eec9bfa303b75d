/** Placeholder for the panels that arrive in a later version. */
import type { Command } from "../../plugin/messages.js";

const TITLES: Record<Exclude<Command, "code" | "settings">, string> = {
  image: "Generate image",
  analyze: "Analyze selection",
  search: "Search frames",
};

export function ComingSoonPanel({ command, onOpenCode }: { command: Exclude<Command, "code" | "settings">; onOpenCode(): void }) {
  return (
    <div class="panel panel--soon">
      <div class="soon">
        <h2 class="soon__title">{TITLES[command]}</h2>
        <p class="muted">This panel is coming in a later version of Figment.</p>
        <button type="button" class="button button--primary" onClick={onOpenCode}>
          Open Generate code
        </button>
      </div>
    </div>
  );
}
