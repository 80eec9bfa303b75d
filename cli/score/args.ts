/** Command-line parsing for `figment score`, on cli/common/flags.ts. Bad flags are input errors (exit 2). */
import { parseWidths } from "../../codegen/fidelity/responsive.js";
import { present, readFlags } from "../common/flags.js";
import { FigmentError } from "../../kernel/errors.js";

export const SCORE_USAGE =
  `figment score — measure code against a design: how ` +
  `closely it matches the drawing, and what a reader sees

Usage:
  figment score <design.json> --dir DIR [--node ID]... [--widths 390,768,design,1920] [--json]

DIR holds an HTML page (index.html, else the first .html file) whose elements carry the design's layer ids as
data-node-id="<id>" (figment code --node-ids writes them), or a React, Vue, Svelte, Angular or React Native
project (its components, compiled and rendered as the plugin's preview renders that target; React Native's views
carry the ids as testID). --node names the frame when the design has more than one; several --node name the
frames of one page drawn at several widths (one DOM with @media rules at the drawn widths, as figment code
writes it): the page is measured at each drawn width against that frame, and the other widths against the
drawing that applies there.
The page is rendered in Chromium at the design width, 390, 768 and 1920 px (or --widths) and measured: IoU×matched
of the layers' boxes at the design width, and per width the share of the design's text area a reader sees, with
each text that is cut off, covered, illegible, too small or missing, the sideways scroll, blank page below the
content, and whether wider pages keep the content centred — the figures figment code --score and the plugin show.
  --json     print { "score": { … } } (the shape of figment code --score --json's "score" entries; a page
             drawn at several widths has "drawings", each drawing's score, widest first)

Exit codes: 0 measured; 1 internal error; 2 bad input (no page, no such frame, no layer ids in the page);
130 cancelled with Ctrl-C (Chromium is closed at once).`;

export interface ScoreArgs {
  help: boolean;
  input?: string;
  dir?: string;
  /** The frame, or the frames of one page drawn at several widths. */
  nodes: string[];
  widths?: number[];
  json: boolean;
}

/** The flags `figment score` takes (help.test.ts holds SCORE_USAGE to them). */
export const SCORE_FLAGS = {
  boolean: ["json"],
  string: ["dir", "widths"],
  list: ["node"],
} as const;

export function parseScoreArgs(argv: string[]): ScoreArgs {
  const { values, positionals } = readFlags(argv, {
    ...SCORE_FLAGS,
    positionals: true,
    hint: "figment score --help lists the flags",
  });
  const help = values.help ?? false;
  if (positionals.length > 1) throw new FigmentError("input", `unexpected argument: ${positionals[1]}`);
  if (!help && positionals[0] === undefined)
    throw new FigmentError("input", "score needs a design file: figment score <design.json> --dir DIR");
  if (!help && (values.dir === undefined || values.dir.trim() === ""))
    throw new FigmentError("input", "score needs the folder of the code to measure: --dir DIR");
  let widths: number[] | undefined;
  try {
    widths = values.widths !== undefined ? parseWidths(values.widths) : undefined;
  } catch (error) {
    throw new FigmentError("input", (error as Error).message);
  }
  return {
    help,
    json: values.json ?? false,
    nodes: values.node ?? [],
    ...present({ input: positionals[0], dir: values.dir, widths }),
  };
}
