/**
 * A hand-written page whose texts lie under pseudo-elements as hand-written code and models draw them (issue 49), and
 * the design it is measured against: eight 50-px sections, each a frame holding one text. What the score must say of
 * each (PSEUDO_COVER_VERDICTS): an ancestor's opaque `::after` covers its text; one at z-index -1, or one the text is
 * positioned above, does not; a see-through one veils (illegible where the contrast drops under 3:1); a sibling's
 * `::before` covers or veils as an ancestor's does; a sibling's `::after` beside the text, over a transparent box
 * that lies over the text, does not.
 */
import type { RestNode } from "../../codegen/fidelity/design-nodes.js";

const box = (x: number, y: number, width: number, height: number) => ({ x, y, width, height });
const solid = (hex: string) => {
  const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255);
  return [{ type: "SOLID", color: { r, g, b, a: 1 } }];
};

/** The sections, 60 px apart: each a frame holding one text, the text's colour and the section's fill. */
const SECTIONS = [
  { n: 1, name: "Hero", ink: "#000000" },
  { n: 2, name: "Under", ink: "#ffffff", fill: "#111111" },
  { n: 3, name: "Raised", ink: "#ffffff", fill: "#111111" },
  { n: 4, name: "Dim", ink: "#222222", fill: "#dddddd" },
  { n: 5, name: "Mist", ink: "#000000" },
  { n: 6, name: "Smoke", ink: "#000000" },
  { n: 7, name: "Badge", ink: "#000000" },
  { n: 8, name: "Tinted", ink: "#ffffff", fill: "#333366" },
] as const;

export const PSEUDO_COVER_FRAME: RestNode = {
  id: "1:1",
  name: "Covers",
  type: "FRAME",
  absoluteBoundingBox: box(0, 0, 400, 480),
  fills: solid("#ffffff"),
  children: SECTIONS.map((s) => ({
    id: `3:${s.n}`,
    name: s.name,
    type: "FRAME",
    absoluteBoundingBox: box(0, (s.n - 1) * 60, 400, 50),
    ...("fill" in s ? { fills: solid(s.fill) } : {}),
    children: [
      {
        id: `2:${s.n}`,
        name: `${s.name} text`,
        type: "TEXT",
        characters: `${s.name} words to read`,
        style: { fontFamily: "sans-serif", fontSize: 16, lineHeightPx: 20 },
        fills: solid(s.ink),
        absoluteBoundingBox: box(10, (s.n - 1) * 60 + 15, 200, 20),
      },
    ],
  })),
} as RestNode;

export const PSEUDO_COVER_PAGE = `<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; font: 16px/20px sans-serif; background: #fff; }
.frame { position: relative; width: 400px; height: 480px; }
section { position: absolute; left: 0; width: 400px; height: 50px; }
section p { position: absolute; margin: 0; left: 10px; top: 15px; white-space: nowrap; }
.cover::after, .cover-sib::before, .cover-sib::after { content: ""; position: absolute; }
/* An opaque overlay over everything in the hero. */
.hero::after { inset: 0; background: #111; }
/* A dark box under the text: z-index -1. */
.under::after { inset: 0; background: #111; z-index: -1; }
/* An overlay the text is positioned above. */
.raised::after { inset: 0; background: #111; }
.raised p { z-index: 1; }
/* A see-through dark overlay: dark text on light grey drops under 3:1. */
.dim { background: #ddd; }
.dim::after { inset: 0; background: rgba(0, 0, 0, 0.6); }
/* Siblings' pseudo-elements: a light mist, a dark smoke, and a badge beside the text over a transparent box. */
.sib { position: absolute; inset: 0; }
.mist::before { inset: 0; background: rgba(255, 255, 255, 0.2); }
.smoke::before { inset: 0; background: rgba(0, 0, 0, 0.8); }
.badge::after { right: 10px; top: 15px; width: 20px; height: 20px; background: #000; }
/* A see-through dark overlay on a dark fill: white text stays legible. */
.tinted { background: #336; }
.tinted::after { inset: 0; background: rgba(0, 0, 0, 0.3); }
</style></head><body><div class="frame" data-node-id="1:1">
${SECTIONS.map((s) => {
  const cls = {
    Hero: "hero cover",
    Under: "under cover",
    Raised: "raised cover",
    Dim: "dim cover",
    Tinted: "tinted cover",
  }[s.name as string];
  const sibling = { Mist: "mist", Smoke: "smoke", Badge: "badge" }[s.name as string];
  return (
    `<section class="${cls ?? ""}" style="top:${(s.n - 1) * 60}px" data-node-id="3:${s.n}">` +
    `<p data-node-id="2:${s.n}" style="color:${s.ink}">${s.name} words to read</p>` +
    (sibling ? `<div class="sib cover-sib ${sibling}"></div>` : "") +
    `</section>`
  );
}).join("\n")}
</div></body></html>`;

/** The texts the score reports at the design width, with their class and detail. */
export const PSEUDO_COVER_VERDICTS = {
  "2:1": { class: "covered", detail: /^under the ::after of “Hero”$/ },
  "2:4": { class: "illegible", detail: /^contrast 2\.\d{1,2}:1 \(needs 3:1\) under the ::after of “Dim”$/ },
  "2:6": {
    class: "illegible",
    detail: /^contrast 1\.\d{1,2}:1 \(needs 3:1\) under the ::before of a <div> that is no layer of the design$/,
  },
} as const;
