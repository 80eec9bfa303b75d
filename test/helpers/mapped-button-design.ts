/**
 * A small design for the mapping's tests: one Button instance whose properties drive an icon (a value map of JSX),
 * class names, and a nested Icon instance with properties of its own (figma.nestedProps). As Figma's REST API
 * writes it (`nodes` reply), so it goes through loadDesign like a real export.
 */
import type { DesignDocument } from "../../codegen/design/types.js";
import { loadDesign } from "../../codegen/load.js";

const box = (x: number, y: number, width: number, height: number) => ({ absoluteBoundingBox: { x, y, width, height } });
const text = (id: string, name: string, characters: string) => ({
  id,
  name,
  type: "TEXT",
  characters,
  style: { fontFamily: "Inter", fontSize: 14, fontWeight: 400 },
  fills: [{ type: "SOLID", color: { r: 0, g: 0, b: 0, a: 1 } }],
  ...box(20, 10, 40, 20),
});

export interface ButtonDesign {
  /** Values of the Button's properties (Size, Icon, Disabled) and of the nested Icon's (Glyph). */
  size?: string;
  icon?: string;
  disabled?: boolean;
  glyph?: string;
  /** The Icon layer hidden (no nested layer to read). */
  iconHidden?: boolean;
}

export function buttonDesign(design: ButtonDesign = {}): DesignDocument {
  const icon = {
    id: "I1:2;5:1",
    name: "Icon",
    type: "INSTANCE",
    componentId: "20:1",
    visible: !design.iconHidden,
    componentProperties: {
      Glyph: { type: "VARIANT", value: design.glyph ?? "Arrow" },
      "Label#7:0": { type: "TEXT", value: "Back" },
    },
    children: [
      {
        id: "I1:2;5:1;9:1",
        name: "glyph",
        type: "RECTANGLE",
        fills: [{ type: "SOLID", color: { r: 0, g: 0, b: 1, a: 1 } }],
        ...box(4, 10, 12, 12),
      },
    ],
    ...box(4, 10, 12, 12),
  };
  const button = {
    id: "1:2",
    name: "Button",
    type: "INSTANCE",
    componentId: "10:1",
    componentProperties: {
      Size: { type: "VARIANT", value: design.size ?? "Large" },
      Icon: { type: "VARIANT", value: design.icon ?? "Left" },
      "Disabled#3:0": { type: "BOOLEAN", value: design.disabled ?? false },
    },
    overrides: [{ id: "I1:2;5:1", overriddenFields: ["componentProperties"] }],
    children: [icon, text("I1:2;5:2", "Label", "Go")],
    ...box(0, 0, 120, 40),
  };
  const frame = {
    id: "1:1",
    name: "Screen",
    type: "FRAME",
    fills: [{ type: "SOLID", color: { r: 1, g: 1, b: 1, a: 1 } }],
    children: [button],
    ...box(0, 0, 375, 200),
  };
  const reply = {
    nodes: {
      "1:1": {
        document: frame,
        components: { "10:1": { key: "k-button", name: "Button" }, "20:1": { key: "k-icon", name: "Icon" } },
      },
    },
  };
  return loadDesign(reply).document;
}
