/**
 * The History panel's pure parts: filters, frames, day groups, time and size words, free-space preselection, the
 * export's layout.
 */
import { describe, expect, it } from "vitest";
import { strFromU8, unzipSync } from "fflate";
import type { AnalysisEntry, HistoryItem, ImageEntry } from "../../contract/history.js";
import { CLIENT_STORAGE_QUOTA, SETTINGS_RESERVE } from "../../contract/limits.js";
import { zipFiles } from "../lib/zip.js";
import { analysisMarkdown } from "./analysis-markdown.js";
import { relativeTime } from "../lib/time-ago.js";
import { codeEntry } from "../../test/helpers/history-entries.js";
import { filterEntries, framesOf, groupByDay, selectedFrameWithEntries, sizeText } from "./history-list.js";
import { historyZipFiles, slug } from "./history-zip.js";
import { bytesToFree, preselect } from "./free-space.js";

const item = (
  id: string,
  kind: HistoryItem["kind"],
  createdAt: string,
  frame?: { id: string; name: string },
  bytes = 100,
): HistoryItem => ({ id, kind, createdAt, bytes, thisFile: true, title: id, ...(frame ? { frame } : {}) });
const login = { id: "1:2", name: "Login" };
const home = { id: "3:4", name: "Home" };
const entries = [
  item("c2", "code", "2026-11-23T10:00:00Z", login),
  item("a1", "analysis", "2026-11-22T18:00:00Z", home),
  item("i1", "image", "2026-11-20T09:00:00Z"),
  item("c1", "code", "2026-11-19T09:00:00Z", { id: "1:2", name: "Old login" }),
];

describe("history list", () => {
  it("filters by kind and by frame, together", () => {
    expect(filterEntries(entries, { kind: "all", frameId: undefined }).map((e) => e.id)).toEqual([
      "c2",
      "a1",
      "i1",
      "c1",
    ]);
    expect(filterEntries(entries, { kind: "code", frameId: undefined }).map((e) => e.id)).toEqual(["c2", "c1"]);
    expect(filterEntries(entries, { kind: "all", frameId: "1:2" }).map((e) => e.id)).toEqual(["c2", "c1"]);
    expect(filterEntries(entries, { kind: "analysis", frameId: "1:2" })).toEqual([]);
  });

  it("lists each frame once, by its newest name, and offers the selected frame only when it has entries", () => {
    expect(framesOf(entries)).toEqual([home, login]);
    const selection = (id: string, frameId?: string) => ({
      nodes: [{ id, name: "x", type: "FRAME", width: 1, height: 1, ...(frameId ? { frameId } : {}) }],
      unsupported: [],
    });
    expect(selectedFrameWithEntries(selection("1:2"), framesOf(entries))).toBe("1:2");
    expect(selectedFrameWithEntries(selection("9:9", "3:4"), framesOf(entries))).toBe("3:4");
    expect(selectedFrameWithEntries(selection("9:9"), framesOf(entries))).toBeUndefined();
    expect(selectedFrameWithEntries({ nodes: [], unsupported: [] }, framesOf(entries))).toBeUndefined();
  });

  it("groups newest-first entries by local day", () => {
    const now = new Date(2026, 10, 23, 12);
    const local = (d: number, h: number) => new Date(2026, 10, d, h).toISOString();
    const groups = groupByDay(
      [
        item("a", "code", local(23, 9)),
        item("b", "code", local(23, 1)),
        item("c", "code", local(22, 20)),
        item("d", "code", local(16, 8)),
      ],
      now,
    );
    expect(groups.map((g) => [g.label, g.entries.map((e) => e.id)])).toEqual([
      ["Today", ["a", "b"]],
      ["Yesterday", ["c"]],
      ["Mon, Nov 16", ["d"]],
    ]);
  });

  it("says times and sizes the short way", () => {
    const now = new Date("2026-11-23T12:00:00Z");
    expect(relativeTime("2026-11-23T11:59:30Z", now)).toBe("just now");
    expect(relativeTime("2026-11-23T11:55:00Z", now)).toBe("5 min ago");
    expect(relativeTime("2026-11-23T09:30:00Z", now)).toBe("2 h ago");
    expect(relativeTime("2026-11-20T12:00:00Z", now)).toBe("3 d ago");
    expect(relativeTime("2026-11-03T12:00:00Z", now)).toBe("Nov 3");
    expect(relativeTime("2025-11-03T12:00:00Z", now)).toBe("Nov 3, 2025");
    expect([sizeText(900), sizeText(15_400), sizeText(1_240_000)]).toEqual(["900 B", "15 kB", "1.2 MB"]);
  });
});

describe("free space", () => {
  const usage = {
    history: 1_000_000,
    fileBytes: 500_000,
    other: CLIENT_STORAGE_QUOTA - SETTINGS_RESERVE - 1_000_000 - 300,
    quota: CLIENT_STORAGE_QUOTA,
  };
  it("needs what the refused entries take beyond the free space", () => {
    expect(bytesToFree(usage, [1000])).toBe(700);
    expect(bytesToFree(usage, [200])).toBe(0);
    expect(bytesToFree(usage, [1000, 500])).toBe(1200);
  });
  it("preselects the oldest entries until they free enough, and no more", () => {
    const list = [
      item("new", "code", "2026-11-23T00:00:00Z", undefined, 500),
      item("old", "code", "2026-01-01T00:00:00Z", undefined, 400),
      item("mid", "image", "2026-06-01T00:00:00Z", undefined, 400),
      item("mid2", "analysis", "2026-07-01T00:00:00Z", undefined, 400),
    ];
    expect(preselect(list, 700).map((e) => e.id)).toEqual(["old", "mid"]);
    expect(preselect(list, 800).map((e) => e.id)).toEqual(["old", "mid"]);
    expect(preselect(list, 801).map((e) => e.id)).toEqual(["old", "mid", "mid2"]);
    expect(preselect(list, 0)).toEqual([]);
    expect(preselect(list, 10_000).map((e) => e.id)).toEqual(["old", "mid", "mid2", "new"]);
  });
});

const code = codeEntry({
  createdAt: "2026-11-23T15:59:51.000Z",
  frame: { id: "1:2", name: "Log-In Page" },
  files: [
    { path: "src/App.tsx", content: "export {}\n" },
    { path: "../evil.ts", content: "x" },
  ],
  turns: [
    { role: "user", text: "Darker" },
    { role: "assistant", text: "Made it darker." },
  ],
});
const analysis: AnalysisEntry = {
  kind: "analysis",
  id: "analysis-1",
  createdAt: "2026-11-22T08:05:00.000Z",
  frame: { id: "3:4", name: "Home" },
  model: "gpt-5",
  markdown: "## Verdict\nFine.",
  findings: [
    {
      kind: "contrast",
      nodeId: "5:6",
      nodeName: "Caption",
      severity: "error",
      message: "Text contrast is too low.",
      ratio: 2.85,
      required: 4.5,
      foreground: "#999999",
      background: "#ffffff",
      large: false,
    },
  ],
};
/**
 * A real PNG signature and IHDR (256 × 128): the zip names a preview by its header, as kernel/image-header.ts reads
 * it.
 */
const png = new Uint8Array([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0, 0, 0, 0, 128, 8, 6,
  0, 0, 0,
]);
const image: ImageEntry = {
  kind: "image",
  version: {
    kind: "image",
    id: "v-1",
    createdAt: "2026-11-21T10:00:00.000Z",
    preview: { bytes: png, width: 256, height: 128 },
    original: { width: 1024, height: 512, bytes: 90_000 },
    record: {
      versionId: "v-1",
      createdAt: "2026-11-21T10:00:00.000Z",
      prompt: "A red fox in snow!",
      model: "gpt-image-1",
      provider: "openai",
      api: "images",
      size: "1024x512",
      quality: "high",
      background: "auto",
      format: "png",
      count: 1,
      index: 0,
    },
  },
  placedAs: { nodeIds: ["9:1"], at: "2026-11-21T10:01:00.000Z" },
} as ImageEntry;

describe("history export", () => {
  it("writes the Markdown of an analysis: findings with their figures, then the critique", () => {
    const md = analysisMarkdown(analysis);
    expect(md).toContain("# Analysis of Home");
    expect(md).toContain("### Contrast (1)");
    expect(md).toContain("- **error** · Caption: Text contrast is too low. (2.85:1, needs 4.5:1 · #999999 on #ffffff)");
    expect(md.indexOf("## Critique")).toBeGreaterThan(md.indexOf("## Findings"));
    expect(md).toContain("## Verdict\nFine.");
  });

  it("lays code, analyses and images out by kind, with an index, and keeps paths inside their folder", () => {
    const files = historyZipFiles([code, analysis, image, { ...code, id: "code-2" }], [], "2026-11-23T16:00:00.000Z");
    const paths = files.map((f) => f.path);
    expect(paths).toEqual([
      "code/log-in-page-2026-11-23-1559/src/App.tsx",
      "code/log-in-page-2026-11-23-1559/evil.ts",
      "code/log-in-page-2026-11-23-1559/TURNS.md",
      "analyses/home-2026-11-22-0805.md",
      "images/a-red-fox-in-snow-2026-11-21-1000.png",
      "images/a-red-fox-in-snow-2026-11-21-1000.json",
      "code/log-in-page-2026-11-23-1559-2/src/App.tsx",
      "code/log-in-page-2026-11-23-1559-2/evil.ts",
      "code/log-in-page-2026-11-23-1559-2/TURNS.md",
      "index.json",
    ]);
    const unzipped = unzipSync(zipFiles(files));
    expect(unzipped["images/a-red-fox-in-snow-2026-11-21-1000.png"]).toEqual(png);
    const index = JSON.parse(strFromU8(unzipped["index.json"]!)) as { entries: { id: string; path: string }[] };
    expect(index.entries.map((e) => [e.id, e.path])).toEqual([
      ["code-1", "code/log-in-page-2026-11-23-1559/"],
      ["analysis-1", "analyses/home-2026-11-22-0805.md"],
      ["v-1", "images/a-red-fox-in-snow-2026-11-21-1000.png"],
      ["code-2", "code/log-in-page-2026-11-23-1559-2/"],
    ]);
    expect(JSON.parse(strFromU8(unzipped["images/a-red-fox-in-snow-2026-11-21-1000.json"]!))).toMatchObject({
      record: { prompt: "A red fox in snow!" },
      placedAs: { nodeIds: ["9:1"] },
    });
    expect(strFromU8(unzipped["code/log-in-page-2026-11-23-1559/TURNS.md"]!)).toContain("**You:** Darker");
  });

  it("names unreadable entries in the index and never makes an empty path part", () => {
    const files = historyZipFiles([], [item("bad", "code", "2026-11-01T00:00:00Z")]);
    expect(JSON.parse(files[0]!.content)).toMatchObject({ entries: [], unreadable: [{ id: "bad" }] });
    expect(slug("!!!")).toBe("untitled");
    expect(slug("Écran — Accueil")).toBe("ecran-accueil");
  });
});
