/**
 * A result's fidelity score at a glance — "Matches the design 96 % · Phone: all text visible", or, closed, leading
 * with text a phone or tablet reader cannot read ("Matches the design 94 % · Phone: 9 % illegible") — and, opened, the
 * layers that are off (design box vs rendered box, by how much; missing or hidden), worst first, then the texts a
 * reader does not see at each width. Choosing one selects it on the canvas and outlines it in the preview. The words
 * are codegen/fidelity/summary.ts's, the same as the CLI prints.
 */
import type { ComponentChildren } from "preact";
import { useState } from "preact/hooks";
import type { Box, FidelityScore, LayerDiff } from "../../../codegen/fidelity/types.js";
import {
  boxDelta,
  fontWords,
  MATCH_WORDS,
  pageWords,
  percent,
  scoreSummary,
  scoreTone,
  textClassLabel,
  textWords,
  unreadWords,
  widthLabel,
} from "../../../codegen/fidelity/summary.js";
import { drawingLabel, drawingsSummary, pageTone } from "../../../codegen/fidelity/drawings.js";
import { plural } from "../../../kernel/plural.js";
import { ChevronIcon, InfoIcon, WarningIcon } from "../../controls/icons.js";
import type { ScoreState } from "./score-state.js";

export interface ScoreViewProps {
  state: ScoreState;
  /** The layer outlined in the preview, if any. */
  selected: string | undefined;
  /** A layer was chosen: select it on the canvas and outline it in the preview. */
  onSelect(nodeId: string): void;
  /** Beside the headline of a measured score: what can be done about it ("Fix differences" on a model result). */
  action?: ComponentChildren;
}

export { scoreTone };

const round = (n: number): number => Math.round(n);
const boxText = (b: Box): string => `${round(b.x)}, ${round(b.y)} · ${round(b.width)} × ${round(b.height)}`;

/** What is wrong with one layer, in a designer's words: "40 px right, 12 px narrower", "missing", "hidden". */
export function problemWords(d: LayerDiff): string {
  if (d.problem === "missing") return "missing: not in the generated page";
  if (d.problem === "hidden" || !d.rendered) return "hidden: in the page but not shown";
  return boxDelta(d.design, d.rendered);
}

interface Row {
  nodeId: string;
  name: string;
  words: string;
  detail: string;
}

function rowsOf(score: FidelityScore): { title: string; rows: Row[] }[] {
  const layers = score.worst.map(
    (d): Row => ({
      nodeId: d.nodeId,
      name: d.name,
      words: problemWords(d),
      detail: d.rendered
        ? `Design ${boxText(d.design)} → rendered ${boxText(d.rendered)} · overlap ${percent(d.iou)}`
        : `Design ${boxText(d.design)}`,
    }),
  );
  const groups = [
    {
      title: layers.length > 0 ? `Layers off at the design width (${score.designWidth} px), worst first` : "",
      rows: layers,
    },
  ];
  for (const w of score.widths) {
    if (w.hiddenTexts.length === 0) continue;
    const title = `${widthLabel(w.width, score.designWidth)}: text a reader does not see`;
    groups.push({
      title,
      rows: w.hiddenTexts.map((t) => ({
        nodeId: t.nodeId,
        name: t.name,
        words: `${textClassLabel(t.problem)}: ${textWords(t)}`,
        detail: t.detail ? `${percent(t.visible)} of it on screen` : "",
      })),
    });
  }
  return groups.filter((g) => g.rows.length > 0);
}

/** What is wrong with the page as a whole, width by width: "Tablet (768 px): pinned left". */
function pageProblems(score: FidelityScore): string[] {
  return [...score.widths]
    .sort((a, b) => a.width - b.width)
    .flatMap((w) => {
      const words = pageWords(w);
      return words.length > 0 ? [`${widthLabel(w.width, score.designWidth)}: ${words.join(", ")}`] : [];
    });
}

/**
 * A page drawn at several widths (issue 70): each drawing's rows and page problems, titled by the drawing
 * ("Tablet 768 · Layers off at the design width …"), widest first.
 */
function drawingsRows(drawings: readonly FidelityScore[]): {
  groups: { title: string; rows: Row[] }[];
  page: string[];
} {
  return {
    groups: drawings.flatMap((d) =>
      rowsOf(d).map((g) => ({ ...g, title: `${drawingLabel(d.designWidth)} · ${g.title}` })),
    ),
    page: drawings.flatMap((d) => pageProblems(d).map((line) => `${drawingLabel(d.designWidth)} · ${line}`)),
  };
}

function Measured({ score, selected, onSelect, action }: { score: FidelityScore } & Omit<ScoreViewProps, "state">) {
  const [open, setOpen] = useState(false);
  const drawings = score.drawings;
  // A page drawn at several widths says each drawing's figure: "Desktop 1440: matches 99 % · Tablet 768: …".
  const summary = drawings ? drawingsSummary(drawings) : scoreSummary(score);
  // Closed, text a phone or tablet reader cannot read comes right after the figure, where the rest of the line would
  // be cut at the panel's width, and in the count's room; opened, the whole line says it in its place, once.
  const unread = open || drawings ? undefined : unreadWords(score);
  const fonts = fontWords(score);
  const tone = drawings ? pageTone(score) : scoreTone(score);
  const { groups, page } = drawings ? drawingsRows(drawings) : { groups: rowsOf(score), page: pageProblems(score) };
  const count = groups.reduce((n, g) => n + g.rows.length, 0) + page.length;
  const listId = `score-list-${score.frameId.replace(/[^A-Za-z0-9_-]/g, "-")}`;
  return (
    <section class={`score${open ? " is-open" : ""}`} aria-label="How closely the preview matches the design">
      <div class="score__head">
        <button
          type="button"
          class="score__header"
          aria-expanded={open}
          aria-controls={listId}
          title={fonts ? `${summary}\n${fonts}` : summary}
          onClick={() => setOpen(!open)}
        >
          <span class={`tree__chevron${open ? " is-open" : ""}`}>
            <ChevronIcon />
          </span>
          <span class={`score__dot score__dot--${tone}`} aria-hidden="true" />
          {unread ? (
            // "Matches the design" only where it fits whole (styles.css).
            <span class="score__summary score__summary--unread">
              <span>{MATCH_WORDS} </span>
              <span class="score__lead">
                {percent(score.iouMatched)} · <span class="score__unread">{unread}</span>
              </span>
            </span>
          ) : (
            <span class="score__summary">
              {summary}
              {fonts ? <span class="score__fonts"> · fallback fonts</span> : null}
            </span>
          )}
          {unread ? null : (
            <span class="score__count muted">{count === 0 ? "nothing off" : plural(count, "difference")}</span>
          )}
        </button>
        {action}
      </div>
      {open ? (
        <div class="score__list" id={listId}>
          {fonts ? (
            <p class="score__note">
              <WarningIcon /> {fonts}.
            </p>
          ) : null}
          {groups.length === 0 && page.length === 0 ? (
            <p class="score__empty muted">
              Every layer is where the design has it, and every text is seen at each width.
            </p>
          ) : null}
          {groups.map((group) => (
            <fieldset key={group.title} aria-label={group.title}>
              <p class="score__group muted">{group.title}</p>
              <ul class="score__rows">
                {group.rows.map((row) => (
                  <li key={`${group.title}:${row.nodeId}`}>
                    <button
                      type="button"
                      class={`score__row${row.nodeId === selected ? " is-selected" : ""}`}
                      aria-current={row.nodeId === selected ? "true" : undefined}
                      title={`Select “${row.name}” in Figma and outline it in the preview`}
                      onClick={() => onSelect(row.nodeId)}
                    >
                      <span class="score__name one-line">{row.name}</span>
                      <span class="score__words">{row.words}</span>
                      {row.detail ? <span class="score__detail muted">{row.detail}</span> : null}
                    </button>
                  </li>
                ))}
              </ul>
            </fieldset>
          ))}
          {page.length > 0 ? (
            <fieldset aria-label="The page as a whole">
              <p class="score__group muted">The page as a whole</p>
              <ul class="score__rows">
                {page.map((line) => (
                  <li key={line} class="score__page">
                    {line}
                  </li>
                ))}
              </ul>
            </fieldset>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}

export function ScoreView({ state, selected, onSelect, action }: ScoreViewProps) {
  if (state.status === "measuring") {
    return (
      <p class="score score--note muted" role="status">
        <span class="score__dot score__dot--busy" aria-hidden="true" /> Measuring the preview against the design…
      </p>
    );
  }
  if (state.status === "failed") {
    return (
      <p class="score score--note muted" role="status" title={state.message}>
        <InfoIcon /> The preview could not be measured: {state.message}
      </p>
    );
  }
  if (state.score.matched === 0) {
    return (
      <p class="score score--note" role="status">
        <WarningIcon /> Not compared with the design: no element of the code carries a layer id (data-node-id)
      </p>
    );
  }
  return <Measured score={state.score} selected={selected} onSelect={onSelect} action={action} />;
}
