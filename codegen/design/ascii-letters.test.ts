/**
 * File names and identifiers keep a name's letters: on main a Cyrillic frame name became `frame6.html` (or the
 * React screen `Screen`), "Сalorie goal" typed with a Cyrillic С became `alorie-goal.html`, and "Подключение к
 * Apple Здоровье" became `apple.html`. Transliterated now; a script with no Latin spelling is said in a note.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { emitFiles } from "../emit/index.js";
import { kebabCase, pascalCase } from "../emit/names.js";
import { loadDesign } from "../load.js";
import { asciiLetters, hasUnwritableLetters } from "./ascii-letters.js";
import { slug } from "./normalize.js";

const read = (path: string): { document: { children: { children: { name: string }[] }[] } } =>
  JSON.parse(readFileSync(new URL(`../../test/fixtures/${path}`, import.meta.url), "utf8"));

describe("asciiLetters", () => {
  it.each([
    ["Телеграм", "Telegram"],
    ["Блюду подробнее", "Blyudu podrobnee"],
    ["Промежуточный экран подписки", "Promezhutochnyy ekran podpiski"],
    ["Подключение к Apple Здоровье", "Podklyuchenie k Apple Zdorove"],
    ["ЖУК и Ёж", "ZHUK i Ezh"],
    ["Їжак Ґанок", "Yizhak Ganok"],
    ["Καλημέρα κόσμε", "Kalimera kosme"],
    ["Μουσείο", "Mouseio"],
    ["Crème brûlée Straße", "Creme brulee Strasse"],
    // Cyrillic look-alikes typed inside Latin words read as the Latin letters they show.
    ["Сalorie goal", "Calorie goal"],
    ["Adviсe", "Advice"],
    ["ホーム", "ホーム"],
  ])("%s → %s", (name, ascii) => {
    expect(asciiLetters(name)).toBe(ascii);
  });

  it("knows which names it cannot spell", () => {
    expect(hasUnwritableLetters("ホーム 2")).toBe(true);
    expect(hasUnwritableLetters("Телеграм — 15–18 г")).toBe(false);
    expect(hasUnwritableLetters("⭐ Home")).toBe(false);
  });
});

describe("names made from Cyrillic and Greek layer names", () => {
  it("files, components and asset names keep the letters", () => {
    expect(kebabCase("Телеграм", "frame")).toBe("telegram");
    expect(kebabCase("Сalorie goal", "frame")).toBe("calorie-goal");
    expect(kebabCase("15–18 г")).toBe("item-15-18-g");
    expect(pascalCase("выбор языка", "Screen")).toBe("VyborYazyka");
    expect(pascalCase("Σκιές", "Screen")).toBe("Skies");
    expect(slug("Иконка поиска")).toBe("ikonka-poiska");
  });
});

describe("on real files", () => {
  it("the bank's page 'Промо' is the React screen Promo, its Cyrillic layers' classes spelled out", () => {
    const { files, problems } = emitFiles(loadDesign(read("real/over-promo.nodes.json")).document, {
      target: "react",
      styling: "css-modules",
      nodeIds: false,
    });
    const paths = files.map((f) => f.path);
    expect(paths).toContain("src/screens/Promo.tsx");
    const css = files.find((f) => f.path === "src/screens/Promo.module.css")!.content;
    // Layers named "Условия", "ОК для вашего бизнеса", "Комиссии" name their classes.
    for (const name of ["usloviya", "okDlyaVashegoBiznesa", "komissii"])
      expect(css).toMatch(new RegExp(`^\\.${name} \\{`, "m"));
    expect(problems.filter((p) => p.code === "name-not-spelled")).toEqual([]);
  });

  it("a whole file's pages are named after their frames in these scripts; a name it cannot spell is said", () => {
    // The real design system's first frames renamed as FoodCoach's (unlicensed) frames are named: a control.
    const json = read("figma/figmagic-design-system.file.json");
    const frames = json.document.children[0]!.children;
    ["Телеграм", "Сalorie goal", "Adviсe", "Καλημέρα", "ホーム"].forEach((name, i) => (frames[i]!.name = name));
    const { files, problems } = emitFiles(loadDesign(json).document, {
      target: "html",
      styling: "css-modules",
      nodeIds: false,
    });
    const paths = files.map((f) => f.path);
    for (const page of ["telegram.html", "calorie-goal.html", "advice.html", "kalimera.html", "frame.html"])
      expect(paths, page).toContain(page);
    expect(paths.filter((p) => /^frame\d*\.html$/.test(p))).toEqual(["frame.html"]);
    expect(problems.filter((p) => p.code === "name-not-spelled").map((p) => p.message)).toEqual([
      expect.stringMatching(/^the frame "ホーム" is written as frame\.html: /),
    ]);
  });
});
