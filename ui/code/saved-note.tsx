/**
 * Says that the result on show was reopened from History, and for an AI result lists its turns (requests and the
 * model's notes). In the Insert-as-layers part (layers-part.tsx), which comes with the result, not in ui.html.
 */
import { InfoIcon } from "../controls/icons.js";
import { fullDate } from "../lib/time-ago.js";
import type { MainRequests } from "../channel/requests.js";
import type { SavedInfo } from "./code-job.js";
import { plural } from "../../kernel/plural.js";
import "./result-note.css";
import "./saved-note.css";

export interface SavedNoteProps {
  saved: SavedInfo;
  /** Fetches the part this note is in (layers-loader.tsx). */
  requests: MainRequests;
}

export function SavedNote({ saved }: SavedNoteProps) {
  const turns = saved.turns ?? [];
  const asked = turns.filter((t) => t.role === "user").length;
  return (
    <div class="result-note saved-note" role="note">
      <p class="result-note__line saved-note__line">
        <InfoIcon /> From History · saved {fullDate(saved.createdAt)}
        {saved.model ? ` · ${saved.model}` : ""}
      </p>
      {saved.mode === "ai" ? (
        <p class="result-note__line saved-note__line muted">
          The model's conversation is not kept in History:{" "}
          {saved.page
            ? "Design again starts a new one from the page's brief."
            : "Refine with AI starts a new one on the selected frame."}
        </p>
      ) : null}
      {turns.length > 0 ? (
        <details class="saved-note__turns">
          <summary>{plural(asked, "turn")}</summary>
          <ol>
            {turns.map((t, i) => (
              <li key={i} class={`saved-note__turn saved-note__turn--${t.role}`}>
                <strong>{t.role === "user" ? "You" : "Model"}:</strong> {t.text || <span class="muted">(no text)</span>}
              </li>
            ))}
          </ol>
        </details>
      ) : null}
    </div>
  );
}
