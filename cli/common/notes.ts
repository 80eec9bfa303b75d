/**
 * The end of a `figment code` run on stderr: the notes (info problems) counted by kind, in words, and a tip for
 * each kind the user can act on with what they have not tried yet. Warnings and errors are listed one a line
 * before (cli/common/design-files.ts); the notes are many and --json lists them.
 */
import { plural } from "../../kernel/plural.js";
import type { Problem } from "../../codegen/types.js";

/** A note's kind in words, singular and plural; a code without one is named as it is. */
const KINDS: Record<string, readonly [string, string]> = {
  "missing-image": ["image without its bytes", "images without their bytes"],
  "vector-placeholder": ["vector drawn as boxes", "vectors drawn as boxes"],
  "name-not-spelled": ["frame name without a Latin spelling", "frame names without a Latin spelling"],
  "image-in-shape": ["image in a shape drawn as its box", "images in shapes drawn as their boxes"],
  "font-not-served": ["font not on Google Fonts", "fonts not on Google Fonts"],
  "font-packages": ["list of font packages to install", "lists of font packages to install"],
  "font-imports-added": ["font import added", "font imports added"],
  "font-imports-missing": ["font import missing", "font imports missing"],
  "font-links-added": ["font link added", "font links added"],
  "design-token": ["design token note", "design token notes"],
  "figma-inferred-layout": ["inferred layout", "inferred layouts"],
  "layout-check": ["layout checked at the design width", "layouts checked at the design width"],
  mask: ["mask drawn approximately", "masks drawn approximately"],
  "unknown-node-type": ["unknown layer type", "unknown layer types"],
  "component-mapping": ["component mapping note", "component mapping notes"],
  "component-unused": ["unused component mapping", "unused component mappings"],
  breakpoints: ["page drawn at several widths", "pages drawn at several widths"],
  "responsive-page": ["one DOM for a page's widths", "one DOM for each page's widths"],
};

/**
 * "48 notes: 27 vectors drawn as boxes, 19 images without their bytes, 2 font-xyz; --json lists them", or undefined
 * without notes.
 */
export function notesLine(problems: readonly Problem[]): string | undefined {
  const counts = new Map<string, number>();
  for (const p of problems) if (p.severity === "info") counts.set(p.code, (counts.get(p.code) ?? 0) + 1);
  if (counts.size === 0) return undefined;
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  const kinds = [...counts]
    .sort((a, b) => b[1] - a[1])
    .map(([code, n]) => {
      const words = KINDS[code];
      return words ? plural(n, words[0], words[1]) : `${n} ${code}`;
    });
  return `${plural(total, "note")}: ${kinds.join(", ")}; --json lists them`;
}

/** What the user already gave: a tip never suggests it again. */
export interface TipContext {
  images?: string;
  fileKey?: string;
}

/** A tip for each note kind present that the user can do something about. */
export function tips(problems: readonly Problem[], given: TipContext = {}): string[] {
  const has = (code: string): boolean => problems.some((p) => p.code === code);
  const out: string[] = [];
  if (has("missing-image") && given.fileKey === undefined) {
    out.push(
      given.images === undefined
        ? "tip: image fills are grey placeholders; --images DIR supplies their bytes " +
            "(DIR/<imageRef>.png|jpg|jpeg|gif|webp), or --file-key KEY fetches them from Figma"
        : `tip: some image fills have no file in ${given.images} (listed ` +
            `by --json); --file-key KEY fetches the others from Figma`,
    );
  }
  if (has("vector-placeholder") && given.fileKey === undefined) {
    out.push(
      "tip: vectors without outlines are drawn as boxes; --file-key KEY fetches them from Figma as " +
        "SVG, or fetch the JSON with geometry=paths (GET /v1/files/:key/nodes?ids=…&geometry=paths)",
    );
  }
  if (has("font-not-served"))
    out.push(
      "tip: fonts not on Google Fonts fall back to system fonts until you " +
        "add their files (--json names them and where their @font-face goes)",
    );
  return out;
}
