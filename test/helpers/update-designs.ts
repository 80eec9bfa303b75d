/**
 * A small design in versions, for the update tests (figment code --update, the plugin's "Download update"): a "Home"
 * frame with a heading, a paragraph and two instances of a "Card" component, whose words, colours and component name
 * each version may change. Figma REST file replies, hand-made (a control beside the real files' versions).
 */
export interface HomeVersion {
  title?: string;
  body?: string;
  cardName?: string;
  cardTitle?: string;
  /** The page's background, as Figma's 0..1 channels. */
  background?: { r: number; g: number; b: number };
  /** Adds a third card. */
  thirdCard?: boolean;
}

const black = { r: 0.07, g: 0.09, b: 0.15, a: 1 };

function text(id: string, name: string, characters: string, x: number, y: number, w: number, size: number): object {
  return {
    id,
    name,
    type: "TEXT",
    characters,
    absoluteBoundingBox: { x, y, width: w, height: Math.round(size * 1.3) },
    fills: [{ type: "SOLID", color: black }],
    style: { fontFamily: "Inter", fontWeight: 600, fontSize: size, lineHeightPx: Math.round(size * 1.3) },
  };
}

function card(id: string, componentId: string, x: number, y: number, title: string): object {
  return {
    id,
    name: "Card",
    type: "INSTANCE",
    componentId,
    layoutMode: "VERTICAL",
    paddingLeft: 16,
    paddingRight: 16,
    paddingTop: 16,
    paddingBottom: 16,
    itemSpacing: 8,
    absoluteBoundingBox: { x, y, width: 160, height: 64 },
    fills: [{ type: "SOLID", color: { r: 1, g: 1, b: 1, a: 1 } }],
    cornerRadius: 8,
    children: [text(`I${id};3:2`, "Card title", title, x + 16, y + 16, 128, 16)],
  };
}

/** The design at one version: a Figma REST file reply. */
export function homeDesign(v: HomeVersion = {}): object {
  const bg = v.background ?? { r: 0.96, g: 0.97, b: 0.98 };
  const cardTitle = v.cardTitle ?? "Fresh fruit";
  const component = {
    id: "3:1",
    name: v.cardName ?? "Card",
    type: "COMPONENT",
    layoutMode: "VERTICAL",
    paddingLeft: 16,
    paddingRight: 16,
    paddingTop: 16,
    paddingBottom: 16,
    itemSpacing: 8,
    absoluteBoundingBox: { x: 1000, y: 0, width: 160, height: 64 },
    fills: [{ type: "SOLID", color: { r: 1, g: 1, b: 1, a: 1 } }],
    cornerRadius: 8,
    children: [text("3:2", "Card title", cardTitle, 1016, 16, 128, 16)],
  };
  const cards = [card("1:4", "3:1", 24, 140, cardTitle), card("1:5", "3:1", 200, 140, "Bread")];
  if (v.thirdCard) cards.push(card("1:6", "3:1", 24, 220, "Cheese"));
  const home = {
    id: "1:1",
    name: "Home",
    type: "FRAME",
    layoutMode: "VERTICAL",
    paddingLeft: 24,
    paddingRight: 24,
    paddingTop: 24,
    paddingBottom: 24,
    itemSpacing: 16,
    absoluteBoundingBox: { x: 0, y: 0, width: 400, height: v.thirdCard ? 320 : 240 },
    fills: [{ type: "SOLID", color: { ...bg, a: 1 } }],
    children: [
      text("1:2", "Title", v.title ?? "Welcome home", 24, 24, 352, 28),
      text("1:3", "Body", v.body ?? "Pick what you like.", 24, 80, 352, 16),
      {
        id: "1:7",
        name: "Cards",
        type: "FRAME",
        layoutMode: "HORIZONTAL",
        itemSpacing: 16,
        absoluteBoundingBox: { x: 24, y: 140, width: 352, height: v.thirdCard ? 144 : 64 },
        fills: [],
        children: cards,
      },
    ],
  };
  return {
    name: "Shop",
    version: "1",
    lastModified: "2026-11-01T10:00:00Z",
    document: {
      id: "0:0",
      name: "Document",
      type: "DOCUMENT",
      children: [
        { id: "0:1", name: "Page 1", type: "CANVAS", children: [home] },
        { id: "0:2", name: "Components", type: "CANVAS", children: [component] },
      ],
    },
    components: { "3:1": { key: "card", name: v.cardName ?? "Card", description: "" } },
    styles: {},
  };
}
