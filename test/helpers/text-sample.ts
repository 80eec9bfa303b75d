/**
 * Issue 38's sample: texts whose characters a reader must get exactly as the design has them. Style runs (one covering
 * every character, one ending a sentence, runs past prettier's print width, runs inside a vertically centred text),
 * runs after an emoji, a ZWJ sequence, CJK (a surrogate pair among them) and a combining mark, and a component's text
 * prop that breaks lines. As Figma's REST API writes it (`characterStyleOverrides` counted by code point), so it goes
 * through loadDesign like a real export.
 */
import type { DesignDocument } from "../../codegen/design/types.js";
import { loadDesign } from "../../codegen/load.js";

const BOLD = 1;
const UNDERLINE = 2;
const TABLE = { [BOLD]: { fontWeight: 700 }, [UNDERLINE]: { textDecoration: "UNDERLINE" } };

/**
 * Figma's overrides for `chars`: `key` on each of `parts` (first occurrence), counted by code point as Figma counts.
 */
function overrides(chars: string, parts: [string, number][]): number[] {
  const out = Array.from({ length: [...chars].length }, () => 0);
  for (const [part, key] of parts) {
    const at = chars.indexOf(part);
    if (at < 0) throw new Error(`"${part}" is not in "${chars}"`);
    const from = [...chars.slice(0, at)].length;
    for (let i = 0; i < [...part].length; i++) out[from + i] = key;
  }
  while (out.length > 0 && out[out.length - 1] === 0) out.pop();
  return out;
}

const FAMILY = "\u{1F468}\u200D\u{1F469}\u200D\u{1F467}";

/** Each text: its layer id, characters and styled parts; `centred` draws it vertically centred in a fixed box. */
export const SAMPLE_TEXTS: { id: string; chars: string; bold?: string; underline?: string; centred?: true }[] = [
  { id: "2:1", chars: "Need more? get help.", bold: "get help", underline: "." },
  { id: "2:2", chars: "get help.", bold: "get help", underline: "." },
  { id: "2:3", chars: "🧭 Get directions", underline: "Get directions" },
  { id: "2:4", chars: `${FAMILY} home · 𠮷野家 · Cafe\u0301 ok`, bold: "home", underline: "野家 · Cafe\u0301" },
  {
    id: "2:5",
    chars:
      "Read the terms of service and the privacy policy that apply " +
      "to every account we open for you, and the cookie notice.",
    bold: "terms of service and the privacy policy that apply to every account we open for you",
    underline: "cookie notice.",
  },
  { id: "2:6", chars: "get help.", bold: "get help", underline: ".", centred: true },
];

/**
 * The Topic component's label in its first instance (a text prop that breaks lines, and wraps below the design width);
 * the second's is "Contact".
 */
export const SAMPLE_PROP_LINES = "About Us\n\nWhat we do";
/** The label layers' ids in the two instances. */
export const SAMPLE_PROP_IDS = ["I10:1;5:2", "I10:2;5:2"];

const black = [{ type: "SOLID", color: { r: 0, g: 0, b: 0, a: 1 } }];

function textLayer(id: string, name: string, chars: string, parts: [string, number][], centred = false, y = 0) {
  const ids = overrides(chars, parts);
  return {
    id,
    name,
    type: "TEXT",
    characters: chars,
    ...(ids.length > 0 ? { characterStyleOverrides: ids, styleOverrideTable: TABLE } : {}),
    style: {
      fontFamily: "Inter",
      fontSize: 16,
      fontWeight: 400,
      lineHeightPx: 20,
      textAutoResize: centred ? "NONE" : "HEIGHT",
      textAlignHorizontal: "LEFT",
      textAlignVertical: centred ? "CENTER" : "TOP",
    },
    fills: black,
    layoutAlign: "STRETCH",
    absoluteBoundingBox: { x: 0, y, width: 760, height: centred ? 40 : 20 },
  };
}

function topicInstance(id: string, label: string, y: number) {
  return {
    id,
    name: "Topic",
    type: "INSTANCE",
    componentId: "5:1",
    layoutMode: "HORIZONTAL",
    primaryAxisSizingMode: "AUTO",
    counterAxisSizingMode: "AUTO",
    absoluteBoundingBox: { x: 0, y, width: 120, height: 60 },
    children: [
      {
        ...textLayer(`I${id};5:2`, "Label", label, [], false, y),
        layoutAlign: "INHERIT",
        style: {
          fontFamily: "Inter",
          fontSize: 16,
          fontWeight: 400,
          lineHeightPx: 20,
          textAutoResize: "WIDTH_AND_HEIGHT",
        },
        absoluteBoundingBox: { x: 0, y, width: 100, height: label.split("\n").length * 20 },
      },
    ],
  };
}

/** The sample as a REST `nodes` reply: one 800-px column (wider than a phone: it reflows below its width). */
export function textSampleJson(): unknown {
  const texts = SAMPLE_TEXTS.map((t, i) => {
    const parts: [string, number][] = [
      ...(t.bold ? [[t.bold, BOLD] as [string, number]] : []),
      ...(t.underline ? [[t.underline, UNDERLINE] as [string, number]] : []),
    ];
    return textLayer(t.id, `Text ${i + 1}`, t.chars, parts, t.centred === true, 20 + i * 50);
  });
  const frame = {
    id: "1:1",
    name: "Text Sample",
    type: "FRAME",
    layoutMode: "VERTICAL",
    itemSpacing: 16,
    paddingLeft: 20,
    paddingRight: 20,
    paddingTop: 20,
    paddingBottom: 20,
    fills: [{ type: "SOLID", color: { r: 1, g: 1, b: 1, a: 1 } }],
    absoluteBoundingBox: { x: 0, y: 0, width: 800, height: 700 },
    children: [...texts, topicInstance("10:1", SAMPLE_PROP_LINES, 400), topicInstance("10:2", "Contact", 480)],
  };
  return {
    nodes: { "1:1": { document: frame, components: { "5:1": { key: "topic", name: "Topic", description: "" } } } },
  };
}

export function textSampleDesign(): DesignDocument {
  return loadDesign(textSampleJson()).document;
}
