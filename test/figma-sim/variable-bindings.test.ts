/**
 * The simulator's variable bindings as Figma has them: setBoundVariable takes a Variable (an id string is refused
 * under dynamic-page access), checks the type against the field, binds cornerRadius as four corners and gives the
 * field the variable's value; setBoundVariableForPaint returns a bound copy and leaves the paint alone; the
 * JSON_REST_V1 export shows the bindings in REST's shape.
 */
import { afterEach, describe, expect, it } from "vitest";
import { loginVariables } from "../helpers/token-fixtures.js";
import { readFigmaFixture } from "./node.js";
import { createFigmaSim, installFigmaSim, type SimNode } from "./sim.js";

let restore: (() => void) | undefined;
afterEach(() => restore?.());

type Api = {
  createFrame(): SimNode;
  variables: {
    getVariableByIdAsync(id: string): Promise<unknown>;
    setBoundVariableForPaint(paint: unknown, field: string, v: unknown): Record<string, unknown>;
  };
};

describe("variable bindings in the simulator", () => {
  it("binds node fields and paints, refuses what Figma refuses, and exports REST's boundVariables", async () => {
    const sim = createFigmaSim({ file: readFigmaFixture("figmasharp-login.file.json"), variables: loginVariables() });
    restore = installFigmaSim(sim);
    const api = sim.figma as unknown as Api;
    const frame = api.createFrame() as unknown as Record<string, unknown> & {
      setBoundVariable(f: string, v: unknown): void;
      boundVariables: Record<string, unknown>;
      exportAsync(s: { format: string }): Promise<{ document: Record<string, unknown> }>;
    };
    const size = await api.variables.getVariableByIdAsync("VariableID:3:10");
    const brand = await api.variables.getVariableByIdAsync("VariableID:2:10");
    frame["layoutMode"] = "HORIZONTAL";
    frame.setBoundVariable("itemSpacing", size);
    expect(frame["itemSpacing"]).toBe(36);
    frame.setBoundVariable("cornerRadius", size);
    expect(Object.keys(frame.boundVariables).sort()).toEqual([
      "bottomLeftRadius",
      "bottomRightRadius",
      "itemSpacing",
      "topLeftRadius",
      "topRightRadius",
    ]);
    expect(() => frame.setBoundVariable("itemSpacing", brand)).toThrow(/COLOR variable cannot be bound/);
    expect(() => frame.setBoundVariable("itemSpacing", "VariableID:3:10")).toThrow(/dynamic-page/);
    expect(() => frame.setBoundVariable("fontSize", size)).toThrow(/no field fontSize/);
    const paint = { type: "SOLID", color: { r: 1, g: 0.28, b: 0.23 }, opacity: 1 };
    const bound = api.variables.setBoundVariableForPaint(paint, "color", brand);
    expect(bound).not.toBe(paint);
    expect(paint).not.toHaveProperty("boundVariables");
    expect(bound["boundVariables"]).toEqual({ color: { type: "VARIABLE_ALIAS", id: "VariableID:2:10" } });
    expect(() => api.variables.setBoundVariableForPaint({ type: "IMAGE" }, "color", brand)).toThrow(/SolidPaint/);
    expect(() => api.variables.setBoundVariableForPaint(paint, "color", size)).toThrow(/FLOAT variable/);
    frame["fills"] = [bound];
    const rest = (await frame.exportAsync({ format: "JSON_REST_V1" })).document;
    expect(rest["boundVariables"]).toMatchObject({
      itemSpacing: { type: "VARIABLE_ALIAS", id: "VariableID:3:10" },
      fills: [{ type: "VARIABLE_ALIAS", id: "VariableID:2:10" }],
    });
    expect((rest["fills"] as Record<string, unknown>[])[0]!["boundVariables"]).toEqual(bound["boundVariables"]);
    frame.setBoundVariable("itemSpacing", null);
    expect(frame.boundVariables).not.toHaveProperty("itemSpacing");
  });
});
