/**
 * An emitter's Vue or Svelte component with its `<style>` blocks formatted by malva, as the emitters' `.css` files
 * are (web-fmt.ts), and the rest by prettier. Prettier's CSS printer was three quarters of the time a component took
 * to format (a page's stylesheet is most of the file): prettier now prints each block's place, a one-line marker, and
 * the block's CSS, formatted at the width left beside the indentation prettier gave the marker, takes its place. What
 * differs from prettier's own printing is the CSS choices docs/output.md lists (web-fmt.test.ts holds them to that).
 */

/** A component's top-level `<style>` block as the emitters write it: its tags on lines of their own, plain CSS. */
const STYLE_BLOCK = /^(<style(?:\s+(?:scoped|module|lang="css"))*>)\n([\s\S]*?)^<\/style>$/gm;

const marker = (index: number): string => `/*figment-style-${index}*/`;

export interface SplitStyles {
  /** The component with each block's CSS replaced by its marker. */
  skeleton: string;
  /** Each block's CSS, in order. */
  styles: string[];
}

/** The component's style blocks taken out (none: undefined, nothing to gain). */
export function splitStyles(component: string): SplitStyles | undefined {
  const styles: string[] = [];
  const skeleton = component.replace(STYLE_BLOCK, (block, open: string, css: string) => {
    if (css.trim() === "" || css.includes(MARKER_START)) return block;
    styles.push(css);
    return `${open}\n${marker(styles.length - 1)}\n</style>`;
  });
  return styles.length > 0 ? { skeleton, styles } : undefined;
}

const MARKER_START = "/*figment-style-";

/**
 * The formatted skeleton with each marker's line replaced by its block's CSS, formatted by `formatCss` at the width
 * left beside the marker's indentation and indented as it was. Undefined when a marker is not on a line of its own
 * exactly once, or a block's CSS did not format: the caller formats the component the usual way.
 */
export async function joinStyles(
  formatted: string,
  styles: readonly string[],
  formatCss: (css: string, indent: number) => Promise<string | undefined>,
): Promise<string | undefined> {
  let out = formatted;
  for (const [index, css] of styles.entries()) {
    const lines = [...out.matchAll(new RegExp(`^([ \\t]*)${escaped(marker(index))}$`, "gm"))];
    if (lines.length !== 1) return undefined;
    const [line, indent] = [lines[0]![0], lines[0]![1]!];
    const printed = await formatCss(css, indent.length);
    if (printed === undefined) return undefined;
    const body = printed
      .replace(/\n+$/, "")
      .split("\n")
      .map((text) => (text === "" ? "" : indent + text))
      .join("\n");
    out = out.replace(line, () => body);
  }
  return out;
}

const escaped = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
