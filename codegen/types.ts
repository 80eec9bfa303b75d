/** Types shared by every stage of the codegen pipeline. Pure: no DOM, no Node, no `figma` global. */

/**
 * One generated file. `path` is relative, POSIX-style (e.g. `src/components/Button.tsx`).
 * A binary file (an image asset) carries its exact bytes in `bytes` and has `content` "": the project pass
 * and prettier pass it through untouched, the zip, the CLI and the previews use the bytes.
 */
export interface SourceFile {
  path: string;
  content: string;
  bytes?: Uint8Array;
}

export type ProblemSeverity = "error" | "warning" | "info";

/**
 * Something a stage noticed but did not throw for: bad model output, a missing asset, an odd field.
 * Collected with file and line where known, like ts-morph's diagnostics.
 */
export interface Problem {
  severity: ProblemSeverity;
  /** Stable machine-readable kind, e.g. `syntax`, `missing-import`, `import-cycle`, `unsafe-path`. */
  code: string;
  message: string;
  file?: string;
  /** 1-based. */
  line?: number;
  /** 1-based. */
  column?: number;
  /** Figma node id the problem is about, when it comes from the design. */
  nodeId?: string;
}

/** What every stage that turns input into files returns. Never throws on bad input. */
export interface FileSet {
  files: SourceFile[];
  problems: Problem[];
}

/**
 * The emitters' files, with the text of those they printed exactly as the format pass would (path → content): the
 * pass skips a file whose content is still that text, and formats one the project pass has since rewritten.
 */
export interface EmittedFiles extends FileSet {
  printed: ReadonlyMap<string, string>;
}
