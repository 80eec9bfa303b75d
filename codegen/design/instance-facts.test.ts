/** What the design keeps about each instance for the component mapping: keys, properties, bindings, overrides. */
import { describe, expect, it } from "vitest";
import { loadDesign } from "../load.js";
import { readFixture } from "../../test/helpers/fixtures.js";
import { propertyName } from "./instance-facts.js";

describe("instance facts", () => {
  const doc = loadDesign(readFixture("figma-differ-selfie.nodes.json")).document;

  it("reads the main component, its set, their keys and the property values without Figma's #id suffix", () => {
    const title = doc.instances?.["33459:3756"];
    expect(title).toMatchObject({
      componentId: "33367:6257",
      componentKey: "2d8349adc27fce441525b7b7654cd74f97ce982e",
      componentSetId: "33367:6239",
      componentSetKey: "a5a826cc0c8459e88498e8d83402732ec38b11e6",
    });
    expect(title?.properties["Type"]).toEqual({ type: "VARIANT", value: "Header Base" });
    expect(title?.properties["Eyebrow"]).toEqual({ type: "BOOLEAN", value: false });
    expect(Object.keys(title?.properties ?? {}).some((name) => name.includes("#"))).toBe(false);
  });

  it("lists the layers bound to properties (not inside nested instances) and the overrides", () => {
    const item = doc.instances?.["33459:3758"];
    expect(item?.properties["Trailing Type"]).toEqual({ type: "INSTANCE_SWAP", value: "22921:100793" });
    expect(item?.references["I33459:3758;105:9486"]).toEqual({ mainComponent: "Trailing Type" });
    expect(item?.references["I33459:3758;825:14785"]).toEqual({ visible: "Subtitle" });
    // The nested Value instance's own bindings belong to it.
    expect(item?.references["I33459:3758;71723:189046;53644:68676"]).toBeUndefined();
    expect(item?.overrides.find((o) => o.id === "I33459:3758;825:14785")?.fields).toContain("characters");
  });

  it(
    "keeps instances beside the tree, so the hint's frames " + "are unchanged, and none for a design without instances",
    () => {
      expect(Object.keys(doc.instances ?? {}).length).toBeGreaterThan(5);
      expect(JSON.stringify(doc.frames)).not.toContain("componentKey");
      const plain = loadDesign({
        document: {
          id: "1:1",
          name: "Box",
          type: "FRAME",
          absoluteBoundingBox: { x: 0, y: 0, width: 10, height: 10 },
          fills: [{ type: "SOLID", color: { r: 1, g: 0, b: 0, a: 1 } }],
          children: [
            { id: "1:2", name: "Dot", type: "RECTANGLE", absoluteBoundingBox: { x: 0, y: 0, width: 4, height: 4 } },
          ],
        },
      }).document;
      expect(plain.instances).toBeUndefined();
    },
  );

  it("strips only the last #id suffix", () => {
    expect(propertyName("Performance (1)#36926:3")).toBe("Performance (1)");
    expect(propertyName("Type")).toBe("Type");
    expect(propertyName("#odd")).toBe("#odd");
  });
});
