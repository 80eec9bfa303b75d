/**
 * How often Figment's layout inference finds the direction a designer drew, on the flattened real files of the
 * corpus (test/fixtures/corpus/flat-*): each original auto-layout frame (still there, with its id, after
 * flattening) is given to inference as Figma's guess (`extras.inferredLayouts`, what the plugin reads from
 * `inferredAutoLayout`), and inference's report counts where its own direction agrees.
 *
 * Figma's heuristic itself runs only inside Figma, so the guess here is the best one it could make: the
 * designer's own auto layout. The figure is inference's agreement with the truth, and an upper bound of its
 * agreement with Figma's real guess.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { loadDesign } from "../../codegen/index.js";
import type { InferredAutoLayout } from "../../codegen/design/extras.js";
import { inferLayoutReported, type FrameVerdict, type LayoutReport } from "../../codegen/layout/index.js";
import { corpusImages, corpusJson, corpusPages, type CorpusPage } from "./corpus-frames.js";
import { fixturesRoot } from "./responsive-frames.js";

const GUESS_FIELDS = [
  "itemSpacing",
  "counterAxisSpacing",
  "paddingTop",
  "paddingRight",
  "paddingBottom",
  "paddingLeft",
  "primaryAxisAlignItems",
  "counterAxisAlignItems",
  "layoutWrap",
] as const;

interface RestLike {
  id?: unknown;
  layoutMode?: unknown;
  children?: unknown;
  [field: string]: unknown;
}

/** Every auto-layout frame of a REST reply, as the plugin would read `inferredAutoLayout` for it. */
export function autoLayoutsOf(json: unknown): Record<string, InferredAutoLayout> {
  const out: Record<string, InferredAutoLayout> = {};
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(walk);
    if (!value || typeof value !== "object") return;
    const node = value as RestLike;
    if (typeof node.id === "string" && (node.layoutMode === "HORIZONTAL" || node.layoutMode === "VERTICAL")) {
      const guess: Record<string, unknown> = { layoutMode: node.layoutMode };
      for (const field of GUESS_FIELDS) if (node[field] !== undefined) guess[field] = node[field];
      out[node.id] = guess as unknown as InferredAutoLayout;
    }
    for (const child of Object.values(node)) if (child && typeof child === "object") walk(child);
  };
  walk(json);
  return out;
}

/** The flattened page's source among the real fixtures (test/fixtures/figma/<name without flat->). */
function originalJson(page: CorpusPage): unknown {
  return JSON.parse(
    readFileSync(join(fixturesRoot(), "figma", `${page.name.replace(/^flat-/, "")}.nodes.json`), "utf8"),
  ) as unknown;
}

export interface Agreement {
  page: string;
  report: LayoutReport;
}

/** Inference on the flattened page with the original auto layouts as Figma's guesses. */
export function agreementOn(page: CorpusPage): Agreement {
  const json = corpusJson(page);
  const loaded = loadDesign(json, [], {
    images: corpusImages(json),
    inferredLayouts: autoLayoutsOf(originalJson(page)),
  });
  return { page: page.name, report: inferLayoutReported(loaded.document).report };
}

/** Every flattened page of the corpus. */
export function flattenedAgreements(): Agreement[] {
  return corpusPages()
    .filter((p) => p.kind === "flattened file")
    .map(agreementOn);
}

/** The pages' reports added up. */
export function totalAgreement(rows: readonly Agreement[]): LayoutReport {
  return rows.reduce(
    (sum, { report: r }) => ({
      containers: sum.containers + r.containers,
      suggested: sum.suggested + r.suggested,
      agreed: sum.agreed + r.agreed,
      used: sum.used + r.used,
      sectionsKept: [...sum.sectionsKept, ...r.sectionsKept],
      checked: [...sum.checked, ...r.checked],
    }),
    { containers: 0, suggested: 0, agreed: 0, used: 0, sectionsKept: [] as string[], checked: [] as FrameVerdict[] },
  );
}

/** One table row a page, and the total. */
export function agreementTable(rows: readonly Agreement[]): string {
  const line = (name: string, r: LayoutReport): string =>
    `| ${name} | ${r.containers} | ${r.suggested} | ${r.agreed} | ${r.used} | ${r.suggested - r.agreed - r.used} |`;
  return [
    "| page | containers inferred | with the designer's auto layout | same " +
      "direction | ours loose, the guess used | other direction or none |",
    "|---|---:|---:|---:|---:|---:|",
    ...rows.map((row) => line(row.page, row.report)),
    line("all", totalAgreement(rows)),
  ].join("\n");
}
