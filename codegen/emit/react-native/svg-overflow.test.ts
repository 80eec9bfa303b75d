/**
 * A drawn vector's stroke past its box in React Native: React's `<svg overflow="visible">` draws the outer half of a
 * stroke on the box's edge (the iOS settings rows' chevron, a rotated square of 2.5-px stroke); react-native-svg's
 * document clipped it to its viewport until the `overflow` attribute went along with `viewBox` and `fill`.
 */
import { describe, expect, it } from "vitest";
import { generateCode, loadDesign } from "../../index.js";
import { readFixture } from "../../../test/helpers/fixtures.js";

describe("React Native: a vector's stroke past its box", () => {
  it("keeps the svg's overflow=visible in the SvgXml document, as React's svg has it", async () => {
    const doc = loadDesign(readFixture("../composed/ios-settings.nodes.json"), ["9:200"]).document;
    const code = async (target: "react" | "react-native") =>
      (await generateCode(doc, { target, styling: "css-modules", nodeIds: true })).files
        .filter((f) => f.path.startsWith("src/screens/"))
        .map((f) => f.content)
        .join("\n");
    expect(await code("react")).toMatch(/<svg[^>]*data-node-id="9:243"[^>]*overflow="visible"/s);
    const chevron = /const VECTOR_XML =\s*'(<svg[^>]*>)<rect/.exec(await code("react-native"))?.[1];
    expect(chevron).toContain('overflow="visible"');
  });
});
