/**
 * Bench section "prototype" (issue 52's goals): every real file in the repo with interactions (test/fixtures/real),
 * exported whole (every top-level frame a page), in HTML and React (CSS modules), checked in Chromium
 * (bench/prototype-checks.ts): clicks that navigate to an exported frame land on its page (%); hover and press
 * variants show the variant's colours and sizes (%); fixed and sticky layers stay in place after scrolling 1,000 px
 * (%); the transitions the CSS plays have the design's durations and easings (% of the interactions with one, each
 * listed); under reduced motion none plays; clicks that open an overlay open a modal dialog that Escape closes (the
 * focus back on the trigger) and a click outside closes as set (no real file opens one: the synthetic control
 * codegen/prototype/overlay-design.ts has rows of its own); and every frame's design-width IoU × matched with the
 * prototype against the same export without it (within 0.005). Quick: the smallest such file.
 *   BENCH_ONLY=prototype npm run bench
 */
import { inOneContext, type PageHost } from "../cli/measure/browser.js";
import { resultPage } from "../cli/measure/result-page.js";
import { scoreCode } from "../cli/measure/score.js";
import type { RestNode } from "../codegen/fidelity/design-nodes.js";
import { generateCode, loadDesign, type CodeOptions, type DesignDocument, type SourceFile } from "../codegen/index.js";
import { htmlPagePaths } from "../codegen/emit/html/emit.js";
import { realFiles, type RealFile } from "../test/helpers/real-files.js";
import { OVERLAYS_FILE } from "../codegen/prototype/overlay-design.js";
import {
  checkNavigations,
  checkOverlays,
  checkPinned,
  checkStates,
  checkToggles,
  type Checks,
  type Screens,
} from "./prototype-checks.js";
import { QUICK, quickSmallest, withBenchBrowser } from "./quick.js";
import { round, type BenchResults } from "./results.js";

const TARGETS = [
  { key: "html", options: { target: "html", styling: "css-modules", nodeIds: true } },
  { key: "react", options: { target: "react", styling: "css-modules", nodeIds: true } },
] as const satisfies readonly { key: string; options: CodeOptions }[];

const FIDELITY_TOLERANCE = 0.005;

interface Run extends Checks {
  file: string;
  target: string;
  interactions: number;
  fidelity: { frame: string; with: number; without: number }[];
}

/** The export as the CLI makes it for a whole file: every top-level frame. */
function wholeExport(file: RealFile): DesignDocument | undefined {
  try {
    return loadDesign(file.json, [], {}, { topLevel: "frames" }).document;
  } catch {
    return undefined;
  }
}

const interactionsOf = (doc: DesignDocument): number =>
  Object.values(doc.prototype?.layers ?? {}).reduce((n, l) => n + (l.interactions?.length ?? 0), 0);

/** React's routes, from src/routes.ts (one per screen, in the frames' order). */
const routesOf = (files: readonly SourceFile[]): string[] =>
  [...(files.find((f) => f.path === "src/routes.ts")?.content ?? "").matchAll(/path: "([^"]*)"/g)].map((m) => m[1]!);

/** React files that show screen `name` alone (no router: src/App.tsx draws it), for scoring one frame. */
function oneScreen(files: readonly SourceFile[], name: string): SourceFile[] {
  const app = [
    'import "./index";',
    `import { ${name} } from "./screens/${name}";`,
    "",
    "export default function App() {",
    `  return <${name} />;`,
    "}",
    "",
  ].join("\n");
  return [
    ...files.filter((f) => f.path !== "src/routes.ts" && f.path !== "src/App.tsx"),
    { path: "src/App.tsx", content: app },
  ];
}

/** The reply's node of `id` (a file's document, or a nodes reply's `nodes`). */
function restNode(json: unknown, id: string): RestNode | undefined {
  const stack: unknown[] = [json];
  while (stack.length > 0) {
    const value = stack.pop();
    if (Array.isArray(value)) stack.push(...value);
    else if (typeof value === "object" && value !== null) {
      const node = value as Record<string, unknown>;
      if (node["id"] === id && typeof node["type"] === "string") return node as unknown as RestNode;
      for (const key of ["document", "nodes", "children"]) if (key in node) stack.push(node[key]);
      if (!("document" in node) && !("children" in node) && !("id" in node)) stack.push(...Object.values(node));
    }
  }
  return undefined;
}

/** Design-width IoU × matched of each frame, with the prototype and without it. */
async function fidelity(
  host: PageHost,
  json: unknown,
  doc: DesignDocument,
  options: CodeOptions,
): Promise<Run["fidelity"]> {
  const { prototype: _p, variants: _v, ...bare } = doc;
  const [withCode, without] = [await generateCode(doc, options), await generateCode(bare, options)];
  const paths = htmlPagePaths(doc.frames.map((f) => f.name));
  const screens = (files: readonly SourceFile[]) =>
    files.filter((f) => /^src\/screens\/[^/]+\.tsx$/.test(f.path)).map((f) => f.path.slice(12, -4));
  const out: Run["fidelity"] = [];
  for (const [i, frame] of doc.frames.entries()) {
    if (frame.hidden || !restNode(json, frame.id)) continue;
    const score = async (files: SourceFile[], screen: string | undefined) =>
      (
        await scoreCode(host, {
          frame: restNode(json, frame.id)!,
          files: options.target === "react" && screen ? oneScreen(files, screen) : files,
          target: options.target,
          widths: [0],
          ...(options.target === "html" ? { entry: paths[i]! } : {}),
        })
      ).iouMatched;
    const a = await score(withCode.files, screens(withCode.files)[i]);
    const b = await score(without.files, screens(without.files)[i]);
    out.push({ frame: frame.name, with: round(a), without: round(b) });
  }
  return out;
}

/** The export's screens in one target: its files as the preview shows them, each frame's page or route. */
async function screensOf(doc: DesignDocument, target: (typeof TARGETS)[number]): Promise<Screens> {
  const code = await generateCode(doc, target.options);
  const shown = await resultPage(code.files, target.options.target);
  const routes = routesOf(code.files);
  // React without a router (one screen, nothing to go to): the screen is the app (no route to take).
  const reactPaths = routes.length === 0 && doc.frames.length === 1 ? [""] : routes;
  const paths = target.key === "html" ? htmlPagePaths(doc.frames.map((f) => f.name)) : reactPaths;
  return { target: target.options.target, files: shown.files, entry: shown.entry, paths };
}

const emptyChecks = (): Checks => ({
  navigations: { landed: 0, total: 0 },
  states: { same: 0, total: 0, differing: [] },
  pinned: { inPlace: 0, total: 0, off: [] },
  transitions: [],
  reduced: { none: 0, total: 0 },
  overlays: { asSet: 0, total: 0, off: [] },
  toggles: { flipped: 0, total: 0, off: [] },
});

/** The synthetic control for overlays (no real file in the repo opens one): codegen/prototype/overlay-design.ts. */
export const OVERLAY_CONTROL = "overlay-design.ts (synthetic control)";

export async function prototypeSection(results: BenchResults): Promise<void> {
  const candidates = realFiles()
    .map((file) => ({ file, doc: wholeExport(file) }))
    .filter((c): c is { file: RealFile; doc: DesignDocument } => c.doc !== undefined && interactionsOf(c.doc) > 0);
  const files = quickSmallest(candidates, (c) => c.file.bytes);
  const runs: Run[] = [];
  const control: Run[] = [];
  await withBenchBrowser(async (browser) => {
    await inOneContext(browser, async (host) => {
      for (const { file, doc } of files)
        for (const target of TARGETS) {
          const s = await screensOf(doc, target);
          const run: Run = {
            file: file.name,
            target: target.key,
            interactions: interactionsOf(doc),
            ...emptyChecks(),
            fidelity: [],
          };
          const all = s.paths.length === doc.frames.length;
          if (all) await checkNavigations(host, doc, s, run);
          await checkStates(host, file.json, doc, s, target.options, run);
          if (all) await checkPinned(host, doc, s, run);
          if (all) await checkOverlays(host, doc, s, run);
          if (all) await checkToggles(host, doc, s, run);
          run.fidelity = await fidelity(host, file.json, doc, target.options);
          runs.push(run);
        }
      const doc = loadDesign(OVERLAYS_FILE, [], {}, { topLevel: "frames" }).document;
      for (const target of TARGETS) {
        const run: Run = {
          file: OVERLAY_CONTROL,
          target: target.key,
          interactions: interactionsOf(doc),
          ...emptyChecks(),
          fidelity: [],
        };
        await checkOverlays(host, doc, await screensOf(doc, target), run);
        control.push(run);
      }
    });
  });
  report(results, runs, control);
}

const pct = (n: number, total: number): string =>
  total === 0 ? "—" : `${((100 * n) / total).toFixed(1)} % (${n}/${total})`;

function report(results: BenchResults, runs: Run[], control: Run[]): void {
  const sum = (f: (r: Run) => number, rs: Run[] = runs) => rs.reduce((n, r) => n + f(r), 0);
  const worst = (r: Run) => Math.max(0, ...r.fidelity.map((f) => Math.abs(f.with - f.without)));
  for (const r of runs)
    results.set("prototype", ["files", `${r.file} ${r.target}`], {
      interactions: r.interactions,
      navigations: r.navigations,
      states: { same: r.states.same, total: r.states.total, differing: r.states.differing },
      pinned: { inPlace: r.pinned.inPlace, total: r.pinned.total, off: r.pinned.off },
      transitions: r.transitions.map((t) => ({ ...t })),
      reducedMotion: r.reduced,
      overlays: { asSet: r.overlays.asSet, total: r.overlays.total, off: r.overlays.off },
      toggles: { flipped: r.toggles.flipped, total: r.toggles.total, off: r.toggles.off },
      fidelity: r.fidelity.map((f) => ({ ...f })),
      fidelityWorstDelta: round(worst(r)),
    });
  const transitions = runs.flatMap((r) => r.transitions.map((t) => ({ ...t, file: r.file, target: r.target })));
  const equal = transitions.filter((t) => t.equal).length;
  const frames = sum((r) => r.fidelity.length);
  const within = sum((r) => r.fidelity.filter((f) => Math.abs(f.with - f.without) <= FIDELITY_TOLERANCE).length);
  results.set("prototype", ["summary"], {
    files: [...new Set(runs.map((r) => r.file))],
    navigationsLanded: sum((r) => r.navigations.landed),
    navigations: sum((r) => r.navigations.total),
    statesSame: sum((r) => r.states.same),
    states: sum((r) => r.states.total),
    pinnedInPlace: sum((r) => r.pinned.inPlace),
    pinned: sum((r) => r.pinned.total),
    transitionsEqual: equal,
    transitions: transitions.length,
    reducedNone: sum((r) => r.reduced.none),
    reduced: sum((r) => r.reduced.total),
    overlaysAsSet: sum((r) => r.overlays.asSet),
    overlays: sum((r) => r.overlays.total),
    togglesFlipped: sum((r) => r.toggles.flipped),
    toggles: sum((r) => r.toggles.total),
    controlOverlaysAsSet: sum((r) => r.overlays.asSet, control),
    controlOverlays: sum((r) => r.overlays.total, control),
    framesWithinTolerance: within,
    frames,
    quick: QUICK,
  });
  results.print(`\n## prototype: the design's interactions clicked through in Chromium\n`);
  results.print(
    `Every real file with interactions (${[...new Set(runs.map((r) => r.file))].join(", ")}), exported whole, ` +
      `in HTML and React (CSS modules). Overlays: none of them opens one; the overlay column's control is the ` +
      `synthetic ${OVERLAY_CONTROL} (codegen/prototype/overlay-design.ts), in its own rows.\n`,
  );
  const rows = runs.map((r) => [
    `${r.file} ${r.target}`,
    String(r.interactions),
    pct(r.navigations.landed, r.navigations.total),
    pct(r.states.same, r.states.total),
    pct(r.pinned.inPlace, r.pinned.total),
    pct(r.transitions.filter((t) => t.equal).length, r.transitions.length),
    pct(r.reduced.none, r.reduced.total),
    pct(r.overlays.asSet, r.overlays.total),
    pct(r.toggles.flipped, r.toggles.total),
    `${r.fidelity.filter((f) => Math.abs(f.with - f.without) <= FIDELITY_TOLERANCE).length}/${r.fidelity.length} ` +
      `(worst Δ ${worst(r).toFixed(4)})`,
  ]);
  results.print(
    [
      "| file target | interactions | navigate lands | hover/press look | fixed/sticky in place | " +
        "transitions = design | " +
        "reduced motion: none | overlays open as dialogs, close as set | " +
        "click toggles flip and flip back | frames IoU×matched within 0.005 |",
      "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
      ...rows.map((r) => `| ${r.join(" | ")} |`),
      ...control.map(
        (r) =>
          `| ${r.file} ${r.target} | ${r.interactions} | — | — | — | — | — | ` +
          `${pct(r.overlays.asSet, r.overlays.total)} | — | — |`,
      ),
    ].join("\n"),
  );
  results.print(`\nEach interaction with a transition (design → what the CSS plays):\n`);
  results.print(
    [
      "| file target | layer | kind | design | CSS | equal |",
      "|---|---|---|---|---|---|",
      ...transitions.map(
        (t) =>
          `| ${t.file} ${t.target} | ${t.layer.slice(0, 30)} | ${t.kind} | ${t.design.slice(0, 40)} | ` +
          `${t.css} | ${t.equal ? "yes" : "**no**"} |`,
      ),
    ].join("\n"),
  );
  const off = [...runs, ...control].flatMap((r) => [
    ...r.states.differing.map((d) => `${r.file} ${r.target}: state ${d}`),
    ...r.pinned.off.map((d) => `${r.file} ${r.target}: pinned ${d}`),
    ...r.overlays.off.map((d) => `${r.file} ${r.target}: overlay ${d}`),
    ...r.toggles.off.map((d) => `${r.file} ${r.target}: toggle ${d}`),
  ]);
  if (off.length > 0) results.print(`\nDiffering:\n${off.map((o) => `- ${o}`).join("\n")}\n`);
}
