/**
 * A three-page design whose navigations move (the transitions' tests): Start has two instances of a card component
 * (the first pushes left to Next, 400 ms, a custom bézier) and a button that smart-animates to Detail (500 ms, Figma's
 * "gentle" spring), its "Hero" square growing into Detail's banner; Next goes back to Start by itself after 0.5 s with
 * a 200 ms ease-in dissolve.
 */
import { box, file, solid, text } from "./test-design.js";

export const PUSH = {
  type: "PUSH",
  direction: "LEFT",
  duration: 0.4,
  easing: { type: "CUSTOM_CUBIC_BEZIER", easingFunctionCubicBezier: { x1: 0.2, y1: 0.8, x2: 0.3, y2: 1 } },
};
export const SMART = { type: "SMART_ANIMATE", duration: 0.5, easing: { type: "GENTLE" } };
export const DISSOLVE = { type: "DISSOLVE", duration: 0.2, easing: { type: "EASE_IN" } };

const go = (destinationId: string, transition: object, trigger: object = { type: "ON_CLICK" }) => [
  { trigger, actions: [{ type: "NODE", destinationId, navigation: "NAVIGATE", transition }] },
];

function card(id: string, name: string, x: number, y: number, extra: object = {}) {
  return {
    id,
    name,
    type: "INSTANCE",
    componentId: "6:2",
    absoluteBoundingBox: box(x, y, 170, 80),
    fills: solid(0.85, 0.9, 1),
    cornerRadius: 8,
    ...extra,
    children: [text(`I${id};6:3`, "Card", x + 12, y + 12, 140)],
  };
}

const START = {
  id: "3:1",
  name: "Start",
  type: "FRAME",
  absoluteBoundingBox: box(0, 0, 400, 600),
  fills: solid(1, 1, 1),
  children: [
    card("3:2", "Next card", 20, 20, { interactions: go("4:1", PUSH) }),
    card("3:3", "Other card", 210, 20),
    {
      id: "3:4",
      name: "Smart",
      type: "FRAME",
      absoluteBoundingBox: box(20, 140, 160, 40),
      fills: solid(0.9, 0.9, 0.2),
      interactions: go("5:1", SMART),
      children: [text("3:6", "Details", 28, 148, 144)],
    },
    { id: "3:5", name: "Hero", type: "RECTANGLE", absoluteBoundingBox: box(20, 300, 100, 100), fills: solid(1, 0, 0) },
  ],
};

const NEXT = {
  id: "4:1",
  name: "Next",
  type: "FRAME",
  absoluteBoundingBox: box(500, 0, 400, 600),
  fills: solid(0.95, 1, 0.95),
  interactions: go("3:1", DISSOLVE, { type: "AFTER_TIMEOUT", timeout: 0.5 }),
  children: [text("4:2", "Next page", 520, 20, 200)],
};

const DETAIL = {
  id: "5:1",
  name: "Detail",
  type: "FRAME",
  absoluteBoundingBox: box(1000, 0, 400, 600),
  fills: solid(1, 1, 1),
  children: [
    { id: "5:2", name: "Hero", type: "RECTANGLE", absoluteBoundingBox: box(1000, 0, 400, 200), fills: solid(1, 0, 0) },
    text("5:3", "Detail page", 1020, 220, 200),
  ],
};

const CARD = {
  id: "6:2",
  name: "Card",
  type: "COMPONENT",
  absoluteBoundingBox: box(2000, 0, 170, 80),
  fills: solid(0.85, 0.9, 1),
  cornerRadius: 8,
  children: [text("6:3", "Card", 2012, 12, 140)],
};

export const MOTION_FILE = {
  ...file("Motion", [
    ["0:1", "Page 1", [START, NEXT, DETAIL], { flowStartingPoints: [{ nodeId: "3:1", name: "Flow 1" }] }],
    ["0:2", "Components", [CARD]],
  ]),
  components: { "6:2": { key: "k62", name: "Card" } },
};

/** Going back (BACK's tests): Home's "Go" slides Page in from the right (300 ms, ease-out); Page's "Back" goes back. */
export const SLIDE = { type: "SLIDE_IN", direction: "LEFT", duration: 0.3, easing: { type: "EASE_OUT" } };

const button = (id: string, name: string, x: number, interactions: object[]) => ({
  id,
  name,
  type: "FRAME",
  absoluteBoundingBox: box(x + 20, 20, 120, 40),
  fills: solid(0.9, 0.9, 0.2),
  interactions,
  children: [text(`${id}t`, name, x + 28, 28, 100)],
});

export const BACK_FILE = file("Back", [
  [
    "0:1",
    "Page 1",
    [
      {
        id: "7:1",
        name: "Home",
        type: "FRAME",
        absoluteBoundingBox: box(0, 0, 400, 600),
        fills: solid(1, 1, 1),
        children: [button("7:2", "Go", 0, go("8:1", SLIDE))],
      },
      {
        id: "8:1",
        name: "Page",
        type: "FRAME",
        absoluteBoundingBox: box(500, 0, 400, 600),
        fills: solid(0.95, 1, 0.95),
        children: [button("8:2", "Back", 500, [{ trigger: { type: "ON_CLICK" }, actions: [{ type: "BACK" }] }])],
      },
    ],
    { flowStartingPoints: [{ nodeId: "7:1", name: "Flow 1" }] },
  ],
]);
