/**
 * The React Native emitter (emit.ts) on fixture and real frames: the responsive plan React's CSS has (fluid
 * lengths, narrower screens' rules) follows the window, a box carries its layers' z-index among its siblings, and
 * gradients are drawn by react-native-svg.
 */
import { describe, expect, it } from "vitest";
import { generateCode, loadDesign } from "../../index.js";
import { readFixture } from "../../../test/helpers/fixtures.js";

async function screen(file: string, frame: string, path = "src/screens/"): Promise<string> {
  const doc = loadDesign(readFixture(file), [frame]).document;
  const { files } = await generateCode(doc, { target: "react-native", styling: "css-modules", nodeIds: true });
  return files.find((f) => f.path.startsWith(path))!.content;
}

describe("emitReactNative", () => {
  it("applies the narrower screens' rules behind the window's width, and fluid paddings", async () => {
    const code = await screen("figmagic-design-system.file.json", "2605:28");
    expect(code).toContain("const { width: vw, height: vh } = useWindowDimensions();");
    expect(code).toContain("style={[styles.fontFamilies, fluid.fontFamilies, vw < 593 && fluid.fontFamiliesBelow593]}");
    expect(code).toMatch(/fontFamiliesBelow593: \{\s+flexWrap: "wrap",/);
    expect(code).toContain("paddingRight: Math.min(Math.max(16, 101 - shrink * 0.716), 101),");
    expect(code).toContain("const shrink = Math.max(0, 593 - vw);");
  });

  it("sizes a heading's clamp() of vw by the window, its line height with it", async () => {
    const code = await screen("vincegx-hero-header.nodes.json", "122:21049");
    expect(code).toMatch(/title: \{\s+fontSize: Math.min\(Math.max\(38, \(4.45 \* vw\) \/ 100\), 64\),\s+lineHeight: /);
  });

  it("gives a box without a z-index the highest of its layers' (an instance's too)", async () => {
    const code = await screen("figmagic-design-system.file.json", "3022:701");
    expect(code).toMatch(/ {2}layers: \{[^}]*zIndex: 11,/);
  });

  it("draws a gradient background with react-native-svg, not a style react-native-web leaves out", async () => {
    const code = await screen("../real/attic-landing.file.json", "1:2");
    expect(code).toContain("<View style={styles.rectGradient}>");
    expect(code).toContain('<SvgXml xml={RECT_GRADIENT_XML} width="100%" height="100%" />');
    expect(code).toMatch(/<linearGradient id="Desktop1-rect-0" x1="0.5" y1="0" x2="0.5" y2="1">/);
    expect(code).not.toMatch(/ {2}rect: \{[^}]*experimental_backgroundImage/);
  });

  it("writes paragraphs with spacing as a View of Texts, each with its spacing below", async () => {
    const code = await screen("../real/fitma-shop.file.json", "0:638");
    expect(code).toMatch(
      /<View style=\{styles.allShortSleeve\} testID="0:625">\s+<Text style=\{\[styles.allShortSleeveText, /,
    );
    expect(code).toMatch(/allShortSleeveParagraph: \{\s+marginBottom: 16,\s+\}/);
    expect(code).toMatch(/allShortSleeveText: \{\s+fontFamily: "Gothic A1",/);
  });

  it("draws a label that holds boxes as a View, and min(100%, 176px) as the width capped at 100%", async () => {
    const toggle = await screen("../real/fitma-shop.file.json", "0:219", "src/components/Input.tsx");
    expect(toggle).toContain("<View style={[styles.inputToggleDetailedActive, style]} testID={testID}>");
    const code = await screen("../real/fitma-shop.file.json", "0:219");
    expect(code).toMatch(/inputToggleDetailedActive2Below948: \{[^}]*width: 176,\s+maxWidth: "100%",/);
  });

  it("lets a text that never wraps widen past its drawn width instead of breaking a word", async () => {
    const code = await screen("../real/fitma-shop.file.json", "0:809", "src/components/Header.tsx");
    expect(code).toMatch(/fitma: \{[^}]*minWidth: 73,/);
    expect(code).not.toMatch(/fitma: \{[^}]*\bwidth: 73,/);
  });

  it("wraps a narrow screen's grid of auto-filled columns: a row whose items grow from the column width", async () => {
    const code = await screen("../real/fitma-shop.file.json", "0:165");
    expect(code).toMatch(/productSeriesScrollingNoPaddingBelow1516: \{\s+flexDirection: "row",\s+flexWrap: "wrap",/);
    expect(code).toMatch(/cardProductThumbnailBelow1516: \{[^}]*flexGrow: 1,\s+flexShrink: 1,\s+flexBasis: 151,/);
  });

  it("draws an image over a solid layer as the image in a box of that color", async () => {
    const code = await screen("../real/fitma-shop.file.json", "0:12");
    expect(code).toMatch(
      /<View style=\{styles.rect3\} testID="0:75">\s+<View style=\{styles.rect3Fill\}>\s+<Image\d* /,
    );
    expect(code).toMatch(/ {2}rect3: \{[^}]*backgroundColor: "#c4c4c4",/);
    expect(code).not.toMatch(/ {2}rect3: \{[^}]*experimental_backgroundImage/);
  });
});
