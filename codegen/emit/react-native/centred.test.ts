/**
 * A centred box's margin (style.ts's `top: "50%"`, `marginTop: -170`) undone by a narrower screen's rule that
 * places the box again (centred.ts), as CSS's `top: auto` drops the whole `calc(50% - 170px)`.
 */
import { describe, expect, it } from "vitest";
import { generateCode, loadDesign } from "../../index.js";
import { readFixture } from "../../../test/helpers/fixtures.js";
import { centringUndone } from "./centred.js";
import type { Decl } from "../css.js";
import { rnStyle } from "./style.js";

describe("React Native: a centred box placed again below a width", () => {
  it("sets the centring margin back to 0 when the rule places the inset and not the margin", () => {
    const own: Decl[] = [
      ["position", "absolute"],
      ["top", "calc(50% - 170px)"],
      ["left", "96px"],
    ];
    expect(rnStyle(own).entries).toContainEqual(["marginTop", "-170"]);
    expect(centringUndone(own, [["top", '"auto"']])).toEqual([["marginTop", "0"]]);
    // The rule's own margin, or no new inset: nothing to undo; a px inset carries no centring margin.
    expect(
      centringUndone(own, [
        ["top", '"auto"'],
        ["marginVertical", "8"],
      ]),
    ).toEqual([]);
    expect(centringUndone(own, [["width", "201"]])).toEqual([]);
    expect(centringUndone(own, [["left", '"auto"']])).toEqual([]);
    // A margin the class's CSS says itself stays.
    expect(centringUndone([...own, ["margin-top", "-20px"]], [["top", '"auto"']])).toEqual([]);
    // A shorthand does not: React Native's marginTop wins over it, so the centring margin was in effect.
    expect(centringUndone([...own, ["margin", "0"]], [["top", '"auto"']])).toEqual([["marginTop", "0"]]);
    expect(centringUndone([...own, ["margin", "4px 8px"]], [["top", '"auto"']])).toEqual([["marginTop", "4"]]);
  });

  it("keeps fitma's product cards in their stack, not 170 px up over the picture before them", async () => {
    const doc = loadDesign(readFixture("../real/fitma-shop.file.json"), ["0:268"]).document;
    const { files } = await generateCode(doc, { target: "react-native", styling: "css-modules", nodeIds: true });
    const code = files.find((f) => f.path === "src/components/ProductSeries.tsx")!.content;
    expect(code).toMatch(/ {2}cardProductThumbnail: \{[^}]*top: "50%",\s+marginTop: -170,/);
    expect(code).toMatch(/ {4}cardProductThumbnailBelow1440: \{[^}]*top: "auto",[^}]*marginTop: 0,/);
  });

  it("undoes fitma's footer texts' centring margin though their CSS resets their margin (margin: 0)", async () => {
    const doc = loadDesign(readFixture("../real/fitma-shop.file.json"), ["0:746"]).document;
    const { files } = await generateCode(doc, { target: "react-native", styling: "css-modules", nodeIds: true });
    const code = files.find((f) => f.path === "src/screens/MobileOnlyMolecules.tsx")!.content;
    expect(code).toMatch(/ {2}text2049Fitma: \{[^}]*left: "50%",\s+marginLeft: -167.5,/);
    expect(code).toMatch(/ {4}text2049FitmaBelow1377: \{[^}]*left: "auto",[^}]*marginLeft: 0,/);
  });
});
