/**
 * The React Native preview's fonts (react-native-fonts.ts): each style's family is React's font stack for it, beside
 * the metric-matched fallback faces React's src/fonts.css defines, so texts break where React's do.
 */
import { describe, expect, it } from "vitest";
import { generateCode, loadDesign } from "../index.js";
import { fontPlan } from "../fonts/plan.js";
import { fontStack } from "../fonts/stack.js";
import { readFixture } from "../../test/helpers/fixtures.js";
import { previewFontFaces, styleFamilies, withFontStacks } from "./react-native-fonts.js";
import { reactNativePreview } from "./react-native-preview.js";

const file = (content: string) => ({ path: "src/screens/A.tsx", content });

describe("the React Native preview's fonts", () => {
  it("writes each style's family as React's stack: a served family, a system one; an unknown one as it is", () => {
    const [out] = withFontStacks([
      file('a: { fontFamily: "Gothic A1" },\nb: { fontFamily: "Helvetica Neue" },\nc: { fontFamily: "Pretendard" },'),
    ]);
    expect(out!.content).toContain(`fontFamily: ${JSON.stringify(fontStack("Gothic A1"))}`);
    expect(fontStack("Gothic A1")).toContain('"Gothic A1 Fallback"');
    expect(out!.content).toContain(`fontFamily: ${JSON.stringify(fontStack("Helvetica Neue"))}`);
    expect(out!.content).toContain('c: { fontFamily: "Pretendard" }');
  });

  it("defines the fallback faces React's fonts.css does, on a real frame", async () => {
    const doc = loadDesign(readFixture("../real/fitma-shop.file.json"), ["0:127"]).document;
    const native = await generateCode(doc, { target: "react-native", styling: "css-modules", nodeIds: true });
    const react = await generateCode(doc, { target: "react", styling: "css-modules", nodeIds: true });
    const reactCss = react.files.find((f) => f.path === "src/fonts.css")!.content;
    const families = styleFamilies(native.files);
    expect(families).toEqual(["Gothic A1"]);
    // The same blocks: the family's regular face and its bold one (the Cards use Gothic A1 up to 900).
    expect(previewFontFaces(families)).toBe(reactCss);
    expect(previewFontFaces(["Helvetica Neue", "Pretendard"])).toBe("");
  });

  it("brings the faces and the stacks into the preview document", async () => {
    const doc = loadDesign(readFixture("../real/fitma-shop.file.json"), ["0:638"]).document;
    const native = await generateCode(doc, { target: "react-native", styling: "css-modules", nodeIds: true });
    const { html } = reactNativePreview(native.files, "", "");
    expect(html).toContain("require('./figment-preview-fonts.css')");
    expect(html).toContain("size-adjust: 101.86%;");
    expect(html).toMatch(
      /fontFamily: [\\"]+Gothic A1[\\"]+, [\\"]+Gothic A1 Fallback[\\"]+, Helvetica, Arial, sans-serif/,
    );
  });

  it("gives a family no catalog knows React's stand-in measured from the design (tixup's Pretendard)", async () => {
    const doc = loadDesign(readFixture("../real/tixup-marker.nodes.json"), ["37552:6706"]).document;
    const native = await generateCode(doc, { target: "react-native", styling: "css-modules", nodeIds: true });
    const react = await generateCode(doc, { target: "react", styling: "css-modules", nodeIds: true });
    const reactCss = react.files.find((f) => f.path === "src/fonts.css")!.content;
    const measured = fontPlan(doc.frames).fallbacks;
    expect(styleFamilies(native.files)).toEqual(["Pretendard"]);
    // React's src/fonts.css: the measured faces, then the note on where Pretendard's own files go.
    expect(reactCss.startsWith(previewFontFaces(["Pretendard"], measured).trimEnd())).toBe(true);
    const { html } = reactNativePreview(native.files, "", "", measured);
    expect(html).toContain("size-adjust: 102.44%;");
    expect(html).toMatch(/fontFamily: [\\"]+Pretendard, [\\"]+Pretendard Fallback[\\"]+, Helvetica, Arial/);
  });
});
