/**
 * An instance's main component for the mapping form, against the figma simulator on the real Selfie file: every
 * VARIANT option of the set and each property's default, names without Figma's `#id`; a missing main component,
 * a detached instance and a node that is gone are `not-found` with a message a designer can act on; the
 * panel's request is answered with a message that passes the contract's check.
 */
import { afterEach, describe, expect, it } from "vitest";
import { installFigmaSim, sendToMain, waitForUi, type FigmaSim } from "../../test/figma-sim/index.js";
import { simFromFixture } from "../../test/figma-sim/node.js";
import { PluginError } from "../errors.js";
import { start } from "../start.js";
import { readMainComponent } from "./main-component.js";

const SELFIE = "figma-differ-selfie.nodes.json";
/**
 * "Value" (nested in Title): an instance of the library set "Value" (31484:43007), two of whose variants the file uses.
 */
const VALUE = "I33459:3756;53646:75795";
/** "Home Indicator": an instance of the set 33459:960 (Platform, Dark Mode); the file shows one variant of it. */
const HOME_INDICATOR = "33459:3759";

let restore: (() => void) | undefined;
afterEach(() => {
  restore?.();
  restore = undefined;
});

function install(name = SELFIE): FigmaSim {
  const sim = simFromFixture(name, { command: "settings" });
  restore = installFigmaSim(sim);
  return sim;
}

describe("readMainComponent", () => {
  it("reads the set's definitions: every variant option, each default, names as mappings use them", async () => {
    install();
    const main = await readMainComponent(VALUE);
    expect(main).toMatchObject({
      id: "31484:43009",
      name: "Size=Default, Direction=Up, Color=Black",
      set: { id: "31484:43007", name: "Value", key: expect.any(String) },
    });
    expect(main.definitions["Size"]).toEqual({
      type: "VARIANT",
      defaultValue: "Default",
      variantOptions: ["Default", "Small"],
    });
    expect(main.definitions["Performance"]).toEqual({ type: "BOOLEAN", defaultValue: true });
    expect(Object.keys(main.definitions).some((name) => name.includes("#"))).toBe(false);
    expect(main.note).toBeUndefined();
  });

  it(
    "lists what the library defines beyond the file, " + "and leaves out property types a mapping cannot read",
    async () => {
      const sim = install();
      sim.defineComponentProperties("33459:960", {
        Platform: { type: "VARIANT", defaultValue: "iOS", variantOptions: ["iOS", "Android", "Web"] },
        "Label#4:2": { type: "TEXT", defaultValue: "Home" },
        "Content#4:3": { type: "SLOT", defaultValue: "" },
      });
      const main = await readMainComponent(HOME_INDICATOR);
      expect(main.definitions).toEqual({
        Platform: { type: "VARIANT", defaultValue: "iOS", variantOptions: ["iOS", "Android", "Web"] },
        "Dark Mode": { type: "VARIANT", defaultValue: "No", variantOptions: ["No"] },
        Label: { type: "TEXT", defaultValue: "Home" },
      });
    },
  );

  it("a local component that is not a variant: its own definitions, no set", async () => {
    install("figmagic-design-system.file.json");
    const main = await readMainComponent("4665:783");
    expect(main).toEqual({
      id: "2710:5",
      key: expect.stringMatching(/^[0-9a-f]{40}$/),
      name: "Close",
      definitions: {},
    });
  });

  it(
    "a variant whose set is out of reach, or whose set Figma " +
      "refuses to read: its own values, and a note saying so",
    async () => {
      const sim = install();
      const ownDefinitions = {
        Size: { type: "VARIANT", defaultValue: "Default", variantOptions: ["Default"] },
        Direction: { type: "VARIANT", defaultValue: "Up", variantOptions: ["Up"] },
        Color: { type: "VARIANT", defaultValue: "Black", variantOptions: ["Black"] },
      };

      sim.refuseComponentProperties("31484:43007", "Component set has existing errors");
      const refused = await readMainComponent(VALUE);
      expect(refused).toMatchObject({
        set: { id: "31484:43007" },
        definitions: ownDefinitions,
        note:
          "Figma could not read the properties of “Value” (Component set " +
          "has existing errors): only this variant's values are listed.",
      });

      sim.orphanVariant("31484:43009");
      const alone = await readMainComponent(VALUE);
      expect(alone.set).toBeUndefined();
      expect(alone.definitions).toEqual(ownDefinitions);
      expect(alone.note).toBe(
        "The component set of “Size=Default, Direction=Up, Color=Black” " +
          "is out of reach: only this variant's values are listed.",
      );
    },
  );

  it(
    "a missing main component, a layer that is no " + "instance and one that is gone: not-found, saying which",
    async () => {
      const sim = install();
      sim.loseMainComponent("33459:967");
      await expect(readMainComponent(HOME_INDICATOR)).rejects.toThrow(
        new PluginError(
          "not-found",
          "The main component of “Home Indicator” is missing (deleted, or in a library this file cannot reach).",
        ),
      );
      await expect(readMainComponent("33459:3746")).rejects.toMatchObject({
        code: "not-found",
        message: expect.stringMatching(/^“Selfie” is no longer an instance \(detached\?\)/),
      });
      await expect(readMainComponent("404:404")).rejects.toMatchObject({
        code: "not-found",
        message: expect.stringMatching(/no longer in the file/),
      });
    },
  );
});

describe("the panel's read-main-component request", () => {
  it("is answered with main-component (checked by the contract), or an error on the request", async () => {
    const sim = install();
    await start();
    await waitForUi(sim, "init");
    await sendToMain(sim, "read-main-component", { requestId: "r1", nodeId: VALUE });
    const reply = await waitForUi(sim, "main-component", { where: (m) => m.requestId === "r1" });
    expect(reply.component.set?.name).toBe("Value");
    expect(reply.component.definitions["Size"]?.variantOptions).toEqual(["Default", "Small"]);
    sim.loseMainComponent("33459:967");
    await sendToMain(sim, "read-main-component", { requestId: "r2", nodeId: HOME_INDICATOR });
    expect(await waitForUi(sim, "error", { where: (m) => m.requestId === "r2" })).toMatchObject({
      kind: "input",
      reason: "not-found",
      message: expect.stringContaining("main component of “Home Indicator” is missing"),
    });
  });
});
