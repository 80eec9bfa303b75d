/**
 * SYNTHETIC (written for Figment's tests, not a designer's file: no public licensed REST reply with overlays was found;
 * see docs/output.md, "The prototype"): a REST reply of one page, "Shop" 400 × 800, whose buttons open four overlays
 * as Figma's overlay settings can place them — "Confirm" centred over a dimmed page (dissolving in), "Filters" at the
 * bottom's centre (moving in from below, a click outside closes it), "Menu" at the top left (sliding in from the left),
 * "Tip" at a manual offset under its trigger (no backdrop, instant). Each overlay has a Close button (CLOSE); Confirm's
 * "Edit filters" swaps it for Filters (SWAP).
 */
import { box, button as clickable, click, file, solid, text } from "./test-design.js";

const button = (id: string, name: string, x: number, y: number, action: object) =>
  clickable(id, name, x, y, click(action));

const ease = { type: "EASE_OUT" };
const open = (destinationId: string, transition: object | null, extra: object = {}) => ({
  type: "NODE",
  destinationId,
  navigation: "OVERLAY",
  transition,
  ...extra,
});

export const OVERLAY_SHOP = {
  id: "10:1",
  name: "Shop",
  type: "FRAME",
  absoluteBoundingBox: box(0, 0, 400, 800),
  fills: solid(1, 1, 1),
  children: [
    button("10:2", "Buy", 20, 100, open("20:1", { type: "DISSOLVE", duration: 0.3, easing: ease })),
    button(
      "10:3",
      "Filters",
      20,
      160,
      open("30:1", { type: "MOVE_IN", direction: "TOP", duration: 0.4, easing: { type: "EASE_IN_AND_OUT" } }),
    ),
    button(
      "10:4",
      "Menu",
      20,
      220,
      open("40:1", { type: "SLIDE_IN", direction: "RIGHT", duration: 0.25, easing: ease }),
    ),
    button("10:5", "Info", 200, 300, open("50:1", null, { overlayRelativePosition: { x: 10, y: 48 } })),
  ],
};

/** An overlay frame at (x, 0) of the canvas with its settings and its layers. */
function overlay(id: string, name: string, x: number, w: number, h: number, settings: object, children: object[]) {
  return {
    id,
    name,
    type: "FRAME",
    absoluteBoundingBox: box(x, 0, w, h),
    fills: solid(0.85, 0.92, 1),
    ...settings,
    children,
  };
}

const dim = (a: number) => ({ type: "SOLID_COLOR", color: { r: 0, g: 0, b: 0, a } });
const close = (id: string, x: number, y: number) => button(id, "Close", x, y, { type: "CLOSE" });

export const CONFIRM = overlay(
  "20:1",
  "Confirm",
  500,
  300,
  200,
  { overlayPositionType: "CENTER", overlayBackground: dim(0.4), overlayBackgroundInteraction: "NONE" },
  [
    text("20:2", "Add to the basket?", 520, 20, 260),
    close("20:3", 520, 80),
    button("20:4", "Edit filters", 520, 140, { type: "NODE", destinationId: "30:1", navigation: "SWAP" }),
  ],
);

export const FILTERS = overlay(
  "30:1",
  "Filters",
  900,
  400,
  300,
  {
    overlayPositionType: "BOTTOM_CENTER",
    overlayBackground: dim(0.5),
    overlayBackgroundInteraction: "CLOSE_ON_CLICK_OUTSIDE",
  },
  [text("30:2", "Sizes and colours", 920, 20, 300), close("30:3", 920, 80)],
);

export const MENU = overlay(
  "40:1",
  "Menu",
  1400,
  240,
  800,
  {
    overlayPositionType: "TOP_LEFT",
    overlayBackground: { type: "SOLID_COLOR", color: { r: 0.1, g: 0.2, b: 0.3, a: 0.25 } },
    overlayBackgroundInteraction: "CLOSE_ON_CLICK_OUTSIDE",
  },
  [text("40:2", "Home", 1420, 20, 200), close("40:3", 1420, 80)],
);

export const TIP = overlay(
  "50:1",
  "Tip",
  1700,
  200,
  100,
  {
    overlayPositionType: "MANUAL",
    overlayBackground: { type: "NONE" },
    overlayBackgroundInteraction: "CLOSE_ON_CLICK_OUTSIDE",
  },
  [close("50:2", 1720, 40)],
);

/** The whole file: one page, its flow starting at Shop. */
export const OVERLAYS_FILE = file("Overlays (synthetic)", [
  [
    "0:1",
    "Page 1",
    [OVERLAY_SHOP, CONFIRM, FILTERS, MENU, TIP],
    { flowStartingPoints: [{ nodeId: "10:1", name: "Flow 1" }] },
  ],
]);

/** A page whose "Peek" button opens "Preview" (centred, no backdrop) while the pointer is over it (ON_HOVER). */
export const HOVER_OVERLAY_FILE = file("Hover overlay (synthetic)", [
  [
    "0:1",
    "Page 1",
    [
      {
        id: "60:1",
        name: "Gallery",
        type: "FRAME",
        absoluteBoundingBox: box(0, 0, 400, 800),
        fills: solid(1, 1, 1),
        children: [
          clickable("60:2", "Peek", 20, 40, [{ trigger: { type: "ON_HOVER" }, actions: [open("70:1", null)] }]),
        ],
      },
      overlay("70:1", "Preview", 500, 200, 120, { overlayPositionType: "CENTER" }, [
        text("70:2", "A closer look", 520, 20, 160),
      ]),
    ],
  ],
]);
