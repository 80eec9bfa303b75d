/**
 * The result rows: thumbnail, name with the matched words marked, page, a bar for the score relative to the best
 * hit, and the matching text or the frame's summary. A click (or Enter on the keyboard-selected row) selects the
 * frame on the canvas. Listed without a query, rows come page by page under the page's name.
 */
import { useEffect, useRef } from "preact/hooks";
import type { Part, SearchRow } from "./search-rows.js";
import { ResultThumb, useThumbWatcher } from "./result-thumb.js";
import type { ThumbnailCache } from "./thumbnail-cache.js";

function Marked({ parts }: { parts: Part[] }) {
  return <>{parts.map((p, i) => (p.mark ? <mark key={i}>{p.text}</mark> : p.text))}</>;
}

const plain = (parts: Part[]) => parts.map((p) => p.text).join("");

function ScoreBar({ row }: { row: SearchRow }) {
  if (row.relative === undefined) return null;
  const percent = Math.round(row.relative * 100);
  return (
    <span
      class="search-score"
      role="img"
      title={`Score ${row.score.toFixed(2)} · ${percent}% of the best match`}
      aria-label={`Relevance ${percent}%`}
    >
      <span class="search-score__fill" style={{ width: `${Math.max(percent, 4)}%` }} />
    </span>
  );
}

export interface ResultListProps {
  rows: SearchRow[];
  active: number;
  grouped: boolean;
  thumbnails: ThumbnailCache;
  onOpen(row: SearchRow): void;
  onHover(index: number): void;
}

export function ResultList({ rows, active, grouped, thumbnails, onOpen, onHover }: ResultListProps) {
  const list = useRef<HTMLUListElement>(null);
  const watcher = useThumbWatcher(thumbnails);
  useEffect(() => {
    list.current?.querySelector(".search-row.is-active")?.scrollIntoView?.({ block: "nearest" });
  }, [active]);
  return (
    // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: ARIA in HTML allows ul as a listbox
    <ul ref={list} class="search-results" id="search-results" role="listbox" aria-label="Frames">
      {rows.map((row, i) => (
        <li key={row.id} role="presentation">
          {grouped && row.page !== rows[i - 1]?.page ? <h4 class="search-page">{row.page || "Page"}</h4> : null}
          {/* biome-ignore lint/a11y/useKeyWithClickEvents: aria-activedescendant listbox: the field has the keys */}
          {/* biome-ignore lint/a11y/useFocusableInteractive: activedescendant options are never focused */}
          <div
            id={`search-row-${i}`}
            role="option"
            aria-selected={i === active}
            class={`search-row${i === active ? " is-active" : ""}`}
            data-node-id={row.id}
            title={`Select “${plain(row.name)}” on the canvas`}
            onClick={() => onOpen(row)}
            onMouseMove={() => i !== active && onHover(i)}
          >
            <ResultThumb cache={thumbnails} watcher={watcher} id={row.id} hash={row.hash} />
            <span class="search-row__text">
              <span class="search-row__head">
                <span class="search-row__name one-line">
                  <Marked parts={row.name} />
                </span>
                <ScoreBar row={row} />
              </span>
              <span class="search-row__meta muted">
                {grouped ? null : <span class="search-row__page one-line">{row.page}</span>}
                <span class="search-row__snippet one-line">
                  <Marked parts={row.snippet} />
                </span>
              </span>
            </span>
          </div>
        </li>
      ))}
    </ul>
  );
}
