/**
 * The component mapping kept with the document (figma.root shared plugin data), against the figma simulator:
 * saved and read back checked, refused over Figma's 100 kB per entry with the stored one kept; Dev Mode's React
 * draws a mapped instance as the team's component.
 */
import { afterEach, describe, expect, it } from "vitest";
import type { ComponentMap } from "../../codegen/components-map/model.js";
import { COMPONENTS_DATA, SHARED_PLUGIN_DATA_MAX_BYTES } from "../../contract/components.js";
import { installFigmaSim } from "../../test/figma-sim/index.js";
import { simFromFixture } from "../../test/figma-sim/node.js";
import { PluginError } from "../errors.js";
import { createDevModeCodegen } from "../devmode/devmode.js";
import { entryBytes, loadComponents, revisionOf, saveComponents } from "./components-store.js";

let restore: (() => void) | undefined;
afterEach(() => {
  restore?.();
  restore = undefined;
});

/** "Home Indicator" (33459:3759) is an instance of the set 33459:960 with VARIANT Platform and Dark Mode. */
const HOME: ComponentMap = {
  components: [
    {
      figma: { nodeId: "33459:960" },
      import: { module: "@acme/ui", name: "HomeIndicator" },
      props: { platform: { kind: "variant", property: "Platform", values: { iOS: "ios" } } },
    },
  ],
};

function install() {
  const sim = simFromFixture("figma-differ-selfie.nodes.json", { editorType: "dev", command: "", mode: "codegen" });
  restore = installFigmaSim(sim);
  return sim;
}

describe("the component mapping in the document", () => {
  it(
    "is empty at first, then saved as a mapping file's text " +
      "and read back checked, with its size as Figma counts it",
    () => {
      const sim = install();
      expect(loadComponents()).toEqual({
        map: { components: [] },
        notes: [],
        bytes: 0,
        limit: SHARED_PLUGIN_DATA_MAX_BYTES,
        revision: revisionOf(""),
      });
      const { stored: saved } = saveComponents(HOME);
      const text = sim.document.getSharedPluginData(COMPONENTS_DATA.namespace, COMPONENTS_DATA.key);
      expect(JSON.parse(text)).toEqual({ components: HOME.components });
      expect(saved.bytes).toBe(entryBytes(text));
      expect(saved.bytes).toBe(COMPONENTS_DATA.namespace.length + COMPONENTS_DATA.key.length + text.length);
      expect(loadComponents().map.components[0]).toMatchObject(HOME.components[0]!);
      // An empty list removes the entry.
      saveComponents({ components: [] });
      expect(sim.document.getSharedPluginData(COMPONENTS_DATA.namespace, COMPONENTS_DATA.key)).toBe("");
    },
  );

  it("refuses a mapping over 100 kB with storage-full, keeping the stored one", () => {
    const sim = install();
    saveComponents(HOME);
    const before = sim.document.getSharedPluginData(COMPONENTS_DATA.namespace, COMPONENTS_DATA.key);
    const many: ComponentMap = {
      components: Array.from({ length: 1500 }, (_, i) => ({ ...HOME.components[0]!, figma: { nodeId: `1:${i}` } })),
    };
    expect(() => saveComponents(many)).toThrow(PluginError);
    expect(() => saveComponents(many)).toThrow(/at most 100,000 bytes \(100 kB\).*the stored mapping was kept/);
    expect(sim.document.getSharedPluginData(COMPONENTS_DATA.namespace, COMPONENTS_DATA.key)).toBe(before);
  });

  it(
    "writes nothing over a collaborator's save: a change made on an " +
      "older revision comes back as a conflict with the mapping as it is",
    () => {
      const sim = install();
      const empty = loadComponents().revision;
      const { stored: mine } = saveComponents(HOME, empty);
      expect(mine.revision).not.toBe(empty);
      expect(loadComponents().revision).toBe(mine.revision);
      // A collaborator's save arrives: a change made on `mine` is refused, and the reply holds theirs.
      const theirs: ComponentMap = {
        components: [
          ...HOME.components,
          { figma: { nodeId: "33367:6239" }, import: { module: "@acme/ui", name: "Title" }, props: {} },
        ],
      };
      sim.document.setSharedPluginData(COMPONENTS_DATA.namespace, COMPONENTS_DATA.key, JSON.stringify(theirs));
      const refused = saveComponents({ components: [] }, mine.revision);
      expect(refused.conflict).toBe(true);
      expect(refused.stored.map.components.map((m) => m.import.name)).toEqual(["HomeIndicator", "Title"]);
      expect(JSON.parse(sim.document.getSharedPluginData(COMPONENTS_DATA.namespace, COMPONENTS_DATA.key))).toEqual(
        theirs,
      );
      // Made again on their revision, it is written.
      const again = saveComponents({ components: theirs.components.slice(1) }, refused.stored.revision);
      expect(again.conflict).toBeUndefined();
      expect(loadComponents().map.components.map((m) => m.import.name)).toEqual(["Title"]);
    },
  );

  it("reads a damaged stored entry as notes, not a failure", () => {
    const sim = install();
    sim.document.setSharedPluginData(COMPONENTS_DATA.namespace, COMPONENTS_DATA.key, "{ not json");
    const stored = loadComponents();
    expect(stored.map.components).toEqual([]);
    expect(stored.notes[0]?.message).toMatch(/not valid JSON/);
  });

  it("Dev Mode's React draws a mapped instance as the team's component", async () => {
    const sim = install();
    saveComponents(HOME);
    const results = await createDevModeCodegen().generate(sim.node("33459:3746") as unknown as SceneNode, "react");
    const code = results.map((r) => r.code).join("\n");
    expect(code).toContain('import { HomeIndicator } from "@acme/ui"');
    expect(code).toMatch(/<HomeIndicator platform="ios"/);
  });
});
