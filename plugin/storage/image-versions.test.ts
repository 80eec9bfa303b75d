/**
 * Image versions in clientStorage on the simulator: round trip per file, Figma's size measure, the budget and
 * its "full" refusal (nothing dropped), deleting, lost and unlisted entries, preview checks, file scopes.
 */
import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import type { ImageVersion } from "../../contract/image.js";
import { IMAGE_VERSIONS_BUDGET } from "../../contract/limits.js";
import { createFigmaSim, installFigmaSim, type FigmaSim, type FigmaSimOptions } from "../../test/figma-sim/sim.js";
import { CANVAS_FILE, imageRecord, png } from "../../test/helpers/canvas-file.js";
import { REPO_ROOT } from "../../test/helpers/fixtures.js";
import { PluginError } from "../errors.js";
import { entryKey, HISTORY_INDEX_KEY, storedSize } from "./history-index.js";
import { deleteImageVersions, loadImageVersions, saveImageVersion } from "./image-versions.js";
import { listHistory } from "./history-store.js";

let restore: (() => void) | undefined;
afterEach(() => {
  restore?.();
  restore = undefined;
});

/** A simulator over `storage` (shared between "files", as clientStorage is per plugin, not per file). */
function sim(storage: Record<string, unknown> = {}, options: Partial<FigmaSimOptions> = {}): FigmaSim {
  restore?.();
  const s = createFigmaSim({ file: CANVAS_FILE, storage, ...options });
  restore = installFigmaSim(s);
  return s;
}

const minute = (n: number): string => new Date(Date.UTC(2026, 4, 1, 12, n)).toISOString();

function version(id: string, at = 0, previewBytes?: Uint8Array): ImageVersion {
  const preview = previewBytes ?? png(256, 171, at);
  return {
    kind: "image",
    id,
    createdAt: minute(at),
    record: imageRecord({ versionId: id, createdAt: minute(at) }),
    preview: { bytes: preview, width: 256, height: 171 },
    original: { width: 1536, height: 1024, bytes: 2_400_000 },
  };
}

async function refusal(call: () => Promise<unknown>): Promise<PluginError> {
  try {
    await call();
  } catch (error) {
    if (error instanceof PluginError) return error;
    throw error;
  }
  throw new Error("expected a PluginError");
}

describe("image versions", () => {
  it(
    "an SD image keeps its seed and parameters in its " + "record, and its History line says the model and the seed",
    async () => {
      sim();
      const base = version("v-sd", 2);
      const sd = {
        seed: 1234567,
        steps: 24,
        cfgScale: 6.5,
        sampler: "Euler a",
        negativePrompt: "blurry",
        strength: 0.55,
      };
      const made = {
        ...base,
        record: { ...base.record, provider: "custom" as const, model: "dreamshaper_8 [879db523c3]", sd },
      };
      await saveImageVersion(made);
      expect((await loadImageVersions(false)).versions[0]!.record.sd).toEqual(sd);
      const { entries } = await listHistory({});
      expect(entries.map((e) => [e.title, e.model])).toEqual([
        [made.record.prompt, "dreamshaper_8 [879db523c3] · seed 1234567"],
      ]);
      // A hosted image's line names no seed.
      await saveImageVersion(version("v-hosted", 3));
      expect((await listHistory({})).entries.find((e) => e.id === "v-hosted")?.model).toBeUndefined();
    },
  );

  it("keep versions per file, oldest first, previews as bytes, with Figma's measure of their size", async () => {
    const s = sim();
    expect(await loadImageVersions(false)).toEqual({
      versions: [],
      usage: { bytes: 0, budget: IMAGE_VERSIONS_BUDGET, fileBytes: 0 },
      lost: 0,
    });
    // Loading writes nothing to the file; the first save gives it an id.
    expect(s.record.pluginData).toEqual([]);
    const later = version("v-2", 5);
    const earlier = version("v-1", 1);
    const first = await saveImageVersion(later);
    const second = await saveImageVersion(earlier);
    expect(s.record.pluginData.map((p) => [p.nodeId, p.key])).toEqual([["0:0", "figment.fileId"]]);
    const loaded = await loadImageVersions(false);
    expect(loaded.versions).toEqual([earlier, later]);
    expect(loaded.versions[0]!.preview.bytes).toBeInstanceOf(Uint8Array);
    expect(loaded.usage).toEqual(second);
    expect(second.bytes).toBeGreaterThan(first.bytes);
    expect(second.fileBytes).toBe(second.bytes);
    // Figma counts key + JSON, a Uint8Array by its length: each entry costs about its preview plus ~1 kB.
    const stored = s.storage.get(entryKey({ kind: "image", id: "v-1" }));
    expect(storedSize(entryKey({ kind: "image", id: "v-1" }), stored)).toBeGreaterThan(earlier.preview.bytes.length);
    expect(second.bytes - first.bytes).toBeGreaterThan(earlier.preview.bytes.length);
    expect(second.bytes - first.bytes).toBeLessThan(earlier.preview.bytes.length + 2000);
    // Saving the same id again replaces it and is not counted twice.
    expect((await saveImageVersion(earlier)).bytes).toBe(second.bytes);
  });

  it(
    "refuses a version once the budget is used up, keeping " + "every version, and takes new ones after a delete",
    async () => {
      sim();
      // Noise does not compress: ~190 kB previews, so about ten fit in 2 MB.
      const noisy = (seed: number): Uint8Array => {
        const bytes = png(256, 171, seed);
        const out = new Uint8Array(190_000);
        out.set(bytes);
        for (let i = bytes.length; i < out.length; i++) out[i] = (i * 2654435761 + seed) & 0xff;
        return out;
      };
      let saved = 0;
      let full: PluginError | undefined;
      while (!full) {
        try {
          await saveImageVersion(version(`v-${saved}`, saved, noisy(saved)));
          saved++;
        } catch (error) {
          if (!(error instanceof PluginError)) throw error;
          full = error;
        }
      }
      expect(saved).toBe(10);
      expect(full.code).toBe("storage-full");
      expect(full.message).toMatch(
        new RegExp(
          String.raw`^Storage for image versions is full: 1\.9 MB of 2\.0 MB used, and this version needs ` +
            String.raw`19\d kB\. Delete versions you no longer need to keep new ones; nothing was deleted\.$`,
        ),
      );
      const loaded = await loadImageVersions(false);
      expect(loaded.versions.map((v) => v.id)).toEqual(Array.from({ length: 10 }, (_, i) => `v-${i}`));
      expect(loaded.usage.bytes).toBeLessThanOrEqual(IMAGE_VERSIONS_BUDGET);
      const after = await deleteImageVersions(["v-0", "v-3", "gone"]);
      expect(after.bytes).toBeLessThan(loaded.usage.bytes);
      await saveImageVersion(version("v-10", 10, noisy(10)));
      expect((await loadImageVersions(false)).versions.map((v) => v.id)).toEqual([
        "v-1",
        "v-2",
        "v-4",
        "v-5",
        "v-6",
        "v-7",
        "v-8",
        "v-9",
        "v-10",
      ]);
    },
  );

  it(
    "keeps files apart by fileKey or the file's own id, " + "lists every file's on request, and deletes across files",
    async () => {
      const storage: Record<string, unknown> = {};
      let s = sim(storage, { fileKey: "KEY1" });
      await saveImageVersion(version("a-1"));
      const shared = Object.fromEntries(s.storage);
      s = sim(shared);
      await saveImageVersion(version("b-1", 2));
      const mine = await loadImageVersions(false);
      expect(mine.versions.map((v) => v.id)).toEqual(["b-1"]);
      expect(mine.usage.fileBytes).toBeLessThan(mine.usage.bytes);
      expect((await loadImageVersions(true)).versions.map((v) => v.id)).toEqual(["a-1", "b-1"]);
      expect((await deleteImageVersions(["a-1"])).bytes).toBe(mine.usage.fileBytes);
      const stored = s.storage.get(HISTORY_INDEX_KEY) as { entries: { scope: string }[] };
      expect(stored.entries.map((e) => e.scope)).toEqual([expect.stringMatching(/^doc:[a-z0-9]{16}$/)]);
    },
  );

  it("reports versions it cannot read back, and removes entries no list names", async () => {
    const s = sim();
    await saveImageVersion(version("v-1", 1));
    await saveImageVersion(version("v-2", 2));
    s.storage.delete(entryKey({ kind: "image", id: "v-1" }));
    s.storage.set("figment.history/image/stray", { kind: "image" });
    const loaded = await loadImageVersions(false);
    expect(loaded.versions.map((v) => v.id)).toEqual(["v-2"]);
    expect(loaded.lost).toBe(1);
    expect(s.storage.has("figment.history/image/stray")).toBe(false);
    expect((await loadImageVersions(false)).lost).toBe(0);
  });

  it("checks the preview's bytes and the version's id before saving anything", async () => {
    const s = sim();
    const gif = new Uint8Array([...new TextEncoder().encode("GIF89a"), 0, 1, 171, 0, 0, 0, 0, 0x3b]);
    const jpeg = new Uint8Array(readFileSync(`${REPO_ROOT}/test/fixtures/images/gradient-300x200.jpg`));
    expect((await refusal(() => saveImageVersion(version("v-1", 0, gif)))).message).toBe(
      "A version's preview must be a PNG or JPEG image; nothing was saved.",
    );
    expect((await refusal(() => saveImageVersion(version("v-1", 0, jpeg)))).message).toBe(
      "The preview is 300 × 200 px but says 256 × 171; nothing was saved.",
    );
    expect((await refusal(() => saveImageVersion({ ...version("v-1"), id: "v-2" }))).code).toBe("bad-message");
    expect(s.storage.size).toBe(0);
  });

  it("says what failed when clientStorage does", async () => {
    const s = sim();
    s.failStorage("quota exceeded");
    const error = await refusal(() => saveImageVersion(version("v-1")));
    expect([error.code, error.message]).toEqual([
      "storage-failed",
      "Could not read the stored versions: quota exceeded",
    ]);
  });
});
