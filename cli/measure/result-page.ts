/**
 * The page that shows a result's files in Chromium, for a measurement: HTML as written (its index.html), React as
 * the preview document the panel shows (codegen/preview/react-preview.ts, its Tailwind compiled, with the preview
 * runtime that the build writes to dist/preview-runtime.js beside dist/cli.js). One page, so the CLI measures what
 * the panel shows.
 */
import { readFile } from "node:fs/promises";
import { reactPreview } from "../../codegen/preview/react-preview.js";
import type { SourceFile } from "../../codegen/types.js";

/** Beside the bundled CLI (dist/cli.js), and from the sources (cli/measure/ → dist/). */
const RUNTIME_PLACES = ["./preview-runtime.js", "../../dist/preview-runtime.js"];

let runtime: Promise<string> | undefined;

/** The React preview's runtime script, read once. */
export function previewRuntimeScript(): Promise<string> {
  runtime ??= (async () => {
    for (const place of RUNTIME_PLACES) {
      try {
        return await readFile(new URL(place, import.meta.url), "utf8");
      } catch {
        // try the next place
      }
    }
    runtime = undefined;
    throw new Error("the React preview's runtime (dist/preview-runtime.js) is missing: run `npm run build`");
  })();
  return runtime;
}

export interface ResultPage {
  files: SourceFile[];
  entry: string;
}

/** HTML: the files and their index.html (else the first page); React: one page, the preview document. */
export async function resultPage(files: SourceFile[], target: "react" | "html"): Promise<ResultPage> {
  if (target === "react") {
    const preview = await reactPreview(files, await previewRuntimeScript());
    return { files: [{ path: "index.html", content: preview.html }], entry: "index.html" };
  }
  const pages = files.filter((f) => /\.html?$/i.test(f.path)).map((f) => f.path);
  const entry = pages.find((p) => p.toLowerCase() === "index.html") ?? pages.sort()[0];
  if (entry === undefined) throw new Error("the files hold no HTML page to render");
  return { files, entry };
}
