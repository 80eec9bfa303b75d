/**
 * The layout of the history export (a zip the user downloads): each code result's files under
 * code/<frame>-<date>/, each analysis as analyses/<frame>-<date>.md, each image's stored preview and its
 * record under images/, and index.json listing every entry with where it went. Pure: paths and contents;
 * ui/lib/zip.ts packs them.
 */
import { readRasterHeader } from "../../kernel/image-header.js";
import type { SourceFile } from "../../codegen/types.js";
import type { HistoryEntry, HistoryItem } from "../../contract/history.js";
import { analysisMarkdown } from "./analysis-markdown.js";

/** A path part from a name: lower-case letters, digits and dashes, at most 40 characters. */
export function slug(name: string): string {
  return (
    name
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 40)
      .replace(/-+$/, "") || "untitled"
  );
}

/** "2026-11-23-1559" (UTC, as stored). */
const stamp = (iso: string): string => iso.slice(0, 16).replace("T", "-").replace(":", "");

/** A stored file path kept inside its folder: no leading slash, no ".." parts. */
const safePath = (path: string): string =>
  path
    .split("/")
    .filter((p) => p !== "" && p !== "." && p !== "..")
    .join("/") || "file";

interface IndexLine {
  kind: HistoryEntry["kind"];
  id: string;
  createdAt: string;
  frame?: { id: string; name: string };
  path: string;
}

/** Picks `base` or `base-2`, `base-3`… so no two entries share a folder or file. */
function unique(taken: Set<string>, base: string): string {
  let name = base;
  for (let n = 2; taken.has(name); n++) name = `${base}-${n}`;
  taken.add(name);
  return name;
}

export function historyZipFiles(
  entries: readonly HistoryEntry[],
  damaged: readonly HistoryItem[] = [],
  exportedAt = new Date().toISOString(),
): SourceFile[] {
  const files: SourceFile[] = [];
  const index: IndexLine[] = [];
  const taken = new Set<string>();
  for (const entry of entries) {
    if (entry.kind === "code") {
      const dir = unique(taken, `code/${slug(entry.frame.name)}-${stamp(entry.createdAt)}`);
      for (const f of entry.files) files.push({ path: `${dir}/${safePath(f.path)}`, content: f.content });
      if (entry.turns?.length)
        files.push({
          path: `${dir}/TURNS.md`,
          content:
            entry.turns
              .map((t) => `**${t.role === "user" ? "You" : "Model"}:** ${t.text || "(no text)"}`)
              .join("\n\n") + "\n",
        });
      index.push({ kind: "code", id: entry.id, createdAt: entry.createdAt, frame: entry.frame, path: `${dir}/` });
    } else if (entry.kind === "analysis") {
      const path = `${unique(taken, `analyses/${slug(entry.frame.name)}-${stamp(entry.createdAt)}`)}.md`;
      files.push({ path, content: analysisMarkdown(entry) });
      index.push({ kind: "analysis", id: entry.id, createdAt: entry.createdAt, frame: entry.frame, path });
    } else {
      const { version } = entry;
      const base = unique(taken, `images/${slug(version.record.prompt)}-${stamp(version.createdAt)}`);
      const preview = `${base}.${readRasterHeader(version.preview.bytes)?.format === "png" ? "png" : "jpg"}`;
      files.push({ path: preview, content: "", bytes: version.preview.bytes });
      const record = {
        record: version.record,
        original: version.original,
        preview: { width: version.preview.width, height: version.preview.height },
        ...(entry.frame ? { frame: entry.frame } : {}),
        ...(entry.placedAs ? { placedAs: entry.placedAs } : {}),
      };
      files.push({ path: `${base}.json`, content: JSON.stringify(record, null, 2) + "\n" });
      index.push({
        kind: "image",
        id: version.id,
        createdAt: version.createdAt,
        ...(entry.frame ? { frame: entry.frame } : {}),
        path: preview,
      });
    }
  }
  const unreadable = damaged.map((d) => ({ kind: d.kind, id: d.id, createdAt: d.createdAt, title: d.title }));
  files.push({
    path: "index.json",
    content:
      JSON.stringify(
        {
          exportedAt,
          note:
            "Image previews are the 256 px previews Figment keeps; " +
            "full images are on the canvas where they were placed.",
          entries: index,
          ...(unreadable.length ? { unreadable } : {}),
        },
        null,
        2,
      ) + "\n",
  });
  return files;
}
