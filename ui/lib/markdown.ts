/**
 * A small Markdown reader for the model's answers: headings, paragraphs, lists, block quotes, fenced code,
 * rules and pipe tables; inline bold, italics, code and links. It builds data, never HTML: the view renders
 * every piece as a text node, so whatever the model (or a layer name it quotes) writes stays text. Parsing
 * an unfinished stream is fine: an open fence or emphasis just reads as what has come so far.
 */

export type Inline =
  | { type: "text"; text: string }
  | { type: "strong" | "em"; children: Inline[] }
  | { type: "code"; text: string }
  | { type: "link"; text: string; href: string };

export type Block =
  | { type: "heading"; level: number; inlines: Inline[] }
  | { type: "paragraph"; inlines: Inline[] }
  | { type: "list"; ordered: boolean; start: number; items: { depth: number; inlines: Inline[] }[] }
  | { type: "quote"; inlines: Inline[] }
  | { type: "code"; lang: string; text: string }
  | { type: "table"; head: Inline[][]; rows: Inline[][][] }
  | { type: "rule" };

const INLINE = new RegExp(
  "(`+)([^]*?)\\1|\\*\\*([^]+?)\\*\\*|__([^]+?)__|\\*([^*\\s][^*]*?)\\*|" +
    String.raw`(?<![\w])_([^_\s][^_]*?)_(?![\w])|\[([^\]]+)\]\(([^)\s]+)\)`,
  "g",
);

export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  let last = 0;
  for (const match of text.matchAll(INLINE)) {
    const at = match.index ?? 0;
    if (at > last) out.push({ type: "text", text: text.slice(last, at) });
    if (match[1] !== undefined) out.push({ type: "code", text: match[2]!.trim() || match[2]! });
    else if (match[3] !== undefined || match[4] !== undefined)
      out.push({ type: "strong", children: parseInline(match[3] ?? match[4]!) });
    else if (match[5] !== undefined || match[6] !== undefined)
      out.push({ type: "em", children: parseInline(match[5] ?? match[6]!) });
    else out.push({ type: "link", text: match[7]!, href: match[8]! });
    last = at + match[0].length;
  }
  if (last < text.length) out.push({ type: "text", text: text.slice(last) });
  return out;
}

const cells = (line: string): string[] =>
  line
    .trim()
    .replace(/^\|/, "")
    .replace(/\|$/, "")
    .split("|")
    .map((c) => c.trim());
const isTableRule = (line: string | undefined): boolean =>
  line !== undefined && /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/.test(line);
const LIST_ITEM = /^(\s*)([-*+]|(\d+)[.)])\s+(.*)$/;

export function parseMarkdown(source: string): Block[] {
  const lines = source.replace(/\r\n?/g, "\n").split("\n");
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  const endParagraph = (): void => {
    if (paragraph.length > 0) blocks.push({ type: "paragraph", inlines: parseInline(paragraph.join(" ")) });
    paragraph = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const fence = /^\s*(```|~~~)\s*([\w+-]*)/.exec(line);
    if (fence) {
      endParagraph();
      const body: string[] = [];
      while (++i < lines.length && !lines[i]!.trim().startsWith(fence[1]!)) body.push(lines[i]!);
      blocks.push({ type: "code", lang: fence[2] ?? "", text: body.join("\n") });
      continue;
    }
    if (!line.trim()) {
      endParagraph();
      continue;
    }
    const heading = /^\s*(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading) {
      endParagraph();
      blocks.push({ type: "heading", level: heading[1]!.length, inlines: parseInline(heading[2]!) });
      continue;
    }
    if (/^\s*([-*_])(\s*\1){2,}\s*$/.test(line)) {
      endParagraph();
      blocks.push({ type: "rule" });
      continue;
    }
    if (line.includes("|") && isTableRule(lines[i + 1])) {
      endParagraph();
      const head = cells(line).map(parseInline);
      const rows: Inline[][][] = [];
      for (i += 2; i < lines.length && lines[i]!.includes("|") && lines[i]!.trim(); i++)
        rows.push(cells(lines[i]!).map(parseInline));
      i--;
      blocks.push({ type: "table", head, rows });
      continue;
    }
    const quote = /^\s*>\s?(.*)$/.exec(line);
    if (quote) {
      endParagraph();
      const previous = blocks[blocks.length - 1];
      if (previous?.type === "quote" && lines[i - 1]?.trim().startsWith(">"))
        previous.inlines.push({ type: "text", text: " " }, ...parseInline(quote[1]!));
      else blocks.push({ type: "quote", inlines: parseInline(quote[1]!) });
      continue;
    }
    const item = LIST_ITEM.exec(line);
    if (item) {
      endParagraph();
      const ordered = item[3] !== undefined;
      const depth = Math.min(3, Math.floor(item[1]!.replace(/\t/g, "  ").length / 2));
      const previous = blocks[blocks.length - 1];
      const entry = { depth, inlines: parseInline(item[4]!) };
      if (previous?.type === "list" && (previous.ordered === ordered || depth > 0)) previous.items.push(entry);
      else blocks.push({ type: "list", ordered, start: ordered ? Number(item[3]) : 1, items: [entry] });
      continue;
    }
    const previous = blocks[blocks.length - 1];
    // An indented line right after a list item continues it.
    if (paragraph.length === 0 && previous?.type === "list" && /^\s{2,}\S/.test(line) && lines[i - 1]?.trim()) {
      previous.items[previous.items.length - 1]!.inlines.push({ type: "text", text: " " }, ...parseInline(line.trim()));
      continue;
    }
    paragraph.push(line.trim());
  }
  endParagraph();
  return blocks;
}
