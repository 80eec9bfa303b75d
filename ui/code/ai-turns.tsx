/**
 * The conversation with the model for one frame: every turn stays selectable, and refinements build on the selected
 * one.
 */
import { percent, scoreTone } from "../../codegen/fidelity/summary.js";
import type { AiSession, AiTurn } from "./ai-job.js";
import { turnKey } from "./ai-score.js";

export { RefineBox } from "../controls/refine-box.js";

/** A turn's score in its tab: the share, "…" while measured, nothing when it could not be. */
function TurnScore({ turn, measuring }: { turn: AiTurn; measuring: boolean }) {
  const state = turn.score;
  if (state?.status === "done" && state.score.matched > 0)
    return <span class={`turn__score turn__score--${scoreTone(state.score)}`}>{percent(state.score.iouMatched)}</span>;
  if (!state && measuring)
    return (
      <span class="turn__score muted" role="img" aria-label="measuring">
        …
      </span>
    );
  return null;
}

/** The tab's title: the request, and how closely the turn matches the design once measured. */
function turnTitle(turn: AiTurn): string {
  const asked = turn.instructions || "First answer";
  const state = turn.score;
  return state?.status === "done" && state.score.matched > 0
    ? `${asked} · matches the design ${percent(state.score.iouMatched)}`
    : asked;
}

export function TurnBar({
  session,
  measuring,
  onSelect,
}: {
  session: AiSession;
  measuring?: string | undefined;
  onSelect(index: number): void;
}) {
  return (
    <div class="turns" role="tablist" aria-label={`Model turns for ${session.frame.name}`}>
      {session.turns.map((turn, index) => (
        <button
          key={turn.n}
          type="button"
          role="tab"
          aria-selected={index === session.selected}
          class={`turn${index === session.selected ? " is-active" : ""}`}
          title={turnTitle(turn)}
          onClick={() => onSelect(index)}
        >
          {turn.n}.{" "}
          {turn.instructions
            ? turn.instructions.length > 28
              ? `${turn.instructions.slice(0, 27)}…`
              : turn.instructions
            : "Answer"}
          <TurnScore turn={turn} measuring={measuring === turnKey(session, turn)} />
        </button>
      ))}
    </div>
  );
}

/**
 * A correction round's verdict on the turn on show: the one that made it, else the last one of it that was not kept.
 */
function FixVerdict({ turn }: { turn: AiTurn }) {
  const tried = turn.tried ?? [];
  const last = tried[tried.length - 1];
  if (turn.fix) return <p class="fix-verdict fix-verdict--kept">Fix differences: {turn.fix.message}</p>;
  if (!last) return null;
  return (
    <p class="fix-verdict" role="status">
      Fix differences{tried.length > 1 ? ` (tried ${tried.length} times)` : ""}: {last.message}
    </p>
  );
}

export function TurnSummary({ session }: { session: AiSession }) {
  const turn = session.turns[session.selected];
  if (!turn) return null;
  const repaired =
    turn.repair === "kept"
      ? " · repaired in a second round"
      : turn.repair === "discarded"
        ? " · repair did not help; first answer kept"
        : turn.repair === "failed" || turn.repair === "cancelled"
          ? " · repair round did not finish"
          : "";
  const base =
    turn.parent !== undefined
      ? ` · ${turn.fix ? "fixes" : "refines"} turn ${session.turns[turn.parent]?.n ?? "?"}`
      : "";
  return (
    <div class="turn-summary">
      <p class="muted">
        {turn.model} · {(turn.ms / 1000).toFixed(1)} s{base}
        {repaired}
      </p>
      <FixVerdict turn={turn} />
      {turn.notes ? <p class="turn-summary__notes">{turn.notes}</p> : null}
    </div>
  );
}
