/**
 * The export's design tokens on the simulated figma global: the login frame with its bound variables
 * (test/fixtures/tokens) — every bound variable, the aliases they reach, their collections with both modes,
 * the frame's resolved modes and the named styles, sent with `export-result` and turned into tokens by
 * codegen exactly as the CLI's --variables file is. The simulator answers as Figma does (null for unknown ids).
 */
import { afterEach, describe, expect, it } from "vitest";
import { loadDesign } from "../../codegen/load.js";
import { emitFiles } from "../../codegen/emit/index.js";
import { sendToMain, waitForUi, type FigmaSim } from "../../test/figma-sim/index.js";
import { createFigmaSim, installFigmaSim, type Json } from "../../test/figma-sim/sim.js";
import { loginVariables, loginWithBindings } from "../../test/helpers/token-fixtures.js";
import { start } from "../start.js";
import { Job } from "../tasks.js";
import { exportTokens } from "./variables.js";

let restore: (() => void) | undefined;
afterEach(() => {
  restore?.();
  restore = undefined;
});

function loginSim(extra: { explicitModes?: Record<string, string>; styles?: boolean } = {}): FigmaSim {
  const file = loginWithBindings() as { document: Json; styles?: Json };
  const page = (file.document["children"] as Json[])[0]!;
  const frame = (page["children"] as Json[])[0]!;
  if (extra.explicitModes) page["explicitVariableModes"] = extra.explicitModes;
  if (extra.styles) {
    file.styles = { "S:ink,1:1": { key: "ink", name: "Text/Ink", styleType: "FILL", description: "Body text" } };
    (frame["children"] as Json[])[0]!["styles"] = { fill: "S:ink,1:1" };
  }
  const sim = createFigmaSim({ file, selectIds: ["101:3"], command: "code", variables: loginVariables() });
  restore = installFigmaSim(sim);
  return sim;
}

const figmaGlobal = (): PluginAPI => (globalThis as unknown as { figma: PluginAPI }).figma;

describe("the simulator's variables API", () => {
  it("finds variables and collections by id, null for unknown or invalid ids, and lists local variables", async () => {
    loginSim();
    const api = figmaGlobal().variables;
    const v = await api.getVariableByIdAsync("VariableID:2:10");
    expect(v).toMatchObject({
      id: "VariableID:2:10",
      name: "color/brand/primary",
      resolvedType: "COLOR",
      variableCollectionId: "VariableCollectionId:2:1",
    });
    expect(v!.valuesByMode["2:1"]).toEqual({ type: "VARIABLE_ALIAS", id: "VariableID:1:11" });
    expect(await api.getVariableByIdAsync("VariableID:nope")).toBeNull();
    expect(await api.getVariableByIdAsync(42 as unknown as string)).toBeNull();
    const c = await api.getVariableCollectionByIdAsync("VariableCollectionId:2:1");
    expect(c).toMatchObject({
      name: "Theme",
      defaultModeId: "2:0",
      modes: [
        { modeId: "2:0", name: "Light" },
        { modeId: "2:1", name: "Dark" },
      ],
    });
    expect(await api.getVariableCollectionByIdAsync("nope")).toBeNull();
    expect((await api.getLocalVariablesAsync("FLOAT")).map((x) => x.name)).toEqual(["font/size/display"]);
    expect(await api.getLocalVariablesAsync()).toHaveLength(Object.keys(loginVariables().variables).length);
    expect(() => api.getVariableById("VariableID:2:10")).toThrow(/dynamic-page/);
  });

  it("resolves a node's modes from its ancestors, else each collection's default", async () => {
    loginSim({ explicitModes: { "VariableCollectionId:2:1": "2:1" } });
    const node = (await figmaGlobal().getNodeByIdAsync("101:8")) as RectangleNode;
    expect(node.explicitVariableModes).toEqual({});
    expect(node.resolvedVariableModes).toEqual({
      "VariableCollectionId:1:1": "1:0",
      "VariableCollectionId:2:1": "2:1",
      "VariableCollectionId:3:1": "3:0",
    });
    expect(node.boundVariables!.fills).toEqual([{ type: "VARIABLE_ALIAS", id: "VariableID:2:10" }]);
    expect(await figmaGlobal().getStyleByIdAsync("S:unknown")).toBeNull();
  });
});

describe("exportTokens", () => {
  it("sends every bound variable, the ones aliases reach, their collections, and leaves out unknown ids", async () => {
    loginSim({ styles: true });
    const frame = figmaGlobal().currentPage.selection[0]!;
    const tokens = await exportTokens([frame], new Job("t1"));
    const names = Object.values(tokens.variables!.variables)
      .map((v) => v.name)
      .sort();
    expect(names).toEqual([
      "color/border",
      "color/brand/primary",
      "color/shadow",
      "color/surface",
      "color/text/inverse",
      "color/text/on-brand",
      "color/text/primary",
      "font/family/display",
      "font/size/display",
      "palette/black",
      "palette/gray/100",
      "palette/gray/50",
      "palette/gray/900",
      "palette/red/400",
      "palette/red/500",
      "palette/white",
    ]);
    expect(Object.keys(tokens.variables!.variableCollections).sort()).toEqual([
      "VariableCollectionId:1:1",
      "VariableCollectionId:2:1",
      "VariableCollectionId:3:1",
    ]);
    // The library variable the file does not have is not invented.
    expect(Object.keys(tokens.variables!.variables).some((id) => id.includes("404"))).toBe(false);
    expect(tokens.styles).toEqual({ "S:ink,1:1": { name: "Text/Ink", styleType: "FILL", description: "Body text" } });
    expect(tokens.variableModes!["101:3"]).toMatchObject({ "VariableCollectionId:2:1": "2:0" });
  });

  it("goes with export-result, and codegen turns it into tokens, dark when the frame sits in a dark page", async () => {
    const sim = loginSim({ explicitModes: { "VariableCollectionId:2:1": "2:1" } });
    await start();
    await waitForUi(sim, "init");
    await sendToMain(sim, "export-selection", { requestId: "x1", png: false });
    const result = await waitForUi(sim, "export-result");
    expect(result.extras?.variables).toBeDefined();
    expect(result.extras?.variableModes).toEqual({
      "101:3": {
        "VariableCollectionId:1:1": "1:0",
        "VariableCollectionId:2:1": "2:1",
        "VariableCollectionId:3:1": "3:0",
      },
    });
    const json = result.frames[0]!.json;
    const design = loadDesign(json, [], result.extras);
    const css = emitFiles(design.document, { target: "html", styling: "css-modules", nodeIds: false }).files;
    expect(css.find((f) => f.path === "styles.css")!.content).toContain(
      "background-color: var(--color-brand-primary);",
    );
    expect(css.find((f) => f.path === "index.html")!.content).toContain('<main class="log-in-page" data-theme="dark">');
  });

  it("stops at a cancel between yields", async () => {
    loginSim();
    const job = new Job("c1");
    job.cancel();
    const frame = figmaGlobal().currentPage.selection[0]!;
    // A cancelled job resolves nothing (the caller then reports the cancel).
    expect(await exportTokens([frame], job)).toEqual({});
  });
});
