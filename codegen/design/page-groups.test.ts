import { describe, expect, it } from "vitest";
import { loadDesign } from "../load.js";
import { readFixture } from "../../test/helpers/fixtures.js";
import type { DesignNode } from "./types.js";
import { findPageGroups, type PageGroup } from "./page-groups.js";
import { pageName } from "./page-names.js";

const frames = (file: string): DesignNode[] =>
  loadDesign(readFixture(file), [], {}, { topLevel: "frames" }).document.frames;
const real = (file: string): DesignNode[] => frames(`../real/${file}`);

/** Each group as "label width name" of its frames, widest first. */
const shown = (groups: readonly PageGroup[]): string[][] =>
  groups.map((g) => g.frames.map((f) => `${f.label} ${f.width} ${f.name}`));

/** A frame drawing `texts` (one text layer each) at `width`. */
function frame(id: string, name: string, width: number, texts: readonly string[] = []): DesignNode {
  return {
    id,
    name,
    kind: "frame",
    w: width,
    h: 800,
    children: texts.map((chars, i) => ({
      id: `${id}-${i}`,
      name: chars,
      kind: "text" as const,
      w: 100,
      h: 20,
      text: {
        chars,
        style: { family: "Inter", size: 16, weight: 400 },
        resize: "none" as const,
        alignH: "left" as const,
        alignV: "top" as const,
      },
    })),
  };
}

const HOME = ["Welcome to the shop", "New arrivals", "Our story", "Sign up for the newsletter"];
const ABOUT = ["We started in 2010", "The team", "Our values", "Visit us in Berlin"];

describe("findPageGroups: frames drawing one page at several widths", () => {
  it("finds flora's three pages drawn at 1440, 768 and 375, and its menu at 768 and 375", () => {
    const groups = findPageGroups(real("flora.file.json"));
    expect(shown(groups)).toEqual([
      ["Desktop 1440 Home • Desktop", "Tablet 768 Home • Tablet", "Phone 375 Home • Mobile"],
      ["Desktop 1440 Order Modal", "Tablet 768 Order Modal Tablet", "Phone 375 Order Modal Mobile"],
      ["Desktop 1440 Product Details", "Tablet 768 Product Details Tablet", "Phone 375 Product Details Mobile"],
      // The two "Navbar" frames are one screen, the menu opened: the same links and icons (the phone's adds an
      // "Explore Bouquets" button), one name, a tablet and a phone width. One responsive page, as the modals are.
      ["Tablet 768 Navbar", "Phone 375 Navbar"],
    ]);
    expect(groups.map((g) => g.by)).toEqual(Array(4).fill("name and content"));
    // Its UI Kit's frames (Logos, UI Elements, Icons: all 1440) and the 1920 cover stay pages of their own.
  });

  it("pairs fitma's desktop pages with the designer's 411 phone drawings, the best of three where three could", () => {
    const groups = findPageGroups(real("fitma-shop.file.json"));
    expect(groups.map((g) => g.frames.map((f) => `${f.width} ${f.name} ${f.id}`))).toEqual([
      ["1440 Product Details 0:268", "411 Mobile / Product Details 0:745"],
      ["1440 Home Page 0:456", "411 Mobile / HomePage 0:710"],
      ["1440 Cart 0:267", "411 Mobile / Cart 0:809"],
      // Three 411 frames are named "Mobile / Checkout / No Data". 0:856 draws the empty form: it is the phone's
      // "Checkout / No Data".
      ["1440 Checkout / No Data 0:384", "411 Mobile / Checkout / No Data 0:856"],
      // 0:1631 draws the form filled in (John Doe, 116 New Montgomery Street): it is the phone's "Checkout / Data
      // Complete", left with its copy's name; its content says so (more in common with Data Complete than No Data).
      ["1440 Checkout / Data Complete 0:506", "411 Mobile / Checkout / No Data 0:1631"],
      // The added-to-cart overlay, 773 wide on the desktop and 411 on the phone.
      ["773 Overlay / Confirm Added to Cart 0:387", "411 Overlay / Confirm Added to Cart / Mobile 0:1683"],
    ]);
    expect(groups.map((g) => g.by)).toEqual([
      "name and content",
      "name and content",
      "name and content",
      "name and content",
      "content",
      "name and content",
    ]);
    // Left apart: 0:1675, the third "Mobile / Checkout / No Data", draws the order confirmation ("Your order is on
    // the way!"), whose desktop drawing ("WIP - Order Confirmation", unfinished) shares too little with it; the
    // phone's "Overlay / Submenu / Mobile" (a list of categories) is not the desktop's "Overlay / Submenu / Women"
    // (a component: the women's menu with its sub-items). The component sheets (Buttons, Cards … at 948, Molecules
    // and Website Blocks at 1512, the 1920 thumbnail) hold what the pages are made of, and are none of them.
  });

  it("finds figmagic's demo view drawn at four devices' widths (the same content in each)", () => {
    // "MacBook Pro" 1440, "MacBook" 1152, "iPad Pro 11"" 834, "iPhone 11 Pro / X" 375: Figma's device frames, each
    // holding the same form, texts and components (the phone's the form's layers without its instance around
    // them). One page drawn four times; two desktops in one group are told apart by their own device word.
    const groups = findPageGroups(frames("figmagic-design-system.file.json"));
    expect(shown(groups)).toEqual([
      ["Desktop 1440 MacBook Pro", "MacBook 1152 MacBook", 'Tablet 834 iPad Pro 11"', "Phone 375 iPhone 11 Pro / X"],
    ]);
    expect(groups[0]!.by).toBe("name and content");
  });

  it.each([
    // "Home" twice at 1440, slides at 1440: frames of one width are never one page.
    ["tnt-website.file.json"],
    // "MacBook Pro 2.2" and "2.3" (both 1440), and an empty 512 "MacBook Pro".
    ["psykolog-jenny.file.json"],
    // Twenty 1920 slides.
    ["zacht-investor-pitch.file.json"],
    ["attic-landing.file.json"],
    ["template-microsite.nodes.json"],
  ])("finds no group in %s", (file) => {
    expect(findPageGroups(real(file))).toEqual([]);
  });

  it("groups a selection of just the frames of one page (no other pages to weigh their content against)", () => {
    const all = real("fitma-shop.file.json");
    const pick = (...ids: string[]): DesignNode[] => all.filter((f) => ids.includes(f.id));
    expect(shown(findPageGroups(pick("0:267", "0:809")))).toEqual([["Desktop 1440 Cart", "Phone 411 Mobile / Cart"]]);
    // Two different pages selected: nothing in common by name, too little by content.
    expect(findPageGroups(pick("0:267", "0:710"))).toEqual([]);
  });
});

describe("findPageGroups: the name rules", () => {
  it("reads a width in the name", () => {
    const groups = findPageGroups([frame("1", "Home/1440", 1440, HOME), frame("2", "Home/375", 375, HOME)]);
    expect(shown(groups)).toEqual([["Desktop 1440 Home/1440", "Phone 375 Home/375"]]);
  });

  it("drops numbering: 1.2 and 1.1 Landing Page are one page at 1440 and 375", () => {
    const groups = findPageGroups([
      frame("1", "1.1 Landing Page", 375, HOME.slice(0, 3)),
      frame("2", "1.2 Landing Page", 1440, HOME),
      frame("3", "2.1 About", 375, ABOUT),
    ]);
    expect(shown(groups)).toEqual([["Desktop 1440 1.2 Landing Page", "Phone 375 1.1 Landing Page"]]);
    expect(groups[0]!.by).toBe("name and content");
  });

  it("takes a name that says the breakpoint as enough, even of frames that share no text", () => {
    const groups = findPageGroups([
      frame("1", "About Us - Desktop", 1440, ABOUT),
      frame("2", "About Us - Mobile", 390, ["About", "Who we are"]),
    ]);
    expect(shown(groups)).toEqual([["Desktop 1440 About Us - Desktop", "Phone 390 About Us - Mobile"]]);
    expect(groups[0]!.by).toBe("name");
  });

  it("reads a misspelt breakpoint, and names of breakpoint words alone by their content", () => {
    const groups = findPageGroups([
      frame("1", "desktop", 1440, HOME),
      frame("2", "teblet", 768, HOME),
      frame("3", "mobile", 375, HOME.slice(0, 3)),
    ]);
    expect(shown(groups)).toEqual([["Desktop 1440 desktop", "Tablet 768 teblet", "Phone 375 mobile"]]);
    // Figma's own names of device frames say nothing of the page: frames of other content stay apart.
    expect(findPageGroups([frame("1", "Desktop - 1", 1440, HOME), frame("2", "iPhone 14 - 1", 390, ABOUT)])).toEqual(
      [],
    );
  });

  it("keeps one name of different content apart, unless a breakpoint word says it", () => {
    // "Step 1" and "Step 2" are "step" once numbered, but draw other steps.
    expect(findPageGroups([frame("1", "Step 1", 1440, HOME), frame("2", "Step 2", 375, ABOUT)])).toEqual([]);
  });

  it("pairs unrelated names only on content that is all but the same", () => {
    expect(shown(findPageGroups([frame("1", "Landing", 1440, HOME), frame("2", "Start", 375, HOME)]))).toEqual([
      ["Desktop 1440 Landing", "Phone 375 Start"],
    ]);
    expect(findPageGroups([frame("1", "Landing", 1440, HOME), frame("2", "Start", 375, HOME.slice(0, 2))])).toEqual([]);
  });

  it("labels a breakpoint word that says no class with the word itself", () => {
    const groups = findPageGroups([frame("1", "Pricing lg", 1280, HOME), frame("2", "Pricing sm", 360, HOME)]);
    expect(groups[0]!.frames.map((f) => f.label)).toEqual(["lg", "sm"]);
  });

  it("reads the stem of a name without its breakpoint, device, width and numbering words", () => {
    expect(pageName("Home • Desktop")).toEqual({ stem: "home", breakpoint: true, says: "Desktop" });
    expect(pageName("Mobile / HomePage")).toEqual({ stem: "home page", breakpoint: true, says: "Phone" });
    expect(pageName("iPhone 11 Pro / X")).toEqual({ stem: "", breakpoint: true, says: "Phone", word: "iPhone Pro X" });
    expect(pageName("Home/375").stem).toBe("home");
    expect(pageName("01—Title").stem).toBe("title");
    expect(pageName("Mobile-only Molecules").stem).toBe("only molecules");
    expect(pageName("Checkout (1440px)")).toEqual({ stem: "checkout", breakpoint: true });
  });
});
