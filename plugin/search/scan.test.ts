/**
 * The scan on the simulator with strict dynamic-page access: every page loaded once, through loadAsync only;
 * frames in sections found; an unchanged, moved frame keeps its document; an edited one alone is computed
 * again; frames that cannot be read are skipped with the reason, never failing the scan.
 */
import { afterEach, describe, expect, it } from "vitest";
import { Cancelled } from "../../kernel/cancelled.js";
import { readFigmaFixture } from "../../test/figma-sim/node.js";
import { createFigmaSim, installFigmaSim, type FigmaSim } from "../../test/figma-sim/sim.js";
import { sectionedFile } from "../../test/helpers/sectioned-file.js";
import type { SearchFrameDoc } from "../../contract/search.js";
import { Job } from "../tasks.js";
import { scanFrames, type ScanOutcome } from "./scan.js";

const DESIGN_SYSTEM = "figmagic-design-system.file.json";
let restore: (() => void) | undefined;
afterEach(() => {
  restore?.();
  restore = undefined;
});

function install(file: unknown): FigmaSim {
  const sim = createFigmaSim({ file });
  restore = installFigmaSim(sim);
  return sim;
}

async function scan(
  previous: readonly SearchFrameDoc[] = [],
  job = new Job("scan"),
): Promise<ScanOutcome & { labels: string[] }> {
  const labels: string[] = [];
  const outcome = await scanFrames({
    job,
    previous: new Map(previous.map((d) => [d.id, d])),
    onProgress: (_done, _total, label) => labels.push(label),
  });
  return { ...outcome, labels };
}

describe("scanFrames", () => {
  it("reads every top-level frame of every page, loading each page once through loadAsync", async () => {
    const sim = install(readFigmaFixture(DESIGN_SYSTEM));
    // The simulator refuses what Figma refuses: another page's children before loadAsync.
    expect(() => sim.pages[1]!.children).toThrow(
      "Cannot access children on a page that has not been explored. Call `await page.loadAsync()` first.",
    );
    const { docs, skipped, computed, labels } = await scan();
    expect(docs).toHaveLength(46);
    expect(computed).toBe(46);
    expect(skipped).toEqual([]);
    expect(sim.record.pageLoads).toEqual(sim.pages.map((p) => p.id));
    expect(sim.record.allPagesLoads).toBe(0);
    expect(docs.find((d) => d.id === "3214:739")).toMatchObject({
      name: "Easings",
      page: "Design Tokens",
      pageId: "2605:12",
    });
    expect(labels).toContain("Reading page 5 / 5 · Views");
    expect(labels.at(-1)).toBe("Read 46 frames on 5 pages");
    // Only frames, components and component sets: the pages' loose texts are no results.
    expect(docs.every((d) => ["FRAME", "COMPONENT", "COMPONENT_SET"].includes(sim.node(d.id).type))).toBe(true);
  });

  it("finds frames inside sections, nested sections included", async () => {
    const sim = install(sectionedFile());
    const { docs } = await scan();
    expect(docs.map((d) => [d.name, d.page])).toEqual([
      ["1.0. Bundle Figma Document", "Dialogs"],
      ["Log-In Page", "Onboarding"],
    ]);
    // A frame moved into the nested section is still found.
    sim.node("900:2").appendChild(sim.node("101:3"));
    expect((await scan()).docs.map((d) => d.id)).toEqual(["25:0", "101:3"]);
  });

  it("re-computes only an edited frame; a moved frame keeps its document, a deleted one is gone", async () => {
    const sim = install(readFigmaFixture(DESIGN_SYSTEM));
    const first = await scan();
    const [edited, moved, deleted] = first.docs.filter(
      (d) => sim.node(d.id).findAll((n) => n.type === "TEXT").length > 0,
    );
    const text = sim.node(edited!.id).findAll((n) => n.type === "TEXT")[0]!;
    text.rest["characters"] = "Quarterly revenue dashboard";
    sim.node(moved!.id).x += 250;
    sim.node(moved!.id).y -= 40;
    sim.node(deleted!.id).remove();
    const second = await scan(first.docs);
    expect(second.computed).toBe(1);
    expect(second.docs).toHaveLength(45);
    const after = new Map(second.docs.map((d) => [d.id, d]));
    expect(after.get(edited!.id)!.hash).not.toBe(edited!.hash);
    expect(after.get(edited!.id)!.texts).toContain("Quarterly revenue dashboard");
    expect(after.get(moved!.id)).toEqual(moved);
    expect(after.has(deleted!.id)).toBe(false);
    // Resizing is an edit: the summary says the size.
    sim.node(moved!.id).resize(999, 111);
    const third = await scan(second.docs);
    expect(third.computed).toBe(1);
    expect(third.docs.find((d) => d.id === moved!.id)!.summary).toMatch(/^999×111/);
  });

  it("skips hidden, oversized and unreadable frames with the reason, and reads the rest", async () => {
    const sim = install(readFigmaFixture(DESIGN_SYSTEM));
    const ids = sim
      .topLevel()
      .filter((n) => n.type === "FRAME")
      .map((n) => n.id);
    sim.node(ids[0]!).visible = false;
    sim.node(ids[1]!).resize(12_000, 300);
    sim.failExport(ids[2]!, "Internal export error");
    const { docs, skipped } = await scan();
    expect(docs).toHaveLength(43);
    expect(skipped.map((s) => [s.id, s.reason])).toEqual([
      [ids[0], "It is hidden (or in a hidden section): show it to find it with Search."],
      [ids[1], "It is 12,000 × 300 px, larger than the 10,000 px on a side Figment reads."],
      [ids[2], "Figma could not export it: Internal export error"],
    ]);
    expect(skipped[0]).toMatchObject({ page: "Design Tokens" });
  });

  it("stops when cancelled, between frames", async () => {
    install(readFigmaFixture(DESIGN_SYSTEM));
    const job = new Job("scan");
    let frames = 0;
    const run = scanFrames({
      job,
      previous: new Map(),
      onProgress: (_d, _t, label) => {
        if (/— \d+ \/ \d+ frames$/.test(label) && ++frames === 1) job.cancel();
      },
    });
    await expect(run).rejects.toBeInstanceOf(Cancelled);
  });
});
