/**
 * A synthetic 1440-px landing page drawn without auto layout, as Figma's REST API returns it (node JSON
 * with absoluteBoundingBox): a nav (logo, links, a button), a hero (background image under a heading,
 * text and a button), a centred section heading over three cards, and a footer. Everything is placed
 * absolutely, as most real landing pages are.
 */
type Json = Record<string, unknown>;

const solid = (r: number, g: number, b: number): Json[] => [{ type: "SOLID", color: { r, g, b, a: 1 } }];
const INK = solid(0.07, 0.09, 0.15);
const WHITE = solid(1, 1, 1);
const ACCENT = solid(0.15, 0.39, 0.92);

let next = 1;
const id = (): string => `9:${next++}`;

function box(x: number, y: number, width: number, height: number): Json {
  return { absoluteBoundingBox: { x, y, width, height } };
}

function text(
  name: string,
  chars: string,
  x: number,
  y: number,
  w: number,
  h: number,
  size: number,
  extra: { weight?: number; align?: string; color?: Json[]; auto?: string } = {},
): Json {
  return {
    id: id(),
    type: "TEXT",
    name,
    characters: chars,
    ...box(x, y, w, h),
    fills: extra.color ?? INK,
    style: {
      fontFamily: "Inter",
      fontSize: size,
      fontWeight: extra.weight ?? 400,
      lineHeightPx: Math.round(size * 1.2),
      lineHeightUnit: "PIXELS",
      textAlignHorizontal: extra.align ?? "LEFT",
      textAlignVertical: "TOP",
      textAutoResize: extra.auto ?? "HEIGHT",
    },
  };
}

function rect(name: string, x: number, y: number, w: number, h: number, fills: Json[], radius = 0): Json {
  return { id: id(), type: "RECTANGLE", name, ...box(x, y, w, h), fills, ...(radius ? { cornerRadius: radius } : {}) };
}

function frame(
  name: string,
  x: number,
  y: number,
  w: number,
  h: number,
  children: Json[],
  fills: Json[] = [],
  radius = 0,
): Json {
  return {
    id: id(),
    type: "FRAME",
    name,
    ...box(x, y, w, h),
    fills,
    clipsContent: true,
    children,
    ...(radius ? { cornerRadius: radius } : {}),
  };
}

function button(label: string, x: number, y: number, w: number, h: number): Json {
  return frame(`${label} button`, x, y, w, h, [
    rect("Background", x, y, w, h, ACCENT, 8),
    text("Label", label, x + 24, y + (h - 24) / 2, w - 48, 24, 18, { weight: 600, align: "CENTER", color: WHITE }),
  ]);
}

function card(n: number, x: number, y: number): Json {
  return frame(
    `Card ${n}`,
    x,
    y,
    373,
    320,
    [
      rect("Picture", x + 24, y + 24, 325, 160, [{ type: "IMAGE", scaleMode: "FILL", imageRef: `card-${n}` }], 8),
      text("Title", `Feature number ${n}`, x + 24, y + 208, 325, 29, 24, { weight: 700 }),
      text(
        "Body",
        "A short description of what this feature does for the people who use it.",
        x + 24,
        y + 249,
        325,
        46,
        16,
      ),
    ],
    solid(0.95, 0.96, 0.98),
    16,
  );
}

/** The page as a REST `nodes` reply for node 9:0. */
export function absoluteLanding(): Json {
  next = 1;
  const nav = frame(
    "Nav",
    0,
    0,
    1440,
    80,
    [
      text("Logo", "Acme", 120, 22, 80, 36, 30, { weight: 800, auto: "WIDTH_AND_HEIGHT" }),
      text("Features link", "Features", 800, 29, 72, 22, 18, { auto: "WIDTH_AND_HEIGHT" }),
      text("Pricing link", "Pricing", 912, 29, 60, 22, 18, { auto: "WIDTH_AND_HEIGHT" }),
      text("About link", "About", 1012, 29, 52, 22, 18, { auto: "WIDTH_AND_HEIGHT" }),
      button("Sign up", 1160, 16, 160, 48),
    ],
    WHITE,
  );
  const hero = frame("Hero", 0, 80, 1440, 640, [
    rect("Hero image", 0, 80, 1440, 640, [{ type: "IMAGE", scaleMode: "FILL", imageRef: "hero" }]),
    text("Headline", "Build landing pages that work on every screen", 120, 240, 800, 154, 64, {
      weight: 800,
      color: WHITE,
    }),
    text(
      "Subtitle",
      "Figment turns absolute designs into code that reflows, from a phone to a wide desktop.",
      120,
      426,
      640,
      58,
      24,
      { color: WHITE },
    ),
    button("Start free", 120, 532, 200, 56),
  ]);
  const heading = text("Section title", "Everything you need", 470, 800, 500, 48, 40, { weight: 700, align: "CENTER" });
  const cards = [card(1, 120, 888), card(2, 533, 888), card(3, 947, 888)];
  const footer = frame(
    "Footer",
    0,
    1288,
    1440,
    160,
    [
      text("Copyright", "© 2026 Acme Inc.", 120, 69, 300, 22, 18, { color: WHITE }),
      text("Contact", "hello@acme.test", 1170, 69, 150, 22, 18, { color: WHITE, align: "RIGHT" }),
    ].map((t) => ({ ...t, absoluteBoundingBox: { ...(t["absoluteBoundingBox"] as Json), y: 1288 + 69 } })),
    INK,
  );
  const page = frame("Landing", 0, 0, 1440, 1448, [nav, hero, heading, ...cards, footer], WHITE);
  return { nodes: { "9:0": { document: { ...page, id: "9:0" } } } };
}
