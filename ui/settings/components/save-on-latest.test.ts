/** Saving on the mapping as it is: a collaborator's save that came first is kept, the change made again on it. */
import { describe, expect, it } from "vitest";
import type { ComponentMap, ComponentMapping } from "../../../codegen/components-map/model.js";
import type { StoredComponents } from "../../../contract/components.js";
import { upsert } from "./mapping-draft.js";
import { SAVE_ATTEMPTS, saveOnLatest, type SendMapping } from "./save-on-latest.js";

const mapping = (name: string, nodeId: string): ComponentMapping => ({
  figma: { nodeId },
  import: { module: "@acme/ui", name },
  props: {},
});
const storedAs = (map: ComponentMap): StoredComponents => ({
  map,
  notes: [],
  bytes: 0,
  limit: 100_000,
  revision: JSON.stringify(map),
});

/**
 * A document the way the main thread keeps it: writes only on the revision it holds; `others` save first, once each.
 */
function documentWith(map: ComponentMap, others: ComponentMap[] = []) {
  let now = storedAs(map);
  const sent: (string | undefined)[] = [];
  const send: SendMapping = async (next, base) => {
    sent.push(base);
    const theirs = others.shift();
    if (theirs) now = storedAs(theirs);
    if (base !== undefined && base !== now.revision) return { stored: now, conflict: true };
    now = storedAs(next);
    return { stored: now };
  };
  return { send, sent, now: () => now };
}

describe("saving the component mapping", () => {
  const a = mapping("A", "1:1");
  const b = mapping("B", "2:2");
  const c = mapping("C", "3:3");

  it("writes the change on the mapping shown when no one saved meanwhile", async () => {
    const doc = documentWith({ components: [a] });
    const stored = await saveOnLatest(
      doc.send,
      (map) => upsert(map, b),
      doc.now(),
      () => {},
    );
    expect(stored.map.components.map((m) => m.import.name)).toEqual(["A", "B"]);
    expect(doc.sent).toHaveLength(1);
  });

  it(
    "keeps a collaborator's mapping saved between the " + "read and the write: the change is made again on theirs",
    async () => {
      const shown = storedAs({ components: [a] });
      const doc = documentWith({ components: [a] }, [{ components: [a, c] }]);
      const newer: string[][] = [];
      const stored = await saveOnLatest(
        doc.send,
        (map) => upsert(map, b),
        shown,
        (s) => newer.push(s.map.components.map((m) => m.import.name)),
      );
      expect(stored.map.components.map((m) => m.import.name)).toEqual(["A", "C", "B"]);
      expect(newer).toEqual([["A", "C"]]);
      expect(doc.sent).toEqual([shown.revision, JSON.stringify({ components: [a, c] })]);
    },
  );

  it("gives up after a few conflicts in a row, saying nothing of this change was saved", async () => {
    const doc = documentWith(
      { components: [a] },
      Array.from({ length: SAVE_ATTEMPTS }, (_, i) => ({ components: [mapping(`X${i}`, `9:${i}`)] })),
    );
    await expect(
      saveOnLatest(
        doc.send,
        (map) => upsert(map, b),
        doc.now(),
        () => {},
      ),
    ).rejects.toThrow(/changed under this save 3 times.*not saved/);
    expect(doc.now().map.components.map((m) => m.import.name)).toEqual([`X${SAVE_ATTEMPTS - 1}`]);
  });
});
