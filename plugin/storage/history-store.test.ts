/**
 * The history store on the simulator (whose clientStorage enforces Figma's 5 MB quota): round trip across
 * a restart, file scoping, compression of real generated code, the quota refusal (nothing lost, then a
 * save after deleting chosen entries), image entries as pointers to stored versions, damaged data.
 */
import { afterEach, describe, expect, it } from "vitest";
import { emitFiles, loadDesign } from "../../codegen/index.js";
import type { AnalysisEntry, CodeEntry } from "../../contract/history.js";
import type { ImageVersion } from "../../contract/image.js";
import { CLIENT_STORAGE_QUOTA } from "../../contract/limits.js";
import { readFigmaFixture } from "../../test/figma-sim/node.js";
import {
  createFigmaSim,
  installFigmaSim,
  storedBytes,
  type FigmaSim,
  type FigmaSimOptions,
} from "../../test/figma-sim/sim.js";
import { CANVAS_FILE, imageRecord, png } from "../../test/helpers/canvas-file.js";
import { PluginError } from "../errors.js";
import { entryKey, HISTORY_INDEX_KEY } from "./history-index.js";
import {
  deleteHistoryEntries,
  exportHistory,
  listHistory,
  loadHistoryEntry,
  saveHistoryEntry,
} from "./history-store.js";
import { loadImageVersions, saveImageVersion } from "./image-versions.js";

let restore: (() => void) | undefined;
afterEach(() => {
  restore?.();
  restore = undefined;
});

/** A plugin session over `storage` (clientStorage is per plugin, shared by files); `fileKey` names the file. */
function session(storage: Record<string, unknown> = {}, options: Partial<FigmaSimOptions> = {}): FigmaSim {
  restore?.();
  const s = createFigmaSim({ file: CANVAS_FILE, storage, fileKey: "FILE-A", ...options });
  restore = installFigmaSim(s);
  return s;
}
/** Closing the plugin and starting it again: only clientStorage carries over. */
const restart = (s: FigmaSim, options: Partial<FigmaSimOptions> = {}): FigmaSim =>
  session(Object.fromEntries(s.storage), options);

const minute = (n: number): string => new Date(Date.UTC(2026, 4, 1, 12, n)).toISOString();
const frame = { id: "1:2", name: "Login" };

/** Real generated code: the login screen of a fixture file, emitted for React. */
function generated(): CodeEntry["files"] {
  const { document } = loadDesign(readFigmaFixture("figmasharp-login.file.json"));
  return emitFiles(document, { target: "react", styling: "css-modules", nodeIds: false }).files.map(
    ({ path, content }) => ({ path, content }),
  );
}

function code(
  id: string,
  at: number,
  files: CodeEntry["files"] = [{ path: "App.tsx", content: `export const App = () => <div>${id}</div>;` }],
): CodeEntry {
  return {
    kind: "code",
    id,
    createdAt: minute(at),
    mode: "ai",
    frame,
    target: "react",
    styling: "tailwind",
    model: "gpt-5",
    files,
    turns: [
      { role: "user", text: "Make it responsive" },
      { role: "assistant", text: "Done: the form stacks below 600 px." },
    ],
  };
}

const analysis = (id: string, at: number): AnalysisEntry => ({
  kind: "analysis",
  id,
  createdAt: minute(at),
  frame,
  model: "gpt-5",
  findings: [
    {
      nodeId: "1:3",
      nodeName: "Label",
      kind: "text-size",
      severity: "warning",
      message: "Text is 10 px; 12 px or more reads better.",
      size: 10,
      minimum: 12,
    } as unknown as AnalysisEntry["findings"][number],
  ],
  markdown: "## Critique\n\nThe **primary button** competes with the link.",
});

/** Content that barely compresses: `kB` kilobytes of pseudo-random letters (xorshift, 6 bits each). */
function noise(kB: number, seed: number): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  let x = (seed + 1) * 2654435761;
  const out: string[] = [];
  for (let i = 0; i < kB * 1000; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out.push(alphabet[(x >>> 26) & 63]!);
  }
  return out.join("");
}

describe("history store", () => {
  it("keeps code and analyses across a restart, newest first, filtered by kind and frame", async () => {
    let s = session();
    const first = await saveHistoryEntry(code("c-1", 1));
    await saveHistoryEntry(analysis("a-1", 2));
    await saveHistoryEntry({ ...code("c-2", 3), frame: { id: "9:9", name: "Map" }, mode: "offline", model: undefined });
    expect(first.saved).toMatchObject({
      kind: "code",
      id: "c-1",
      thisFile: true,
      title: "Login · react (AI)",
      frame,
      model: "gpt-5",
    });
    expect(s.record.pluginData).toEqual([]); // fileKey scope: pluginData is never written for history
    s = restart(s);
    const listed = await listHistory();
    expect(listed.entries.map((e) => e.id)).toEqual(["c-2", "a-1", "c-1"]);
    expect((await listHistory({ kind: "code" })).entries.map((e) => e.id)).toEqual(["c-2", "c-1"]);
    expect((await listHistory({ frameId: "1:2" })).entries.map((e) => e.id)).toEqual(["a-1", "c-1"]);
    expect(await loadHistoryEntry({ kind: "code", id: "c-1" })).toEqual(code("c-1", 1));
    expect(await loadHistoryEntry({ kind: "analysis", id: "a-1" })).toEqual(analysis("a-1", 2));
    expect(listed.usage).toMatchObject({ quota: CLIENT_STORAGE_QUOTA, other: 0 });
    expect(listed.usage.history).toBe(listed.usage.fileBytes + storedBytes(HISTORY_INDEX_KEY, { v: 1, entries: [] }));
    // The usage is Figma's own measure of everything stored, over-counting each index line by a few bytes at most.
    const all = [...s.storage].reduce((n, [k, v]) => n + storedBytes(k, v), 0);
    expect(listed.usage.history + listed.usage.other).toBeGreaterThanOrEqual(all);
    expect(listed.usage.history + listed.usage.other).toBeLessThan(all + 3 * 12);
  });

  it("keeps files apart and lists other files' entries only on request", async () => {
    let s = session();
    await saveHistoryEntry(code("a", 1));
    s = restart(s, { fileKey: "FILE-B" });
    await saveHistoryEntry(code("b", 2));
    expect((await listHistory()).entries.map((e) => e.id)).toEqual(["b"]);
    const everything = await listHistory({ allFiles: true });
    expect(everything.entries.map((e) => [e.id, e.thisFile])).toEqual([
      ["b", true],
      ["a", false],
    ]);
    expect(everything.usage.fileBytes).toBeLessThan(everything.usage.history);
    expect((await exportHistory(false)).entries.map((e) => (e.kind === "code" ? e.id : e.kind))).toEqual(["b"]);
    expect((await exportHistory(true)).entries).toHaveLength(2);
  });

  it("compresses generated code several times over", async () => {
    const s = session();
    const files = generated();
    const raw = storedBytes("x", { ...code("big", 1, files) });
    await saveHistoryEntry(code("big", 1, files));
    const stored = storedBytes(
      entryKey({ kind: "code", id: "big" }),
      s.storage.get(entryKey({ kind: "code", id: "big" })),
    );
    console.log(
      `history: ${files.length} generated files, ${raw} bytes as ` +
        `JSON → ${stored} bytes stored (${(raw / stored).toFixed(1)}×)`,
    );
    expect(raw).toBeGreaterThan(5000);
    expect(stored * 3).toBeLessThan(raw);
    expect(
      (await loadHistoryEntry({ kind: "code", id: "big" })).kind === "code" &&
        (await loadHistoryEntry({ kind: "code", id: "big" })),
    ).toMatchObject({ files });
  });

  it("refuses the save that would pass 5 MB, with the usage and the entries to delete, losing nothing", async () => {
    // Settings and keys already stored count too.
    const s = session({ "figment.settings": { theme: "dark", pad: noise(50, 99) } });
    const saved: string[] = [];
    let outcome = await saveHistoryEntry(code("c-0", 0, [{ path: "a.ts", content: noise(400, 0) }]));
    while (outcome.saved) {
      saved.push(outcome.saved.id);
      outcome = await saveHistoryEntry(
        code(`c-${saved.length}`, saved.length, [{ path: "a.ts", content: noise(400, saved.length) }]),
      );
    }
    expect(saved.length).toBeGreaterThanOrEqual(10);
    const { full, usage } = outcome;
    expect(full?.message).toMatch(
      new RegExp(
        String.raw`^History is full: 4\.\d MB of Figma's 5\.0 MB for this plugin is used ` +
          String.raw`\(history 4\.\d MB\), and this code result needs \d+ kB\. Delete entries ` +
          String.raw`or export the history; nothing was saved and nothing was deleted\.$`,
      ),
    );
    expect(usage.other).toBeGreaterThan(50_000);
    expect(usage.history + usage.other + full!.needed).toBeGreaterThan(CLIENT_STORAGE_QUOTA - 100_000);
    expect(full!.candidates.map((c) => c.id)).toEqual(saved); // oldest first
    expect(s.storage.has(entryKey({ kind: "code", id: `c-${saved.length}` }))).toBe(false);
    // Everything stored is still there and readable.
    expect((await exportHistory(true)).entries).toHaveLength(saved.length);
    expect(s.storage.get("figment.settings")).toMatchObject({ theme: "dark" });
    await deleteHistoryEntries([
      { kind: "code", id: "c-0" },
      { kind: "code", id: "c-1" },
      { kind: "code", id: "unknown" },
    ]);
    const retried = await saveHistoryEntry(
      code(`c-${saved.length}`, saved.length, [{ path: "a.ts", content: noise(400, saved.length) }]),
    );
    expect(retried.saved?.id).toBe(`c-${saved.length}`);
    expect((await listHistory()).entries).toHaveLength(saved.length - 1);
  });

  it("refuses an image version, within its own budget, when code results already fill Figma's 5 MB", async () => {
    const s = session({ "figment.cache": noise(4_400, 7) });
    let n = 0;
    while ((await saveHistoryEntry(code(`c-${n}`, n, [{ path: "a.ts", content: noise(100, n) }]))).saved) n++;
    const padded = new Uint8Array(150_000);
    padded.set(png(256, 171));
    const version: ImageVersion = {
      kind: "image",
      id: "v-1",
      createdAt: minute(5),
      record: imageRecord({ versionId: "v-1", createdAt: minute(5) }),
      preview: { bytes: padded, width: 256, height: 171 },
      original: { width: 1536, height: 1024, bytes: 2_000_000 },
    };
    const error = await saveImageVersion(version).catch((e: unknown) => e);
    expect([(error as PluginError).code, (error as PluginError).message]).toEqual([
      "storage-full",
      expect.stringMatching(
        new RegExp(
          String.raw`^Figment's storage is full: 4\.\d MB of Figma's 5\.0 MB is used \(code ` +
            String.raw`results, analyses and images together\), and this version needs 15\d ` +
            String.raw`kB\. Delete history entries to keep new versions; nothing was deleted\.$`,
        ),
      ),
    ]);
    expect(s.storage.has(entryKey({ kind: "image", id: "v-1" }))).toBe(false);
    expect((await listHistory()).entries).toHaveLength(n);
  });

  it("stores an image entry as its saved version plus where it was placed, and deletes both together", async () => {
    let s = session();
    const version: ImageVersion = {
      kind: "image",
      id: "v-1",
      createdAt: minute(5),
      record: imageRecord({ versionId: "v-1", createdAt: minute(5), prompt: "A calm map of Lisbon at dusk" }),
      preview: { bytes: png(256, 171), width: 256, height: 171 },
      original: { width: 1536, height: 1024, bytes: 2_000_000 },
    };
    await expect(saveHistoryEntry({ kind: "image", id: "v-1" })).rejects.toThrow(
      "Image version v-1 is not stored; save the version before adding it to history.",
    );
    await saveImageVersion(version);
    const bytesBefore = [...s.storage].reduce((n, [k, v]) => n + storedBytes(k, v), 0);
    const placedAs = { nodeIds: ["5:1"], at: minute(6) };
    const outcome = await saveHistoryEntry({ kind: "image", id: "v-1", frame, placedAs });
    expect(outcome.saved).toMatchObject({
      kind: "image",
      id: "v-1",
      title: "A calm map of Lisbon at dusk",
      placedAs,
      frame,
    });
    // Only the index line grew: the preview is not stored a second time.
    const bytesAfter = [...s.storage].reduce((n, [k, v]) => n + storedBytes(k, v), 0);
    expect(bytesAfter - bytesBefore).toBeLessThan(200);
    s = restart(s);
    expect(await loadHistoryEntry({ kind: "image", id: "v-1" })).toEqual({ kind: "image", version, frame, placedAs });
    // Re-saving the version (e.g. after a refine) keeps where it was placed.
    await saveImageVersion(version);
    expect((await listHistory({ kind: "image" })).entries[0]?.placedAs).toEqual(placedAs);
    await deleteHistoryEntries([{ kind: "image", id: "v-1" }]);
    expect((await loadImageVersions(false)).versions).toEqual([]);
  });

  it("names a damaged entry clearly and keeps the rest; a damaged index is rebuilt from the entries", async () => {
    const s = session();
    await saveHistoryEntry(code("c-1", 1));
    await saveHistoryEntry(analysis("a-1", 2));
    const key = entryKey({ kind: "code", id: "c-1" });
    s.storage.set(key, { ...(s.storage.get(key) as object), zipped: new Uint8Array([1, 2, 3, 4]) });
    const error = await loadHistoryEntry({ kind: "code", id: "c-1" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PluginError);
    expect((error as PluginError).message).toMatch(
      new RegExp(
        String.raw`^The stored code entry "Login · react \(AI\)" ` +
          String.raw`\(2026-05-01T12:01:00\.000Z\) is damaged and cannot be opened \(.+\)\. ` +
          String.raw`Other entries are not affected; delete this one to free its \d+ bytes\.$`,
      ),
    );
    expect(await loadHistoryEntry({ kind: "analysis", id: "a-1" })).toEqual(analysis("a-1", 2));
    const exported = await exportHistory(false);
    expect([exported.entries.length, exported.damaged.map((d) => d.id)]).toEqual([1, ["c-1"]]);
    await expect(loadHistoryEntry({ kind: "code", id: "nope" })).rejects.toThrow(
      "No code entry nope is stored (it may have been deleted).",
    );
    // The index itself overwritten with garbage: every entry is listed again from its stored value.
    s.storage.set(HISTORY_INDEX_KEY, "garbage");
    expect((await listHistory()).entries.map((e) => [e.id, e.title])).toEqual([
      ["a-1", "Analysis of Login"],
      ["c-1", "Login · react (AI)"],
    ]);
    expect(s.storage.get(HISTORY_INDEX_KEY)).toMatchObject({ v: 1 });
  });
});
