import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadDesign } from "../load.js";
import { actionKind, prototypeActions, type Prototype } from "./model.js";
import { readPrototype } from "./read.js";

const real = (name: string): unknown => JSON.parse(readFileSync(`test/fixtures/real/${name}`, "utf8"));

function countByKind(prototype: Prototype): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { trigger, action } of prototypeActions(prototype)) {
    const key = `${trigger.type} ${actionKind(action)}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

describe("the prototype read from a REST reply", () => {
  it("reads the TnT website's 135 actions by trigger and kind, its flow start and its link destinations", () => {
    const prototype = loadDesign(real("tnt-website.file.json")).document.prototype!;
    expect(countByKind(prototype)).toEqual({
      "ON_CLICK NAVIGATE": 26,
      "ON_CLICK CHANGE_TO": 15,
      "ON_HOVER CHANGE_TO": 55,
      "AFTER_TIMEOUT CHANGE_TO": 29,
      "MOUSE_LEAVE CHANGE_TO": 1,
      // Saved by an older Figma as `DRAG`.
      "ON_DRAG NAVIGATE": 9,
    });
    expect(prototype.starts).toEqual([{ nodeId: "40:110", name: "Flow 1" }]);
    // "Frame 6" on Home goes to Book, a page of the file; the transition is the design's.
    const click = prototype.layers["40:121"]!.interactions!.find((i) => i.trigger.type === "ON_CLICK")!;
    expect(click.actions[0]).toEqual({
      type: "NODE",
      destinationId: "67:73",
      navigation: "NAVIGATE",
      transition: { type: "DISSOLVE", duration: 0.30000001192092896, easing: { type: "EASE_OUT" } },
    });
    expect(prototype.destinations["67:73"]).toEqual({ name: "Book", hidden: false, topLevel: true });
    // A frame of the "Sign up" section: a page of the frames' export, not of the file's pages.
    expect(prototype.destinations["236:172"]).toEqual({ name: "Sign up-OTP", hidden: false, topLevel: false });
  });

  it("reads the scroll settings of the over-promo page: one fixed layer, two frames that scroll vertically", () => {
    const prototype = loadDesign(real("over-promo.nodes.json")).document.prototype!;
    const layers = Object.values(prototype.layers);
    expect(layers.filter((l) => l.scroll === "fixed")).toHaveLength(1);
    expect(layers.filter((l) => l.overflow === "y")).toHaveLength(2);
    expect(countByKind(prototype)).toEqual({ "ON_HOVER CHANGE_TO": 13 });
  });

  it("reads the older transitionNodeID as a click that navigates (milliseconds to seconds)", () => {
    const node = { id: "1:2", name: "Next", type: "FRAME", transitionNodeID: "1:3", transitionDuration: 300 };
    const prototype = readPrototype({}, [node], [node])!;
    expect(prototype.layers["1:2"]!.interactions).toEqual([
      {
        trigger: { type: "ON_CLICK" },
        actions: [
          {
            type: "NODE",
            destinationId: "1:3",
            navigation: "NAVIGATE",
            transition: { type: "DISSOLVE", duration: 0.3, easing: { type: "EASE_OUT" } },
          },
        ],
      },
    ]);
  });

  it("reads the plugin's reactions (one `action` or `actions`), URLs, overlays and leaves unknown shapes out", () => {
    const node = {
      id: "1:2",
      name: "Menu",
      type: "FRAME",
      overlayPositionType: "TOP_RIGHT",
      overlayBackground: { type: "SOLID_COLOR", color: { r: 0, g: 0, b: 0, a: 0.4 } },
      overlayBackgroundInteraction: "CLOSE_ON_CLICK_OUTSIDE",
      overflowDirection: "HORIZONTAL_SCROLLING",
      scrollBehavior: "STICKY_SCROLLS",
      reactions: [
        { trigger: { type: "ON_CLICK" }, action: { type: "URL", url: "https://example.com", openInNewTab: false } },
        { trigger: { type: "ON_KEY_DOWN", keyCodes: [13], device: "KEYBOARD" }, actions: [{ type: "BACK" }] },
        { trigger: { type: "SOMETHING_NEW" }, actions: [{ type: "BACK" }] },
        { trigger: { type: "ON_HOVER" }, actions: [{ type: "TELEPORT" }, { type: "CONDITIONAL" }] },
      ],
    };
    const layer = readPrototype({}, [node], [node])!.layers["1:2"]!;
    expect(layer).toEqual({
      interactions: [
        { trigger: { type: "ON_CLICK" }, actions: [{ type: "URL", url: "https://example.com", openInNewTab: false }] },
        { trigger: { type: "ON_KEY_DOWN", keyCodes: [13] }, actions: [{ type: "BACK" }] },
        { trigger: { type: "ON_HOVER" }, actions: [{ type: "CONDITIONAL" }] },
      ],
      scroll: "sticky",
      overflow: "x",
      overlay: { position: "TOP_RIGHT", background: "rgba(0, 0, 0, 0.4)", closeOnOutsideClick: true },
    });
  });

  it("says nothing of a design without a prototype", () => {
    const node = { id: "1:2", name: "Page", type: "FRAME", scrollBehavior: "SCROLLS", children: [] };
    expect(readPrototype({}, [node], [node])).toBeUndefined();
  });
});
