// The relative links and images of a Markdown file, and which of them point nowhere: a missing file, or a
// `#fragment` that names no heading of the Markdown file it points into (GitHub's anchors).
import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";

export interface MarkdownLink {
  line: number;
  target: string;
}

/** `[text](target)`, `![alt](target)` and `<img src="target">` outside code fences and code spans. */
export function linksOf(markdown: string): MarkdownLink[] {
  const links: MarkdownLink[] = [];
  let fenced = false;
  markdown.split("\n").forEach((raw, index) => {
    if (/^\s*(```|~~~)/.test(raw)) {
      fenced = !fenced;
      return;
    }
    if (fenced) return;
    const line = raw.replace(/`[^`]*`/g, "");
    for (const m of line.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g))
      links.push({ line: index + 1, target: m[1]! });
    for (const m of line.matchAll(/<img\b[^>]*\bsrc="([^"]+)"/g)) links.push({ line: index + 1, target: m[1]! });
  });
  return links;
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens, repeats numbered. */
export function headingAnchors(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  let fenced = false;
  for (const line of markdown.split("\n")) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    const heading = fenced ? null : /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (!heading) continue;
    const text = heading[1]!.replace(/\[([^\]]*)\]\([^)]*\)/g, "$1");
    const slug = text
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, "")
      .replace(/\s/g, "-");
    const count = seen.get(slug) ?? 0;
    anchors.add(count === 0 ? slug : `${slug}-${count}`);
    seen.set(slug, count + 1);
  }
  return anchors;
}

const isExternal = (target: string): boolean => /^[a-z][a-z0-9+.-]*:/i.test(target);

/** Each relative link or image of `file` that points nowhere, as "file:line: target (why)". */
export function brokenLinks(file: string, root: string): string[] {
  const markdown = readFileSync(file, "utf8");
  const problems: string[] = [];
  for (const { line, target } of linksOf(markdown)) {
    if (isExternal(target)) continue;
    const [path = "", fragment] = target.split("#", 2);
    const resolved = path === "" ? file : join(dirname(file), decodeURIComponent(path));
    const where = `${relative(root, file)}:${line}: ${target}`;
    if (relative(root, resolved).startsWith("..")) problems.push(`${where} (outside the repository)`);
    else if (!existsSync(resolved)) problems.push(`${where} (no such file)`);
    else if (fragment !== undefined && fragment !== "") {
      if (statSync(resolved).isDirectory() || !resolved.endsWith(".md"))
        problems.push(`${where} (an anchor into a file that is not Markdown)`);
      else if (!headingAnchors(readFileSync(resolved, "utf8")).has(fragment))
        problems.push(`${where} (no heading #${fragment})`);
    }
  }
  return problems;
}
