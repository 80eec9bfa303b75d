/**
 * Pages drawn at several widths (codegen/design/page-groups.ts) in `figment code` and `figment hints`: a whole file's
 * groups are found and made one page each unless --no-breakpoints; `--node A --node B --breakpoints` makes the listed
 * frames one page. Each page made is said once, as a note (code "breakpoints") and on stderr.
 */
import { withDrawings } from "../../codegen/design/drawings.js";
import {
  findPageGroups,
  frameNames,
  labelFrames,
  pageGroupLine,
  sharedWidth,
  type PageGroup,
  type PageGroupFrame,
} from "../../codegen/design/page-groups.js";
import type { LoadedDesign } from "../../codegen/load.js";
import type { Problem } from "../../codegen/types.js";
import { FigmentError } from "../../kernel/errors.js";
import type { CliArgs } from "./args.js";
import type { Output } from "./design-files.js";

const names = frameNames;

/** The note of one page made of several frames. */
export function breakpointsNote(frames: readonly PageGroupFrame[], given: boolean, by?: PageGroup["by"]): Problem {
  const why = given ? "as --breakpoints asks" : `found by ${by ?? "name"}; --no-breakpoints keeps them apart`;
  return {
    severity: "info",
    code: "breakpoints",
    message: `${names(frames)}: ${pageGroupLine({ frames })} (${why})`,
    nodeId: frames[0]!.id,
  };
}

/**
 * `design` with its pages drawn at several widths made one page each: the --node frames with --breakpoints, a whole
 * file's groups unless --no-breakpoints. Frames listed with --breakpoints that share a width are an input error.
 */
export function withPageGroups(
  design: LoadedDesign,
  args: Pick<CliArgs, "nodes" | "breakpoints">,
  io?: Pick<Output, "err">,
): LoadedDesign {
  if (args.breakpoints === false) return design;
  const frames = design.document.frames;
  let groups: { frames: PageGroupFrame[]; by?: PageGroup["by"] }[];
  if (args.nodes.length > 0) {
    if (args.breakpoints !== true) return design;
    const clash = sharedWidth(frames);
    if (clash)
      throw new FigmentError(
        "input",
        `--breakpoints makes frames drawn at different widths one page, but ${names(clash)} are ` +
          `${clash.length === 2 ? "both" : "all"} ` +
          `${Math.round(clash[0]!.w)} px wide: give one frame per width`,
      );
    groups = [{ frames: labelFrames(frames) }];
  } else {
    groups = findPageGroups(frames);
  }
  if (groups.length === 0) return design;
  const document = withDrawings(
    design.document,
    groups.map((g) => g.frames.map((f) => f.id)),
  );
  const notes = groups.map((g) => breakpointsNote(g.frames, args.nodes.length > 0, g.by));
  for (const note of notes) io?.err(`figment: note: ${note.message}`);
  const pages = new Set(document.frames.map((f) => f.id));
  return {
    document,
    roots: design.roots.filter((r) => pages.has(r.id)),
    problems: [...design.problems, ...notes],
    get layerNames() {
      return design.layerNames;
    },
  };
}
