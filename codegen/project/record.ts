/**
 * The record a generated project keeps of what its code was made from (`.figment/`): the design's source (file key
 * and version where known, node ids), the options, the design's facts (codegen/design/design-diff.ts) and every
 * file exactly as generated — the base an update merges the team's edits against (codegen/project/update.ts).
 * Written by the one function that writes a project (the CLI's, the plugin's zip, MCP's), read back by an update.
 * Pure: files in, files out.
 */
import type { Styling, Target } from "../targets.js";
import type { SourceFile } from "../types.js";
import { readDesignFacts, type DesignFacts } from "../design/design-diff.js";
import { FigmentError } from "../../kernel/errors.js";

/** The folder inside a generated project that holds its record; never part of the code. */
export const RECORD_DIR = ".figment";
/** The record's format; a record of a newer one is refused (its fields may mean what this Figment cannot read). */
export const RECORD_FORMAT = 1;

/** Where the design came from. */
export interface RecordSource {
  /** The design file's name as given (`home.json`), without its folder; absent for the plugin's export. */
  file?: string;
  /** The hint file the code was made from (`figment code --from-hint`). */
  hint?: string;
  fileKey?: string;
  /** Figma's version id and lastModified, where the reply carries them. */
  version?: string;
  lastModified?: string;
  /** The node ids asked for (`--node`), [] for a whole file. */
  nodes: string[];
  /** The frames converted, by id and name. */
  frames: { id: string; name: string }[];
}

/** The options the code was generated with: an update generates again with these. */
export interface RecordOptions {
  target: Target;
  styling: Styling;
  nodeIds: boolean;
  layout?: "exact";
  /** A runnable starter around the code (`--project`), by kind. */
  project?: string;
  /** Pages drawn at several widths made one page (true), or kept apart (false); absent, found. */
  breakpoints?: boolean;
  /** Paths as given, relative to where the command ran. */
  components?: string;
  codeConnect?: string;
  types?: string[];
  variables?: string;
  images?: string;
  /** A hint's files (`--from-hint` with `--assets DIR`). */
  assets?: string;
  /** A model made the code: which one (never a key). */
  ai?: { provider: string; model?: string; baseUrl?: string; instructions?: string };
}

export interface RecordedFile {
  path: string;
  bytes: number;
  /** An image or font, kept byte for byte (never merged). */
  binary?: true;
}

export interface ProjectRecord {
  format: typeof RECORD_FORMAT;
  /** The Figment version that wrote it. */
  figment: string;
  createdAt: string;
  /** What wrote it: the CLI, the plugin's zip, the MCP server. */
  by: "cli" | "plugin" | "mcp";
  source: RecordSource;
  options: RecordOptions;
  files: RecordedFile[];
}

/** A project's record read back, with its design facts (absent for code made from a hint) and base files. */
export interface ReadRecord {
  record: ProjectRecord;
  design?: DesignFacts;
  /** The files as generated, by path. */
  base: Map<string, SourceFile>;
}

export const RECORD_FILE = `${RECORD_DIR}/record.json`;
export const DESIGN_FILE = `${RECORD_DIR}/design.json`;
export const BASE_DIR = `${RECORD_DIR}/base`;

const README = `# .figment — what this code was generated from

Figment wrote this folder beside the code it generated. Keep it in version control: \`figment code --update\`
reads it to bring design changes into code you have edited.

- \`record.json\`: the design's source (file name, Figma file key and version where known, node ids), the options
  the code was generated with (target, styling, starter project, model), and the list of generated files.
- \`design.json\`: each layer of the design as the code was made from it (name, place, size, colours, text), so
  \`figment diff\` and \`--update\` can say what changed in the design since.
- \`base/\`: every generated file exactly as it was written. An update merges three ways: this base, your folder
  now, and the new generation. Files you did not touch become the new generation; files you and the design both
  changed are merged, with conflict markers where you and the design changed the same lines.

Do not edit these files by hand. Delete the folder to stop updates; \`figment code --out\` writes it again.
`;

/** True for a path inside the record: never code, never merged, never listed as the user's. */
export function inRecord(path: string): boolean {
  return path === RECORD_DIR || path.startsWith(`${RECORD_DIR}/`);
}

/** The record's files for `files` as generated: the README, record.json, design.json (when known) and base/. */
export function recordFiles(
  record: Omit<ProjectRecord, "format" | "files">,
  files: readonly SourceFile[],
  design?: DesignFacts,
): SourceFile[] {
  const kept = files.filter((f) => !inRecord(f.path));
  const full: ProjectRecord = {
    format: RECORD_FORMAT,
    ...record,
    files: kept.map((f) => ({
      path: f.path,
      bytes: f.bytes?.length ?? new TextEncoder().encode(f.content).length,
      ...(f.bytes ? { binary: true as const } : {}),
    })),
  };
  return [
    { path: `${RECORD_DIR}/README.md`, content: README },
    { path: RECORD_FILE, content: `${JSON.stringify(full, null, 2)}\n` },
    ...(design ? [{ path: DESIGN_FILE, content: `${JSON.stringify(design)}\n` }] : []),
    ...kept.map((f) => ({ ...f, path: `${BASE_DIR}/${f.path}` })),
  ];
}

const fail = (what: string): never => {
  throw new FigmentError("input", `${RECORD_FILE}: ${what}`);
};

function str(value: unknown, what: string): string {
  return typeof value === "string" ? value : fail(`${what} is not text`);
}

/** record.json's text, checked: a newer format is refused with what to do; a damaged one names what is wrong. */
export function parseRecord(text: string): ProjectRecord {
  let json: unknown;
  try {
    json = JSON.parse(text) as unknown;
  } catch (error) {
    return fail(`not valid JSON (${(error as Error).message})`);
  }
  if (typeof json !== "object" || json === null || Array.isArray(json)) return fail("not an object");
  const r = json as Record<string, unknown>;
  if (typeof r["format"] !== "number") return fail("no format number");
  if (r["format"] > RECORD_FORMAT)
    throw new FigmentError(
      "input",
      `${RECORD_FILE} was written by a newer Figment (${String(r["figment"] ?? "unknown version")}, record format ` +
        `${r["format"]}); this one reads format ${RECORD_FORMAT}: update Figment (npm install -g figment@latest)`,
    );
  const source = r["source"] as Record<string, unknown> | undefined;
  const options = r["options"] as Record<string, unknown> | undefined;
  if (typeof source !== "object" || source === null) return fail("no source");
  if (typeof options !== "object" || options === null) return fail("no options");
  str(options["target"], "options.target");
  str(options["styling"], "options.styling");
  if (!Array.isArray(source["nodes"]) || !Array.isArray(source["frames"])) return fail("source has no nodes");
  if (!Array.isArray(r["files"])) return fail("no file list");
  for (const file of r["files"] as unknown[]) {
    const f = file as Record<string, unknown> | null;
    if (typeof f !== "object" || f === null) return fail("a file entry is not an object");
    str(f["path"], "a file's path");
  }
  return json as ProjectRecord;
}

/**
 * A record read from a folder's files (paths relative to the folder, `.figment/…`): record.json checked, design.json
 * read when present, base/ mapped back to the code's paths. A listed file missing from base/ is named.
 */
export function readRecordFiles(files: ReadonlyMap<string, SourceFile>): ReadRecord {
  const recordText = files.get(RECORD_FILE);
  if (!recordText) return fail("missing");
  const record = parseRecord(recordText.content);
  const designText = files.get(DESIGN_FILE);
  let design: DesignFacts | undefined;
  if (designText) {
    try {
      design = readDesignFacts(JSON.parse(designText.content) as unknown);
    } catch (error) {
      throw new FigmentError("input", `${DESIGN_FILE}: ${(error as Error).message}`);
    }
  }
  const base = new Map<string, SourceFile>();
  for (const { path } of record.files) {
    const file = files.get(`${BASE_DIR}/${path}`);
    if (!file) return fail(`${BASE_DIR}/${path} is missing (the record lists it)`);
    base.set(path, { ...file, path });
  }
  return { record, ...(design ? { design } : {}), base };
}
