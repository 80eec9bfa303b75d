/**
 * What a frame's name says about the page it draws (codegen/design/page-groups.ts): its stem, the name without the
 * words that only say the width it is drawn at ("Home • Desktop", "Mobile / Cart", "Home/375", "1.2 Landing Page",
 * "iPhone 11 Pro / X"), and the breakpoint it names, if any.
 */

export type BreakpointClass = "Desktop" | "Tablet" | "Phone";

export interface PageName {
  /** The name's words without breakpoint, device, width and numbering words, lower case, one space apart. */
  stem: string;
  /** Whether the name holds a breakpoint or device word or a width ("Mobile", "iPad", "375"). */
  breakpoint: boolean;
  /** The class its breakpoint word says ("teblet" → Tablet), or undefined (none, or "md"-like words). */
  says?: BreakpointClass;
  /** The breakpoint word as written where it says no class ("md", "XL"), or a device name ("MacBook Pro"). */
  word?: string;
}

/** Breakpoint words and the class each says (undefined: a size word that says none by itself). */
const BREAKPOINT_WORDS: Record<string, BreakpointClass | undefined> = {
  desktop: "Desktop",
  web: "Desktop",
  laptop: "Desktop",
  pc: "Desktop",
  macbook: "Desktop",
  imac: "Desktop",
  tablet: "Tablet",
  // A designer's misspelling met in a real file ("desktop / teblet / mobile").
  teblet: "Tablet",
  tab: "Tablet",
  ipad: "Tablet",
  mobile: "Phone",
  phone: "Phone",
  iphone: "Phone",
  android: "Phone",
  galaxy: "Phone",
  pixel: "Phone",
  smartphone: "Phone",
  sm: undefined,
  md: undefined,
  lg: undefined,
  xl: undefined,
  xs: undefined,
  xxl: undefined,
  "2xl": undefined,
};

/** Device families: with one of them in a name, its model words ("Pro", "Max", "X", "11") go too. */
const DEVICES = new Set(["macbook", "imac", "ipad", "iphone", "android", "galaxy", "pixel"]);
const MODEL_WORDS = new Set(["pro", "max", "mini", "plus", "air", "x", "xr", "xs", "se", "ultra", "s"]);

/** Words of a name that say which drawing it is, not which page: "version", "view", "screen" … */
const DRAWING_WORDS = new Set(["version", "view", "screen", "size", "breakpoint", "layout", "copy"]);

/** A width or size in a name ("375", "1440px", "1440x900", "@768"); and numbering ("1.1", "2", "v2"). */
const SIZE = /^@?\d{3,4}(px)?(x\d{2,4})?$/;
const NUMBERING = /^(v?\d+(\.\d+)*|[ivx]+)$/;

/** What separates a name's words: spaces, the separators designers put between page and breakpoint, punctuation. */
const SEPARATORS = /[\s•·\-–—/|_()[\]{},:;+*#"'“”‘’«»!?&]+/u;

/**
 * A name's words as written: split at separators, and a word in camel case ("HomePage") at its humps unless it is a
 * known word ("iPhone", "MacBook").
 */
function wordsOf(name: string): string[] {
  return name
    .split(SEPARATORS)
    .filter(Boolean)
    .flatMap((w) => (known(w) ? [w] : w.replace(/([a-z])([A-Z])/g, "$1 $2").split(" ")));
}

function known(word: string): boolean {
  const lower = word.toLowerCase();
  return lower in BREAKPOINT_WORDS || DEVICES.has(lower);
}

/** The stem and breakpoint of a frame's name. */
export function pageName(name: string): PageName {
  const written = wordsOf(name);
  const words = written.map((w) => w.toLowerCase());
  const device = words.some((w) => DEVICES.has(w));
  let breakpoint = false;
  let says: BreakpointClass | undefined;
  let word: string | undefined;
  const stem: string[] = [];
  for (const [i, w] of words.entries()) {
    if (w in BREAKPOINT_WORDS) {
      breakpoint = true;
      const cls = BREAKPOINT_WORDS[w];
      says ??= cls;
      if (cls === undefined) word ??= written[i];
      continue;
    }
    if (SIZE.test(w)) {
      breakpoint = true;
      continue;
    }
    if (device && MODEL_WORDS.has(w)) continue;
    if (NUMBERING.test(w) || DRAWING_WORDS.has(w)) continue;
    stem.push(w);
  }
  // A device's name ("MacBook Pro", "iPad Pro 11") is the frame's own breakpoint word: two desktops in one group
  // are told apart by it.
  if (device && word === undefined) word = deviceWords(written);
  // The stem compares without spaces ("Home Page" = "HomePage").
  return { stem: stem.join(" "), breakpoint, ...(says ? { says } : {}), ...(word ? { word } : {}) };
}

/** The device part of a name as written ("MacBook Pro" of "MacBook Pro 2"): its device and model words. */
function deviceWords(written: readonly string[]): string {
  return written.filter((w) => DEVICES.has(w.toLowerCase()) || MODEL_WORDS.has(w.toLowerCase())).join(" ");
}

/** Names Figma gives frames itself ("Frame 12", "Group 3", "Desktop - 1" is a breakpoint word already). */
const GENERIC = new Set(["frame", "group", "artboard", "rectangle", "component", "untitled", "page", "section"]);

/** A stem that names no page: empty, or only Figma's own words ("frame", "group"). */
export function blankStem(stem: string): boolean {
  return stem.split(" ").every((w) => w === "" || GENERIC.has(w));
}
