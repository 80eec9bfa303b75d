/**
 * The "Search frames" panel: the file's top-level frames found by their words as you type (and by meaning
 * with a model), or like the selected one; a click selects and zooms to the frame, switching page. Opening it
 * loads the stored index at once and scans the file in the background.
 */
import type { ComponentChildren } from "preact";
import { useEffect, useMemo, useState } from "preact/hooks";
import type { SelectionSummary } from "../../contract/messages.js";
import { ErrorIcon } from "../controls/icons.js";
import { selectedFrame } from "./like-selection.js";
import type { SearchAi } from "./search-ai.js";
import type { SearchSession } from "./search-session.js";
import { ResultList } from "./result-list.js";
import { ScanLine } from "./scan-line.js";
import { SearchBox } from "./search-box.js";
import { SearchEmpty } from "./search-empty.js";
import { useSearchResults } from "./use-search-results.js";
import "./search.css";

export interface SearchPanelProps {
  session: SearchSession;
  selection: SelectionSummary;
  hasKey: boolean;
  /** The model's side (ui/search/use-search-ai.ts); without it, search is by words only. */
  ai?: SearchAi;
  /** SLOT for the model side's enrich bar (captions and embeddings of the index): rendered under the search box. */
  enrichBar?: ComponentChildren;
  onOpenSettings(): void;
}

export function SearchPanel({ session, selection, hasKey, ai, enrichBar, onOpenSettings }: SearchPanelProps) {
  const { index, text, like } = session;
  const { loaded, scan } = index;
  useEffect(() => index.open(), []);
  const results = useSearchResults({ loaded, text, likeId: like?.id, ai });
  const [active, setActive] = useState(0);
  useEffect(() => setActive(0), [results]);
  const selected = useMemo(() => (loaded ? selectedFrame(selection, loaded.docs) : undefined), [loaded, selection]);
  const rows = results.rows;
  // The rows answer an older text while a query is on its way (the search worker starting, on the first open).
  const busy = loaded !== undefined && !results.error && results.term !== (like ? `like:${like.id}` : text);
  const onKey = (key: "up" | "down" | "enter") => {
    if (key === "enter") {
      const row = rows[active];
      if (row) session.focus({ id: row.id, name: row.name.map((p) => p.text).join("") });
    } else setActive((i) => Math.max(0, Math.min(rows.length - 1, i + (key === "down" ? 1 : -1))));
  };
  return (
    <div class="panel panel--search">
      <div class="panel__head search-head">
        <SearchBox
          text={text}
          like={like}
          selected={selected ? { id: selected.id, name: selected.name } : undefined}
          scanning={scan.phase === "scanning"}
          onText={session.setText}
          onLike={session.setLike}
          onRefresh={index.rescan}
          onKey={onKey}
          activeRow={rows[active] ? `search-row-${active}` : undefined}
        />
        <ScanLine scan={scan} frames={loaded?.index.docs.length} onCancel={index.cancel} onRescan={index.rescan} />
      </div>
      {enrichBar}
      {!hasKey ? (
        <p class="search-no-key muted" role="note">
          Search is by words in names and texts. With an API key it also finds frames by meaning.{" "}
          <button type="button" class="link-button" onClick={onOpenSettings}>
            Add a key in Settings
          </button>
        </p>
      ) : null}
      {results.meaningError ? (
        <p
          class="search-no-key muted"
          role="note"
        >{`Ranked by words only: search by meaning failed (${results.meaningError}).`}</p>
      ) : null}
      {results.error ? (
        <p
          class="search-no-key search-failed"
          role="alert"
        >{`Search failed: ${results.error}. Clear the box to list every frame, or close and reopen the plugin.`}</p>
      ) : null}
      {session.missing ? (
        <div class="notice notice--error search-missing" role="alert">
          <ErrorIcon />
          <div class="notice__body">
            <p class="notice__title">{`“${session.missing.name}” is no longer in the file`}</p>
            <p class="muted">
              It was deleted (or moved into another frame) after the last scan. Scan again to bring the results up to
              date.
            </p>
            <div class="notice__actions">
              <button
                type="button"
                class="button button--primary"
                disabled={scan.phase === "scanning"}
                onClick={() => {
                  session.dismissMissing();
                  index.rescan();
                }}
              >
                Scan again
              </button>
              <button type="button" class="button button--secondary" onClick={session.dismissMissing}>
                Dismiss
              </button>
            </div>
          </div>
        </div>
      ) : null}
      <div class="search-body" aria-busy={busy} data-ranking={results.ranking} data-term={results.term}>
        {loaded && rows.length > 0 ? (
          <ResultList
            rows={rows}
            active={active}
            grouped={results.ranking === "list"}
            thumbnails={session.thumbnails}
            onOpen={(row) => session.focus({ id: row.id, name: row.name.map((p) => p.text).join("") })}
            onHover={setActive}
          />
        ) : (
          <SearchEmpty
            loaded={loaded}
            loadError={index.loadError}
            scanning={scan.phase === "scanning"}
            cancelled={scan.phase === "cancelled"}
            text={text}
            like={like}
          />
        )}
        {busy ? (
          <p class="search-busy" role="status">
            Searching…
          </p>
        ) : null}
      </div>
    </div>
  );
}
