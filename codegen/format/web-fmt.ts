/**
 * The emitters' files through @wasm-fmt/web_fmt (Biome for .ts/.tsx, malva for .css, markup_fmt for .html): 4–15×
 * faster than prettier, with options set to prettier's style. On every fixture frame .ts and .tsx come out byte for
 * byte as prettier's; .css and .html differ only in the formatting choices docs/output.md lists (web-fmt.test.ts
 * holds them to that). A model's files stay with prettier (index.ts).
 */
import type { format } from "@wasm-fmt/web_fmt";
import { PRINT_WIDTH } from "./languages";
import type { WebFmt } from "./web-fmt-api";
import { loadWebFmt } from "./web-fmt-load";

type Config = NonNullable<Parameters<typeof format>[2]>;

const LAYOUT = { indentStyle: "space", indentWidth: 2, lineWidth: PRINT_WIDTH } as const;

/**
 * Prettier's defaults, said to each formatter (Biome would indent with tabs; markup_fmt upper-case the doctype, not
 * indent `<style>`).
 */
export const WEB_FMT_CONFIG: Config = {
  ...LAYOUT,
  script: { quoteStyle: "double", trailingComma: "all" },
  markup: { doctypeKeywordCase: "lower", "html.void.selfClosing": true, scriptIndent: true, styleIndent: true },
};

/** The languages the emitters write, each measured against prettier (bench/run.ts, "pipeline"). */
const WEB_FMT_EXTENSIONS = [".tsx", ".ts", ".css", ".html"] as const;

export function formatsWithWebFmt(path: string): boolean {
  const lower = path.toLowerCase();
  return WEB_FMT_EXTENSIONS.some((extension) => lower.endsWith(extension));
}

/**
 * Loaded once. A load that fails (a worker whose policy refuses wasm) is not tried again: every file then goes to
 * prettier, which formats it in the reference style, only slower.
 */
let loading: Promise<WebFmt | undefined> | undefined;

function webFmt(): Promise<WebFmt | undefined> {
  return (loading ??= loadWebFmt().catch(() => undefined));
}

/**
 * Loads the formatters ahead of the first file (the engine worker, as its code-format part arrives in the panel's
 * warm-up: their wasm is then decoded and compiled before the first Generate, not during it).
 */
export function prepareWebFmt(): Promise<unknown> {
  return webFmt();
}

/**
 * The formatted text, or undefined when the formatters did not load or could not parse it (prettier then says where).
 * `indent`: columns the text will be indented by (a component's `<style>`), taken off the line width.
 */
export async function formatWithWebFmt(path: string, content: string, indent = 0): Promise<string | undefined> {
  const formatter = await webFmt();
  if (!formatter) return undefined;
  try {
    const config = indent > 0 ? { ...WEB_FMT_CONFIG, lineWidth: PRINT_WIDTH - indent } : WEB_FMT_CONFIG;
    return formatter.format(content, path, config);
  } catch {
    return undefined;
  }
}
