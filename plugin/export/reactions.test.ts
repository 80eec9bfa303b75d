import { describe, expect, it } from "vitest";
import { loadDesign } from "../../codegen/load.js";
import type { RestNode } from "../../codegen/rest/reply.js";
import { carryPrototype, prototypeFields, readPrototypeFields } from "./reactions.js";

/** A plugin API layer as far as the prototype goes (the rest of SceneNode is not read). */
const layer = (id: string, extra: Record<string, unknown>, children: unknown[] = []) =>
  ({ id, ...extra, children }) as unknown as SceneNode;

describe("the plugin's reactions carried into the REST tree", () => {
  const button = layer("1:3", {
    reactions: [
      { trigger: { type: "ON_CLICK" }, action: { type: "NODE", destinationId: "2:1", navigation: "NAVIGATE" } },
      { trigger: { type: "ON_HOVER" }, actions: [{ type: "BACK" }] },
    ],
  });
  const menu = layer("1:4", {
    reactions: [],
    overlayPositionType: "TOP_RIGHT",
    overlayBackground: { type: "NONE" },
    overlayBackgroundInteraction: "CLOSE_ON_CLICK_OUTSIDE",
  });
  const page = layer("1:1", { reactions: [], overlayPositionType: "CENTER" }, [button, menu]);

  it("writes reactions as REST interactions (one `action` or `actions`) and the overlay placement", async () => {
    const fields = await readPrototypeFields([page], { cancelled: false } as never);
    expect([...fields.keys()].sort()).toEqual(["1:3", "1:4"]);
    const json: RestNode = {
      id: "1:1",
      name: "Home",
      type: "FRAME",
      absoluteBoundingBox: { x: 0, y: 0, width: 400, height: 400 },
      children: [
        { id: "1:3", name: "Go", type: "RECTANGLE", absoluteBoundingBox: { x: 0, y: 0, width: 40, height: 40 } },
        {
          id: "1:4",
          name: "Menu",
          type: "RECTANGLE",
          absoluteBoundingBox: { x: 0, y: 50, width: 40, height: 40 },
          interactions: [],
        },
      ],
    };
    carryPrototype(json, fields);
    const prototype = loadDesign({ document: json }).document.prototype!;
    expect(prototype.layers["1:3"]!.interactions).toEqual([
      { trigger: { type: "ON_CLICK" }, actions: [{ type: "NODE", destinationId: "2:1", navigation: "NAVIGATE" }] },
      { trigger: { type: "ON_HOVER" }, actions: [{ type: "BACK" }] },
    ]);
    // The export's own `interactions` stay; the overlay placement is the plugin API's.
    expect(json.children![1]!["interactions"]).toEqual([]);
    expect(prototype.layers["1:4"]!.overlay).toEqual({ position: "TOP_RIGHT", closeOnOutsideClick: true });
  });

  it("says nothing of a layer without reactions or an overlay placement", () => {
    expect(prototypeFields(page as never)).toBeUndefined();
  });
});
