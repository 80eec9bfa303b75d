/**
 * A small two-page design wired in prototype mode, for the prototype's tests: Home (a header fixed at the top, a
 * button to About, a link that scrolls to the page's end, a text that opens a site, a list that scrolls inside, a
 * hover the code does not do) and About (a back button, a link to a frame not in the file).
 */
export const solid = (r: number, g: number, b: number) => [{ type: "SOLID", color: { r, g, b, a: 1 } }];
export const box = (x: number, y: number, width: number, height: number) => ({ x, y, width, height });

/** A one-line Arial text layer, named by its characters. */
export function text(id: string, name: string, x: number, y: number, w: number, extra: object = {}) {
  return {
    id,
    name,
    type: "TEXT",
    characters: name,
    absoluteBoundingBox: box(x, y, w, 24),
    style: { fontFamily: "Arial", fontSize: 16, fontWeight: 400, lineHeightPx: 24, textAutoResize: "NONE" },
    fills: solid(0, 0, 0),
    ...extra,
  };
}

/** A yellow 160 × 40 button frame with its text and its interactions. */
export function button(id: string, name: string, x: number, y: number, interactions: object[]) {
  return {
    id,
    name,
    type: "FRAME",
    absoluteBoundingBox: box(x, y, 160, 40),
    fills: solid(0.9, 0.9, 0.2),
    interactions,
    children: [text(`${id}t`, name, x + 8, y + 8, 144)],
  };
}

export const click = (action: object) => [{ trigger: { type: "ON_CLICK" }, actions: [action] }];
const navigate = (destinationId: string | null) => ({
  type: "NODE",
  destinationId,
  navigation: "NAVIGATE",
  transition: { type: "DISSOLVE", duration: 0.3, easing: { type: "EASE_OUT" } },
});

export const HOME = {
  id: "1:1",
  name: "Home",
  type: "FRAME",
  absoluteBoundingBox: box(0, 0, 400, 2000),
  fills: solid(1, 1, 1),
  clipsContent: true,
  children: [
    { id: "1:9", name: "End", type: "RECTANGLE", absoluteBoundingBox: box(0, 1800, 400, 200), fills: solid(0, 0.5, 0) },
    button("1:3", "About us", 20, 100, click(navigate("2:1"))),
    button("1:4", "To the end", 20, 160, click({ type: "NODE", destinationId: "1:9", navigation: "SCROLL_TO" })),
    text("1:5", "Figma site", 20, 220, 160, { interactions: click({ type: "URL", url: "https://example.com/" }) }),
    {
      id: "1:6",
      name: "List",
      type: "FRAME",
      absoluteBoundingBox: box(20, 300, 360, 200),
      fills: solid(0.95, 0.95, 0.95),
      clipsContent: true,
      overflowDirection: "VERTICAL_SCROLLING",
      children: [
        {
          id: "1:7",
          name: "Item",
          type: "RECTANGLE",
          absoluteBoundingBox: box(20, 300, 360, 600),
          fills: solid(0, 0, 1),
        },
      ],
    },
    {
      id: "1:2",
      name: "Header",
      type: "FRAME",
      absoluteBoundingBox: box(0, 0, 400, 60),
      fills: solid(0.2, 0.2, 0.2),
      scrollBehavior: "FIXED",
      interactions: [
        {
          trigger: { type: "ON_HOVER" },
          actions: [{ type: "NODE", destinationId: "1:2", navigation: "CHANGE_TO", transition: null }],
        },
      ],
    },
  ],
};

export const ABOUT = {
  id: "2:1",
  name: "About",
  type: "FRAME",
  absoluteBoundingBox: box(500, 0, 400, 800),
  fills: solid(1, 1, 1),
  children: [
    button("2:2", "Back", 520, 20, click({ type: "BACK" })),
    button("2:3", "Nowhere", 520, 80, click(navigate("9:99"))),
  ],
};

/** A file of these pages (each `[id, name, layers, what else the page says]`). */
/** A REST reply of a synthetic file: its pages as [id, name, layers, the page's other fields]. */
export function file(name: string, pages: [string, string, object[], object?][]) {
  const children = pages.map(([id, page, layers, extra]) => ({
    id,
    name: page,
    type: "CANVAS",
    ...extra,
    children: layers,
  }));
  return { name, document: { id: "0:0", name: "Document", type: "DOCUMENT", children } };
}

/** The whole file: one page, its flow starting at Home. */
export const PROTOTYPE_FILE = file("Prototype", [
  ["0:1", "Page 1", [HOME, ABOUT], { flowStartingPoints: [{ nodeId: "1:1", name: "Flow 1" }] }],
]);

/** A button variant: a 160 × 40 frame of `fill` with its label in `ink`, `shadow` when raised. */
function variant(id: string, name: string, y: number, fill: number[], ink: number[], extra: object = {}) {
  const [r, g, b] = fill as [number, number, number];
  const [tr, tg, tb] = ink as [number, number, number];
  return {
    id,
    name,
    type: "COMPONENT",
    absoluteBoundingBox: box(1000, y, 160, 40),
    fills: solid(r, g, b),
    cornerRadius: 8,
    ...extra,
    children: [text(`${id}t`, "Label", 1008, y + 8, 144, { characters: "Buy now", fills: solid(tr, tg, tb) })],
  };
}

const easeOut = { type: "SMART_ANIMATE", duration: 0.2, easing: { type: "EASE_OUT" } };
const changeTo = (trigger: string, destinationId: string) => ({
  trigger: { type: trigger },
  actions: [{ type: "NODE", destinationId, navigation: "CHANGE_TO", transition: easeOut }],
});

/** The button's three variants: at rest (grey, dark label), hovered (blue, white label, a shadow), pressed (navy). */
export const BUTTON_SET = {
  id: "8:1",
  name: "Button",
  type: "COMPONENT_SET",
  absoluteBoundingBox: box(1000, 0, 160, 200),
  children: [
    variant("8:2", "State=Default", 0, [0.9, 0.9, 0.9], [0.1, 0.1, 0.1], {
      interactions: [changeTo("ON_HOVER", "8:3"), changeTo("ON_PRESS", "8:4")],
    }),
    variant("8:3", "State=Hover", 60, [0.1, 0.4, 0.9], [1, 1, 1], {
      effects: [
        {
          type: "DROP_SHADOW",
          visible: true,
          color: { r: 0, g: 0, b: 0, a: 0.25 },
          offset: { x: 0, y: 4 },
          radius: 8,
          blendMode: "NORMAL",
        },
      ],
    }),
    variant("8:4", "State=Pressed", 120, [0.05, 0.1, 0.4], [1, 1, 1], {
      absoluteBoundingBox: box(1000, 120, 156, 38),
    }),
  ],
};

/** A page with two instances of the button (both hover and press as their component does), and the button's set. */
const SHOP = {
  id: "7:1",
  name: "Shop",
  type: "FRAME",
  absoluteBoundingBox: box(0, 0, 400, 300),
  fills: solid(1, 1, 1),
  children: ["7:2", "7:3"].map((id, i) => ({
    ...variant(id, "Buy", 40 + i * 80, [0.9, 0.9, 0.9], [0.1, 0.1, 0.1], {
      interactions: [changeTo("ON_HOVER", "8:3"), changeTo("ON_PRESS", "8:4")],
    }),
    type: "INSTANCE",
    componentId: "8:2",
    absoluteBoundingBox: box(20, 40 + i * 80, 160, 40),
    children: [
      text(`I${id};8:2t`, "Label", 28, 48 + i * 80, 144, { characters: "Buy now", fills: solid(0.1, 0.1, 0.1) }),
    ],
  })),
};

export const STATES_FILE = {
  ...file("States", [
    ["0:1", "Page 1", [SHOP]],
    ["0:2", "Components", [BUTTON_SET]],
  ]),
  components: { "8:2": { key: "k82", name: "State=Default", componentSetId: "8:1" } },
  componentSets: { "8:1": { key: "k81", name: "Button" } },
};

/**
 * A screen laid out as a column that clips its content (an auto layout frame, `clipsContent`), its header sticky in
 * the flow and a layer 2,000 px tall below it: the header must stick to the viewport, not to the clipping screen.
 */
export const STICKY_FILE = file("Sticky", [
  [
    "0:1",
    "Page 1",
    [
      {
        id: "3:1",
        name: "Long",
        type: "FRAME",
        absoluteBoundingBox: box(0, 0, 400, 2060),
        fills: solid(1, 1, 1),
        clipsContent: true,
        layoutMode: "VERTICAL",
        counterAxisSizingMode: "FIXED",
        primaryAxisSizingMode: "FIXED",
        children: [
          {
            id: "3:2",
            name: "Header",
            type: "FRAME",
            absoluteBoundingBox: box(0, 0, 400, 60),
            fills: solid(0.2, 0.2, 0.2),
            layoutAlign: "STRETCH",
            scrollBehavior: "STICKY_SCROLLS",
          },
          {
            id: "3:3",
            name: "Body",
            type: "RECTANGLE",
            absoluteBoundingBox: box(0, 60, 400, 2000),
            fills: solid(0, 0.5, 0),
            layoutAlign: "STRETCH",
          },
        ],
      },
    ],
  ],
]);

const clickTo = (destinationId: string) => ({
  trigger: { type: "ON_CLICK" },
  actions: [{ type: "NODE", destinationId, navigation: "CHANGE_TO", transition: null }],
});

/** A toggle's set: Off (grey, dark label) and On (green, white label), a click changing each to the other. */
const LIKE_SET = {
  id: "5:1",
  name: "Like",
  type: "COMPONENT_SET",
  absoluteBoundingBox: box(1000, 0, 160, 120),
  children: [
    variant("5:2", "State=Off", 0, [0.9, 0.9, 0.9], [0.1, 0.1, 0.1], { interactions: [clickTo("5:3")] }),
    variant("5:3", "State=On", 60, [0.1, 0.6, 0.2], [1, 1, 1], { interactions: [clickTo("5:2")] }),
  ],
};

/** A radio's variant: its ring, with (On) a dot the other has not, or (Off) a hint the other has not. */
const radio = (id: string, name: string, x: number, y: number, on: boolean, extra: object = {}) => ({
  id,
  name,
  type: "COMPONENT",
  absoluteBoundingBox: box(x, y, 100, 24),
  ...extra,
  children: [
    {
      id: `${id}r`,
      name: "Ring",
      type: "ELLIPSE",
      absoluteBoundingBox: box(x, y, 24, 24),
      strokes: solid(0, 0, 0),
      strokeWeight: 1,
      strokeAlign: "INSIDE",
    },
    on
      ? {
          id: `${id}d`,
          name: "Dot",
          type: "ELLIPSE",
          absoluteBoundingBox: box(x + 6, y + 6, 12, 12),
          fills: solid(0, 0, 0),
        }
      : text(`${id}h`, "Hint", x + 32, y, 68, { characters: "Pick", fills: solid(0.1, 0.1, 0.1) }),
  ],
});

/** A radio's set: Off (a ring and a hint) and On (the ring and a dot), a click changing each to the other. */
const RADIO_SET = {
  id: "6:1",
  name: "Radio",
  type: "COMPONENT_SET",
  absoluteBoundingBox: box(1200, 0, 100, 80),
  children: [
    radio("6:2", "State=Off", 1200, 0, false, { interactions: [clickTo("6:3")] }),
    radio("6:3", "State=On", 1200, 50, true, { interactions: [clickTo("6:2")] }),
  ],
};

/** A page with one instance of the toggle at Off (its click toggles it), and the toggle's set. */
export const TOGGLE_FILE = {
  ...file("Toggle", [
    [
      "0:1",
      "Page 1",
      [
        {
          id: "4:1",
          name: "Settings",
          type: "FRAME",
          absoluteBoundingBox: box(0, 0, 400, 300),
          fills: solid(1, 1, 1),
          children: [
            {
              ...variant("4:2", "Like", 40, [0.9, 0.9, 0.9], [0.1, 0.1, 0.1], { interactions: [clickTo("5:3")] }),
              type: "INSTANCE",
              componentId: "5:2",
              absoluteBoundingBox: box(20, 40, 160, 40),
              children: [
                text("I4:2;5:2t", "Label", 28, 48, 144, { characters: "Buy now", fills: solid(0.1, 0.1, 0.1) }),
              ],
            },
            // A radio at Off: a click adds its On variant's dot and takes its hint away.
            {
              ...radio("4:3", "Radio", 20, 120, false, { interactions: [clickTo("6:3")] }),
              type: "INSTANCE",
              componentId: "6:2",
            },
          ],
        },
      ],
    ],
    ["0:2", "Components", [LIKE_SET, RADIO_SET]],
  ]),
  components: {
    "5:2": { key: "k52", name: "State=Off", componentSetId: "5:1" },
    "6:2": { key: "k62", name: "State=Off", componentSetId: "6:1" },
  },
  componentSets: { "5:1": { key: "k51", name: "Like" }, "6:1": { key: "k61", name: "Radio" } },
};
