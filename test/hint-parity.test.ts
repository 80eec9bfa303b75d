/**
 * Code from the hint = code from the design (issue 72), on every frame of every real file and of the hint tests'
 * fixtures, in every target: the hint carries each decision the code was made with (the layout check's verdict and
 * its engine, the sections kept as drawn, the whole frame kept as drawn or as drawn at every width, the pages drawn at
 * several widths), and reading it decides none of them again. The check's verdicts are given as a browser would give
 * them — the simulator's own, and verdicts it would not reach (the whole frame kept as drawn; as drawn at every width;
 * its first section kept) — so that a reader deciding again would differ.
 *
 * With the hint's assets folder (`figment hints --assets DIR`: the data the hint does not carry, as it names a vector's
 * file and prints a token's value), read back as `figment code --from-hint --assets DIR` reads it, the emitted files
 * and notes are byte-equal. The hint alone differs only on frames that
 * have one of those two causes; how much that costs in the reader-sees score is the bench's hint-parity section.
 */
import { describe, expect, it } from "vitest";
import { checkLayout, simulatorEngine } from "../codegen/layout-check/index.js";
import { frameBuilder, infers, type LayoutDecisions } from "../codegen/layout/index.js";
import { sectionsOf } from "../codegen/layout/decide.js";
import {
  compareWithHint,
  PARITY_FILES,
  PARITY_TARGETS,
  parityCauses,
  parityFrames,
  readHint,
  targetLabel,
  withHintAssets,
} from "./helpers/hint-parity.js";
import { allDrawings } from "../codegen/design/drawings.js";
import type { HintRead, ParityFrame } from "./helpers/hint-parity.js";

const TIMEOUT = 600_000;

/** A difference's key: the frame and what differs — "notes" (the layout check's notes), else "files" (code). */
const differenceKey = (frame: string, path: string): string =>
  `${frame} ${path.startsWith("notes") || path === "no frames" ? path.split(" (")[0] : "files"}`;

/**
 * Causes found (issue 72 item 1), the hint made to carry them: a click's toggle variant (`click:`); a page's
 * reduced-motion rule only where a layer draws a state (a frame converted alone drew it for the file's variants); a
 * frame converted alone no longer lays out (nor notes) other pages' drawings; a frame kept as drawn rebuilds its
 * drawing without inference's background wrappers (the form planner saw a field box the design has not).
 */
// The form planner reads the drawing: groups inference dissolved (a field's box) the hint rebuilds it without. The
// bench's hint-parity section measures the cost: 35:34 0.998 → 0.997, 145:53 0.996 → 0.995 (within 0.002).
const DISSOLVED_GROUP =
  "the form planner pairs a field with its box in the drawing; the Figma group that was its box is dissolved by " +
  "inference and not in the hint, so the drawing rebuilt from the hint plans no field there";
// Not found yet: React, Vue, Svelte, Angular, React Native (not HTML) leave out parts of the mobile drawing.
const FITMA_SECTION =
  "its first section kept (a forced verdict): the page's mobile drawing loses sections in the component targets";
/**
 * The differences not fixed yet, by file: `<frame id> files|notes` → its cause. Asserted exactly, so that the
 * property holds on every other frame and file, and one fixed must leave this list.
 */
const KNOWN_DIFFERENCES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  "real/fitma-shop.file.json": {
    "0:384 files": FITMA_SECTION,
    "0:506 files": FITMA_SECTION,
  },
  "real/psykolog-jenny.file.json": {
    "35:34 files": DISSOLVED_GROUP,
    "145:53 files": DISSOLVED_GROUP,
  },
};

/** Verdicts a browser may give that the simulator would not: each inferred frame kept whole, exact, a section kept. */
function forcedVerdicts(frame: ParityFrame): { name: string; decisions: LayoutDecisions }[] {
  const inferred = allDrawings(frame.document).filter(infers);
  if (inferred.length === 0) return [];
  const all = (make: (f: (typeof inferred)[number]) => LayoutDecisions[string]): LayoutDecisions =>
    Object.fromEntries(inferred.map((f) => [f.id, make(f)]));
  return [
    {
      name: "drawn (Chromium)",
      decisions: all(() => ({ check: "chromium", kept: [], drawn: true })),
    },
    {
      name: "exact (preview)",
      decisions: all(() => ({ check: "preview", kept: [], exact: true })),
    },
    {
      name: "first section kept (Chromium)",
      decisions: all((f) => ({
        check: "chromium",
        kept: [...sectionsOf(frameBuilder(f).build(new Set())).keys()].slice(0, 1),
      })),
    },
  ];
}

describe.each(PARITY_FILES.map((f) => [f.name, f] as const))(
  "code from the hint = code from the design: %s",
  (_n, file) => {
    it(
      "every frame, every target, the simulator's verdicts and a browser's: byte-equal from the hint and its assets",
      async () => {
        const failures: string[] = [];
        const differences = new Set<string>();
        const alone: string[] = [];
        const frames = await parityFrames(file);
        if (frames.length === 0) differences.add(differenceKey("-", "no frames"));
        for (const frame of frames) {
          const simulated = (await checkLayout(frame.document, simulatorEngine)).decisions;
          const verdicts = [{ name: "simulator", decisions: simulated }, ...forcedVerdicts(frame)];
          const causes = parityCauses(frame.document);
          await withHintAssets(frame, async (assets) => {
            for (const verdict of verdicts) {
              // The hint is the same for every target of a layout: written, parsed and read once per verdict.
              const reads = new Map<string, HintRead>();
              for (const options of PARITY_TARGETS) {
                const layout = options.layout ?? "responsive";
                const read = reads.get(layout) ?? (await readHint(frame, layout, verdict.decisions, assets));
                reads.set(layout, read);
                const result = compareWithHint(frame, options, verdict.decisions, read);
                const where = `${frame.id} “${frame.name}” ${targetLabel(options)} ${verdict.name}`;
                const differ = [...result.differWithAssets, ...(causes.length === 0 ? result.differ : [])];
                for (const path of differ) differences.add(differenceKey(frame.id, path));
                if (result.differWithAssets.length > 0)
                  failures.push(`${where}: ${result.differWithAssets.join(", ")}`);
                if (result.differ.length > 0 && causes.length === 0)
                  failures.push(`${where} (hint alone): ${result.differ.join(", ")}`);
                if (result.differ.length > 0 && verdict.name === "simulator")
                  alone.push(`${frame.id} ${targetLabel(options)} (${causes.join(", ")})`);
              }
            }
          });
        }
        if (alone.length > 0) console.log(`hint-parity ${file.name}: the hint alone differs on ${alone.join("; ")}`);
        // Exactly the differences known (each with its cause): one that disappears, or a new one, fails.
        if (failures.length > 0) console.log(`hint-parity ${file.name}:\n${failures.join("\n")}`);
        expect([...differences].sort()).toEqual(Object.keys(KNOWN_DIFFERENCES[file.name] ?? {}).sort());
      },
      TIMEOUT,
    );
  },
);
