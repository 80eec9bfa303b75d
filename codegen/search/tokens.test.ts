/**
 * Search finds words of every script: on main a Cyrillic frame name (an exact one) found nothing, since orama's
 * "english" tokenizer keeps [A-Za-z0-9] only. Real files first (the bank's "Промо" page and the "header" with
 * Russian menu items, test/fixtures/real), beside an English design system whose searches must stay as they were.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { frameDocs, type FrameDoc } from "./frame-doc.js";
import { createFrameIndex, searchFrames } from "./frame-index.js";
import { foldText, searchTokens } from "./tokens.js";

const read = (path: string): unknown =>
  JSON.parse(readFileSync(new URL(`../../test/fixtures/${path}`, import.meta.url), "utf8"));

const PROMO = frameDocs(read("real/over-promo.nodes.json"));
const HEADER = frameDocs(read("real/figma-gpt-header.file.json"));
const FIGMAGIC = frameDocs(read("figma/figmagic-design-system.file.json"));
const ALL = [...PROMO, ...HEADER, ...FIGMAGIC];

async function top(docs: FrameDoc[], term: string, limit = 3): Promise<string[]> {
  return (await searchFrames(await createFrameIndex(docs), { term, limit })).map((h) => h.name);
}

describe("search on real files in Russian", () => {
  it("finds a frame by its exact Cyrillic name, in any case", async () => {
    expect(PROMO[0]!.name).toBe("Промо");
    for (const term of ["Промо", "промо", "ПРОМО"]) expect((await top(ALL, term))[0], term).toBe("Промо");
  });

  it("finds frames by Cyrillic words of their texts, and by a word's beginning", async () => {
    expect((await top(ALL, "овердрафт"))[0]).toBe("Промо");
    expect((await top(ALL, "Митапы Дайджест"))[0]).toBe("header");
    expect((await top(ALL, "дайдж"))[0]).toBe("header");
    // ё is searched as е (счёте in the page's text).
    expect((await top(ALL, "счете"))[0]).toBe("Промо");
  });

  it("keeps English as it was in the same index", async () => {
    expect((await top(ALL, "shadows"))[0]).toBe("Shadows");
    expect((await top(ALL, "telegram youtube"))[0]).toBe("header");
    expect(await top(ALL, "zebracorn")).toEqual([]);
  });
});

describe("search in Greek, Japanese and accented Latin", () => {
  // No licensed real file with such names was found: the real design system's frames, renamed (a control).
  const renamed = FIGMAGIC.map((doc, i) => ({
    ...doc,
    name: ["Σκιές και βάθος", "影の設定", "Ombres portées", "東京都タワー", "Сalorie goal"][i] ?? doc.name,
  }));

  it.each([
    ["σκιες", "Σκιές και βάθος"],
    ["ΒΑΘΟΣ", "Σκιές και βάθος"],
    ["設定", "影の設定"],
    ["影", "影の設定"],
    ["ombres portees", "Ombres portées"],
    ["OMBRÉS", "Ombres portées"],
    ["京都", "東京都タワー"],
    ["タワー", "東京都タワー"],
    // FoodCoach's "Сalorie goal" begins with a Cyrillic С: found by the word it shows.
    ["calorie", "Сalorie goal"],
  ])("%s finds %s first", async (term, name) => {
    expect((await top(renamed, term))[0]).toBe(name);
  });
});

describe("searchTokens", () => {
  it("cuts words of any script on what is not a letter or digit, folded alike", () => {
    expect(searchTokens("Sign-up • Шаг 2/3 — Καλημέρα, ΣΟΦΟΣ! café İstanbul")).toEqual([
      "sign",
      "up",
      "шаг",
      "2",
      "3",
      "καλημερα",
      "σοφοσ",
      "cafe",
      "istanbul",
    ]);
    expect(foldText("Ёлка Й")).toBe("елка и");
  });

  it("cuts Han and kana into characters and pairs, Latin words beside them whole", () => {
    expect(searchTokens("iPhone用ケース")).toEqual(["iphone", "用", "ケ", "ー", "ス", "用ケ", "ケー", "ース"]);
    // Kana keep their voicing marks: か and が are different words.
    expect(searchTokens("が")).toEqual(["が"]);
  });
});
