/** Command-line parsing for `figment layers`, on cli/common/flags.ts. Bad flags are input errors (exit 2). */
import { readFlags, wholeNumber } from "../common/flags.js";
import { FigmentError } from "../../kernel/errors.js";

export const LAYERS_USAGE = `figment layers — a rendered page read back into Figma layers (a Figma REST reply)

Usage:
  figment layers <page.html | folder> [--width W]... [--out layers.json] [--variables VARS.json]
                 [--design design.json] [--json]

The page (a folder: its index.html) is rendered in Chromium with JavaScript off (its scripts never run) and its
elements and computed styles read into layers: flex containers as auto layout, text as editable text layers
with their runs, backgrounds, borders, radii, shadows, blurs, inline SVG as vectors, <img> as image fills.
Only the page's own folder is served: an external image does not load and is placed as a placeholder (a note).
  --width W   the viewport width to read the page at, in px (default 1440); repeat for several widths, each
              one top frame side by side
  --out FILE  write the REST reply there (default: print it); figment score, code, frames read it
  --variables FILE
              the file's variables (GET /v1/files/:key/variables/local's reply, or its meta): colours, gaps,
              paddings, radii, stroke weights, fixed sizes, opacity, shadows (colour, blur, spread, offsets)
              and type (family, weight, size, line height, letter spacing) that equal a variable's value
              (within its scopes) are bound to it as Figma writes bindings ({ type: "VARIABLE_ALIAS", id });
              with --out, the variables are written beside it as NAME.variables.json (a variables/local
              reply; figment code NAME.json --variables NAME.variables.json reads the round trip back)
  --design FILE
              the design the page was made from (its REST reply): where several variables have the value, the
              one the design bound there (or binds most) wins; the variables it binds, a library's too, are
              offered with the values its layers show, so it binds its own variables without --variables
  --json      print { "frames": [{ width, elements, truncated, readMs, notes }], "variables": N } instead of the
              summary lines (variables: the values bound, with --variables or --design)
A page of more than 10,000 elements is read up to that limit and says so.

Exit codes: 0 written; 1 an internal error; 2 bad usage (an unknown flag, a missing page, a bad width).`;

export interface LayersArgs {
  help: boolean;
  input: string;
  widths: number[];
  out?: string;
  variables?: string;
  design?: string;
  json: boolean;
}

export const LAYERS_FLAGS = { boolean: ["json"], string: ["out", "variables", "design"], list: ["width"] } as const;

export function parseLayersArgs(argv: string[]): LayersArgs {
  const { values, positionals } = readFlags(argv, {
    ...LAYERS_FLAGS,
    positionals: true,
    hint: "figment layers --help lists the flags",
  });
  const help = values.help ?? false;
  if (positionals.length > 1) throw new FigmentError("input", `unexpected argument: ${positionals[1]}`);
  const input = positionals[0] ?? "";
  if (!help && !input) throw new FigmentError("input", "layers needs a page: figment layers <page.html | folder>");
  const widths = (values.width ?? []).map((w) => wholeNumber("--width", w, { min: 1, max: 10_000 }) ?? 1440);
  return {
    help,
    input,
    widths: widths.length > 0 ? [...new Set(widths)] : [1440],
    ...(values.out ? { out: values.out } : {}),
    ...(values.variables ? { variables: values.variables } : {}),
    ...(values.design ? { design: values.design } : {}),
    json: values.json ?? false,
  };
}
