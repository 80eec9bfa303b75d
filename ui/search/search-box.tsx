/**
 * What is being searched: the typed words, or “Like ‹frame›” (clearable); ↑/↓ move through the rows and Enter
 * opens the selected one. Beside it, "Like selection" (enabled when the selected layer's frame is indexed) and
 * Refresh (scan the file again).
 */
import { CloseIcon } from "../controls/icons.js";
import type { LikeFrame } from "./search-session.js";

export interface SearchBoxProps {
  text: string;
  like: LikeFrame | undefined;
  /** The selection's indexed frame, for "Like selection". */
  selected: LikeFrame | undefined;
  scanning: boolean;
  onText(text: string): void;
  onLike(frame: LikeFrame | undefined): void;
  onRefresh(): void;
  onKey(key: "up" | "down" | "enter"): void;
  activeRow: string | undefined;
}

const KEYS: Readonly<Record<string, "up" | "down" | "enter">> = { ArrowUp: "up", ArrowDown: "down", Enter: "enter" };

export function SearchBox({
  text,
  like,
  selected,
  scanning,
  onText,
  onLike,
  onRefresh,
  onKey,
  activeRow,
}: SearchBoxProps) {
  const clearable = like !== undefined || text !== "";
  return (
    <div class="search-bar">
      <div class="search-box">
        {like ? (
          <span class="search-like" title={`Frames like “${like.name}”`}>
            Like “<span class="search-like__name">{like.name}</span>”
          </span>
        ) : null}
        <input
          class="search-box__input"
          type="search"
          aria-label="Search frames"
          aria-controls="search-results"
          aria-activedescendant={activeRow}
          placeholder={like ? "" : "Search frames by name or text"}
          value={like ? "" : text}
          maxLength={500}
          onInput={(e) => onText(e.currentTarget.value)}
          onKeyDown={(e) => {
            const key = KEYS[e.key];
            if (key) {
              e.preventDefault();
              onKey(key);
            } else if (e.key === "Backspace" && like && e.currentTarget.value === "") onLike(undefined);
          }}
        />
        {clearable ? (
          <button
            type="button"
            class="icon-button search-box__clear"
            aria-label="Clear the search"
            onClick={() => (like ? onLike(undefined) : onText(""))}
          >
            <CloseIcon />
          </button>
        ) : null}
      </div>
      <button
        type="button"
        class="button button--secondary"
        disabled={!selected}
        title={
          selected ? `Frames like “${selected.name}”` : "Select a layer in an indexed frame to find frames like it"
        }
        onClick={() => selected && onLike(selected)}
      >
        Like selection
      </button>
      <button
        type="button"
        class="button button--secondary"
        disabled={scanning}
        title="Read every page again"
        onClick={onRefresh}
      >
        Refresh
      </button>
    </div>
  );
}
