/**
 * Code from the hint against code from the design (issue 72), frame by frame: the frames of every real file
 * (test/fixtures/real) and of the fixtures the hint tests use, each as `figment code` takes it (a page drawn at
 * several widths with its drawings), the layout check's verdicts given; the hint printed as `figment hints` prints it
 * and read as `figment code --from-hint` reads it (no decisions given: the hint's own). Shared by
 * test/hint-parity.test.ts and the bench's hint-parity section.
 */
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { emitFiles, loadDesign, modelHint, parseHint } from "../../codegen/index.js";
import type { CodeOptions, DesignDocument, DesignNode } from "../../codegen/index.js";
import type { LayoutDecisions } from "../../codegen/layout/index.js";
import type { RestNode } from "../../codegen/fidelity/design-nodes.js";
import { withPageGroups } from "../../cli/common/page-groups.js";
import { WHOLE_FILE } from "../../cli/common/design-files.js";
import { readDesignJson } from "../../cli/common/io.js";
import { readHintAssets, writeHintAssets } from "../../cli/common/hint-assets.js";
import { fixturesRoot } from "./responsive-frames.js";
import { FigmentError } from "../../kernel/errors.js";

const NO_FRAMES = "the design has no frames to convert";

/** Found from here or the working directory (the bench runs this bundled, from dist/). */
const FIXTURES = fixturesRoot();

const jsonIn = (dir: string): { name: string; path: string }[] =>
  readdirSync(join(FIXTURES, dir))
    .filter((name) => name.endsWith(".json"))
    .sort()
    .map((name) => ({
      name: `${dir}/${name}`,
      path: join(FIXTURES, dir, name),
    }));

/** The files compared: every real file, then the hint tests' fixtures (test/fixtures/figma, the absolute landing). */
export const PARITY_FILES: readonly { name: string; path: string }[] = [
  ...jsonIn("real"),
  ...jsonIn("figma"),
  {
    name: "responsive/landing-absolute.file.json",
    path: join(FIXTURES, "responsive", "landing-absolute.file.json"),
  },
];

/** One frame (a page with its drawings) of a file, as `figment code` converts it. */
export interface ParityFrame {
  file: string;
  id: string;
  name: string;
  /** The document of this frame alone (its drawings, the file's assets and tokens). */
  document: DesignDocument;
  /** The REST nodes of the frame and of its other drawings (what a score measures against). */
  roots: RestNode[];
}

/** Every frame of `file`, pages drawn at several widths grouped as the CLI groups them. */
export async function parityFrames(file: { name: string; path: string }): Promise<ParityFrame[]> {
  // Read as the CLI reads a design (a fragment, a trailer repaired).
  const json = await readDesignJson(file.path);
  // A file of loose layers only (no frame): each converted as `figment code --node <id>` converts it.
  let loaded: ReturnType<typeof loadDesign>;
  try {
    loaded = loadDesign(json, [], {}, WHOLE_FILE);
  } catch (error) {
    if (!(error instanceof FigmentError && error.message.startsWith(NO_FRAMES))) throw error;
    const ids = looseLayers(json);
    if (ids.length === 0) return [];
    loaded = loadDesign(json, ids, {}, WHOLE_FILE);
  }
  const doc = withPageGroups(loaded, { nodes: [] }).document;
  return doc.frames.map((frame) => {
    const ids = new Set([frame.id, ...(doc.drawings?.[frame.id] ?? []).map((d) => d.id)]);
    return {
      file: file.name,
      id: frame.id,
      name: frame.name,
      document: { ...doc, frames: [frame] },
      roots: loaded.roots.filter((r) => ids.has(r.id)),
    };
  });
}

/** The ids of the layers on a file's pages (none a frame): what `--node` names. */
function looseLayers(json: unknown): string[] {
  const children = (node: unknown): unknown[] => {
    const list = typeof node === "object" && node !== null ? (node as { children?: unknown }).children : undefined;
    return Array.isArray(list) ? list : [];
  };
  const document = typeof json === "object" && json !== null ? (json as { document?: unknown }).document : undefined;
  return children(document)
    .flatMap(children)
    .flatMap((layer) => {
      const id = typeof layer === "object" && layer !== null ? (layer as { id?: unknown }).id : undefined;
      return typeof id === "string" ? [id] : [];
    });
}

/** The targets compared: every one (they share the inferred layout; emitting is cheap). */
export const PARITY_TARGETS: readonly CodeOptions[] = [
  { target: "react", styling: "css-modules", nodeIds: false },
  { target: "react", styling: "tailwind", nodeIds: false },
  { target: "html", styling: "css-modules", nodeIds: true },
  { target: "vue", styling: "css-modules", nodeIds: false },
  { target: "svelte", styling: "css-modules", nodeIds: false },
  { target: "angular", styling: "css-modules", nodeIds: false },
  { target: "react-native", styling: "css-modules", nodeIds: false },
];

export const targetLabel = (o: CodeOptions): string => (o.target === "react" ? `react/${o.styling}` : o.target);

/**
 * What the hint does not carry (issue 72 names them; neither is a decision): a vector's SVG payload (the hint names
 * its file, a stand-in draws its parts' boxes) and the design tokens (the hint prints their values). With the hint's
 * assets folder (`figment hints --assets DIR`), code from the hint must equal code from the design byte for byte;
 * without it, these are the causes of a difference.
 */
export type ParityCause = "svg payloads" | "design tokens";

/** The causes that can make `document`'s code from its hint differ: what of the hint's data it has. */
export function parityCauses(document: DesignDocument): ParityCause[] {
  const causes: ParityCause[] = [];
  const drawnAssets = new Set<string>();
  const visit = (node: DesignNode): void => {
    if (node.asset !== undefined) drawnAssets.add(node.asset);
    node.children?.forEach(visit);
  };
  const frames = document.frames.flatMap((f) => [f, ...(document.drawings?.[f.id] ?? [])]);
  frames.forEach(visit);
  if ([...drawnAssets].some((name) => document.assets[name]?.kind === "svg")) causes.push("svg payloads");
  if (document.tokens && document.tokens.tokens.length > 0) causes.push("design tokens");
  return causes;
}

/** One comparison: the files that differ (paths), with the hint alone and with the files beside it. */
export interface ParityResult {
  /** Emitted files (and notes) of the hint alone that differ from the design's. */
  differ: string[];
  /**
   * The same from the hint and its assets folder (`figment hints --assets DIR`, read back as `figment code
   * --from-hint --assets DIR` reads it): must be empty (decisions are all in the hint, payloads in the folder).
   */
  differWithAssets: string[];
  /** The hint's size in bytes. */
  hintBytes: number;
  /** The hint's bytes that say how each frame was laid out (`lc:` tokens). */
  laidBytes: number;
}

/** `run` with `frame`'s hint assets written to a folder of their own (as `figment hints --assets` writes them). */
export async function withHintAssets<T>(frame: ParityFrame, run: (dir: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), "figment-parity-assets-"));
  try {
    await writeHintAssets(frame.document, dir);
    return await run(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Paths of `a`'s files that differ from `b`'s (a missing file counts), and "notes" when the check's notes differ. */
function differing(a: ReturnType<typeof emitFiles>, b: ReturnType<typeof emitFiles>): string[] {
  const paths = new Set([...a.files, ...b.files].map((f) => f.path));
  const content = (set: typeof a, path: string): string | undefined => set.files.find((f) => f.path === path)?.content;
  const out = [...paths].filter((p) => content(a, p) !== content(b, p)).sort();
  // The layout check's notes: what the hint says of it (the prototype's notes read its `>` lines, not all of it).
  const notes = (set: typeof a): string[] =>
    set.problems.filter((p) => p.code === "layout-check").map((p) => `${p.code}: ${p.message}`);
  const [na, nb] = [notes(a), notes(b)];
  const only = [...na.filter((n) => !nb.includes(n)), ...nb.filter((n) => !na.includes(n))];
  if (only.length > 0 || na.length !== nb.length) out.push(`notes (${only[0] ?? "counts"})`);
  return out;
}

/** A frame's hint for one set of decisions, read back as `figment code --from-hint` reads it (alone, with assets). */
export interface HintRead {
  hint: string;
  /** The hint's own frames, no decisions given. */
  parsed: DesignDocument;
  /** The same with the hint's assets folder read (`--from-hint --assets DIR`). */
  withAssets: DesignDocument;
}

/**
 * `frame`'s hint with `decisions` (for `layout`), parsed and read with `assetsDir`: one per decisions, whatever the
 * target (the hint is the same for every target).
 */
export async function readHint(
  frame: ParityFrame,
  layout: NonNullable<CodeOptions["layout"]>,
  decisions: LayoutDecisions,
  assetsDir: string,
): Promise<HintRead> {
  const hint = modelHint(frame.document, layout, decisions);
  const parsed = parseHint(hint).document;
  return { hint, parsed, withAssets: (await readHintAssets(parsed, assetsDir)).document };
}

/**
 * `frame`'s emitted files (the project pass and formatting are pure functions of them: equal files, equal code) from
 * the design with `decisions`, against those from its hint (alone, and with `assetsDir`, its assets folder), for
 * `options`.
 */
export async function compareFrame(
  frame: ParityFrame,
  options: CodeOptions,
  decisions: LayoutDecisions,
  assetsDir: string,
): Promise<ParityResult> {
  return compareWithHint(
    frame,
    options,
    decisions,
    await readHint(frame, options.layout ?? "responsive", decisions, assetsDir),
  );
}

/** compareFrame with the hint already read (readHint, for `options.layout` and `decisions`). */
export function compareWithHint(
  frame: ParityFrame,
  options: CodeOptions,
  decisions: LayoutDecisions,
  read: HintRead,
): ParityResult {
  const design = emitFiles(frame.document, {
    ...options,
    layoutDecisions: decisions,
  });
  // As `figment code --from-hint` runs: the hint's own frames, no decisions given.
  const alone = emitFiles(read.parsed, options);
  const withAssets = emitFiles(read.withAssets, options);
  const laid = read.hint.match(/ lc:\S+/g) ?? [];
  return {
    differ: differing(design, alone),
    differWithAssets: differing(design, withAssets),
    hintBytes: Buffer.byteLength(read.hint),
    laidBytes: laid.reduce((n, token) => n + token.length, 0),
  };
}
