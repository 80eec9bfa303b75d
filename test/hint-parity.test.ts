/**
 * Code from the hint = code from the design (issue 72), on every frame of every real file and of the hint tests'
 * fixtures, in every target: the hint carries each decision the code was made with (the layout check's verdict and
 * its engine, the sections kept as drawn, the whole frame kept as drawn or as drawn at every width, the pages drawn at
 * several widths), and reading it decides none of them again. The check's verdicts are given as a browser would give
 * them — the simulator's own, and verdicts it would not reach (the whole frame kept as drawn; as drawn at every width;
 * its first section kept) — so that a reader deciding again would differ.
 *
 * With the design's SVG payloads and tokens swapped in (data the hint does not carry: it names a vector's file and
 * prints a token's value), the emitted files and notes are byte-equal. The hint alone differs only on frames that
 * have one of those two causes; how much that costs in the reader-sees score is the bench's hint-parity section.
 */
import { describe, expect, it } from "vitest";
import { checkLayout, simulatorEngine } from "../codegen/layout-check/index.js";
import { frameBuilder, infers, type LayoutDecisions } from "../codegen/layout/index.js";
import { sectionsOf } from "../codegen/layout/decide.js";
import {
  compareFrame,
  PARITY_FILES,
  PARITY_TARGETS,
  parityCauses,
  parityFrames,
  targetLabel,
} from "./helpers/hint-parity.js";
import { allDrawings } from "../codegen/design/drawings.js";
import type { ParityFrame } from "./helpers/hint-parity.js";

const TIMEOUT = 600_000;

/** A difference's key: the frame and what differs — "notes" (the layout check's notes), else "files" (code). */
const differenceKey = (frame: string, path: string): string =>
  `${frame} ${path.startsWith("notes") || path === "no frames" ? path.split(" (")[0] : "files"}`;

// Causes seen, not found yet (issue 72 item 1): each difference names one.
const FITMA_DRAWN = "the whole frame kept as drawn (a browser's verdict): the page's code from the hint differs";
const FITMA_SECTION = "its first section kept (a browser's verdict): the page's code from the hint differs";
const JENNY = "the simulator's verdict and a section kept: the page's code from the hint differs";
const TNT_FONTS =
  "global CSS: the hint side gains an `Inter Fallback` @font-face in the file's run (equal alone: state across frames)";
const TNT_FIELD = "the InputField component (and the screens drawing it) from the hint differs";
const TNT_RADIO = "the Radio component (and the screens drawing it) from the hint differs";
const TNT_SUBMIT = "the Submit screen from the hint differs";
const FIGMAGIC_NOTES =
  "the layout check's note on the page's other drawings (“MacBook”, “iPad Pro 11\"”) is not said from the hint";
/**
 * The differences not fixed yet, by file: `<frame id> files|notes` → its cause. Asserted exactly, so that the
 * property holds on every other frame and file, and one fixed must leave this list.
 */
const KNOWN_DIFFERENCES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  "real/fitma-shop.file.json": {
    "0:12 files": FITMA_DRAWN,
    "0:746 files": FITMA_DRAWN,
    "0:384 files": FITMA_SECTION,
    "0:506 files": FITMA_SECTION,
  },
  "real/psykolog-jenny.file.json": {
    "35:34 files": JENNY,
    "145:53 files": JENNY,
  },
  "real/tnt-website.file.json": {
    "152:97 files": TNT_FONTS,
    "238:187 files": TNT_FONTS,
    "238:191 files": TNT_FONTS,
    "238:194 files": TNT_FONTS,
    "238:197 files": TNT_FONTS,
    "23:70 files": TNT_FONTS,
    "345:166 files": TNT_FONTS,
    "397:195 files": TNT_FONTS,
    "40:197 files": TNT_FONTS,
    "410:202 files": TNT_FONTS,
    "427:188 files": TNT_FONTS,
    "437:219 files": TNT_FONTS,
    "437:239 files": TNT_FONTS,
    "43:226 files": TNT_FONTS,
    "227:125 files": TNT_FIELD,
    "231:124 files": TNT_FIELD,
    "235:156 files": TNT_FIELD,
    "236:155 files": TNT_FIELD,
    "236:172 files": TNT_FIELD,
    "194:94 files": TNT_RADIO,
    "298:198 files": TNT_RADIO,
    "298:205 files": TNT_RADIO,
    "127:95 files": TNT_SUBMIT,
  },
  "figma/figmagic-design-system.file.json": {
    "2605:13 notes": FIGMAGIC_NOTES,
    "2605:19 notes": FIGMAGIC_NOTES,
    "2605:24 notes": FIGMAGIC_NOTES,
    "2605:28 notes": FIGMAGIC_NOTES,
    "2605:32 notes": FIGMAGIC_NOTES,
    "2605:41 notes": FIGMAGIC_NOTES,
    "2657:0 notes": FIGMAGIC_NOTES,
    "2657:106 notes": FIGMAGIC_NOTES,
    "2657:116 notes": FIGMAGIC_NOTES,
    "2657:12 notes": FIGMAGIC_NOTES,
    "2657:121 notes": FIGMAGIC_NOTES,
    "2657:97 notes": FIGMAGIC_NOTES,
    "2710:5 notes": FIGMAGIC_NOTES,
    "2710:7 notes": FIGMAGIC_NOTES,
    "2772:20 notes": FIGMAGIC_NOTES,
    "2772:26 notes": FIGMAGIC_NOTES,
    "2772:47 notes": FIGMAGIC_NOTES,
    "2772:48 notes": FIGMAGIC_NOTES,
    "2772:49 notes": FIGMAGIC_NOTES,
    "2772:50 notes": FIGMAGIC_NOTES,
    "2772:51 notes": FIGMAGIC_NOTES,
    "2772:58 notes": FIGMAGIC_NOTES,
    "2874:68 notes": FIGMAGIC_NOTES,
    "2874:73 notes": FIGMAGIC_NOTES,
    "2875:22 notes": FIGMAGIC_NOTES,
    "3005:93 notes": FIGMAGIC_NOTES,
    "3009:1 notes": FIGMAGIC_NOTES,
    "3009:105 notes": FIGMAGIC_NOTES,
    "3009:112 notes": FIGMAGIC_NOTES,
    "3009:118 notes": FIGMAGIC_NOTES,
    "3009:80 notes": FIGMAGIC_NOTES,
    "3022:701 notes": FIGMAGIC_NOTES,
    "3091:653 notes": FIGMAGIC_NOTES,
    "3097:652 notes": FIGMAGIC_NOTES,
    "3163:2851 notes": FIGMAGIC_NOTES,
    "3214:734 notes": FIGMAGIC_NOTES,
    "3214:739 notes": FIGMAGIC_NOTES,
    "3875:790 notes": FIGMAGIC_NOTES,
    "3877:790 notes": FIGMAGIC_NOTES,
    "3967:782 notes": FIGMAGIC_NOTES,
    "4066:1387 notes": FIGMAGIC_NOTES,
    "4165:778 notes": FIGMAGIC_NOTES,
    "4668:824 notes": FIGMAGIC_NOTES,
  },
  "figma/grida-stroke.file.json": { "- no frames": "loose layers only: the CLI converts none without --node" },
};

/** Verdicts a browser may give that the simulator would not: each inferred frame kept whole, exact, a section kept. */
function forcedVerdicts(frame: ParityFrame): { name: string; decisions: LayoutDecisions }[] {
  const inferred = allDrawings(frame.document).filter(infers);
  if (inferred.length === 0) return [];
  const all = (make: (f: (typeof inferred)[number]) => LayoutDecisions[string]): LayoutDecisions =>
    Object.fromEntries(inferred.map((f) => [f.id, make(f)]));
  return [
    { name: "drawn (Chromium)", decisions: all(() => ({ check: "chromium", kept: [], drawn: true })) },
    { name: "exact (preview)", decisions: all(() => ({ check: "preview", kept: [], exact: true })) },
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
      "every frame, every target, the simulator's verdicts and a browser's: byte-equal with the hint's data swapped in",
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
          for (const options of PARITY_TARGETS) {
            for (const verdict of verdicts) {
              const result = compareFrame(frame, options, verdict.decisions);
              const where = `${frame.id} “${frame.name}” ${targetLabel(options)} ${verdict.name}`;
              const differ = [...result.differSwapped, ...(causes.length === 0 ? result.differ : [])];
              for (const path of differ) differences.add(differenceKey(frame.id, path));
              if (result.differSwapped.length > 0) failures.push(`${where}: ${result.differSwapped.join(", ")}`);
              if (result.differ.length > 0 && causes.length === 0)
                failures.push(`${where} (hint alone): ${result.differ.join(", ")}`);
              if (result.differ.length > 0 && verdict.name === "simulator")
                alone.push(`${frame.id} ${targetLabel(options)} (${causes.join(", ")})`);
            }
          }
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
