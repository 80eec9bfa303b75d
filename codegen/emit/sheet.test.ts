/** The stylesheet's text (Sheet.css, printed piece by piece) against the same rules written rule by rule. */
import { describe, expect, it } from "vitest";
import { declsToCss, type Decl } from "./css.js";
import { Sheet } from "./vnode.js";

/** The sheet as each rule's text, below-width blocks indented line by line with a regular expression. */
function byRules(sheet: Sheet): string {
  const rules = [...sheet.rules].flatMap(([cls, decls]) => [
    ...(decls.length > 0 ? [declsToCss(`.${cls}`, decls)] : []),
    ...(sheet.pseudo.get(cls) ?? []).map(([p, d]) => declsToCss(`.${cls}${p}`, d)),
  ]);
  const widths = [...new Set([...sheet.below.values()].flatMap((list) => list.map(([w]) => w)))].sort((a, b) => b - a);
  const media = widths.map((w) => {
    const inside = [...sheet.below].flatMap(([cls, list]) =>
      list.filter(([width]) => width === w).map(([, d, p]) => declsToCss(`.${cls}${p ?? ""}`, d)),
    );
    return `@media (width < ${w}px) {\n${inside.join("\n").replace(/^(?=.)/gm, "  ")}}\n`;
  });
  return [rules.join("\n"), ...media].join("\n");
}

describe("Sheet.css", () => {
  const flex: Decl[] = [
    ["display", "flex"],
    ["gap", "8px"],
  ];
  const cases: [string, (s: Sheet) => void][] = [
    ["rules", (s) => s.add("a", flex) && s.add("b", [["color", "red"]])],
    [
      "pseudo-elements and widths, widest first",
      (s) => {
        const a = s.add("a", flex)!;
        s.addPseudo(a, "::after", [["content", '""']]);
        const b = s.reserve("b");
        s.addBelow(b, 390, [["display", "none"]]);
        s.addBelow(a, 768, [["flex-direction", "column"]]);
        s.addBelow(a, 390, [["gap", "4px"]], ":popover-open");
      },
    ],
    ["rules below a width only", (s) => s.addBelow(s.reserve("a"), 768, [["display", "none"]])],
    [
      "line breaks in values below a width",
      (s) => {
        const a = s.add("a", [["content", '"a\nb"']])!;
        s.addBelow(a, 768, [["content", '"a\nb\r\nc\u2028d"']]);
        s.addBelow(a, 390, [["gap", "0"]]);
      },
    ],
    ["nothing", (s) => s.reserve("a")],
  ];
  it.each(cases)("prints as rule by rule: %s", (_, fill) => {
    const sheet = new Sheet();
    fill(sheet);
    expect(sheet.css()).toBe(byRules(sheet));
  });
});
