/** The conversation with the model for one frame: every turn stays selectable, and refinements build on the selected one. */
import type { AiSession } from "./ai-job.js";

export { RefineBox } from "../components/refine-box.js";

export function TurnBar({ session, onSelect }: { session: AiSession; onSelect(index: number): void }) {
  return (
    <div class="turns" role="tablist" aria-label={`Model turns for ${session.frame.name}`}>
      {session.turns.map((turn, index) => (
        <button
          key={turn.n}
          type="button"
          role="tab"
          aria-selected={index === session.selected}
          class={`turn${index === session.selected ? " is-active" : ""}`}
          title={turn.instructions || "First answer"}
          onClick={() => onSelect(index)}
        >
          {turn.n}. {turn.instructions ? (turn.instructions.length > 28 ? `${turn.instructions.slice(0, 27)}…` : turn.instructions) : "Answer"}
        </button>
      ))}
    </div>
  );
}

export function TurnSummary({ session }: { session: AiSession }) {
  const turn = session.turns[session.selected];
  if (!turn) return null;
  const repaired = turn.repair === "kept" ? " · repaired in a second round" : turn.repair === "discarded" ? " · repair did not help; first answer kept" : turn.repair === "failed" || turn.repair === "cancelled" ? " · repair round did not finish" : "";
  const base = turn.parent !== undefined ? ` · refines turn ${session.turns[turn.parent]?.n ?? "?"}` : "";
  return (
    <div class="turn-summary">
      <p class="muted">
        {turn.model} · {(turn.ms / 1000).toFixed(1)} s{base}
        {repaired}
      </p>
      {turn.notes ? <p class="turn-summary__notes">{turn.notes}</p> : null}
    </div>
  );
}
