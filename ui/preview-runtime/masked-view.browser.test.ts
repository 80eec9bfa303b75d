/**
 * The React Native preview's MaskedView (masked-view.ts) masks as the native view does: its children show through the
 * alpha of its mask element and nowhere else; a box of colour lets through its box, a picture covering part of the
 * view lets through where it is opaque inside its Image's box only (not where it runs past it), and the mask element
 * itself is not seen.
 */
import { describe, expect, it } from "vitest";
import { withPage } from "../../cli/measure/browser.js";
import { resultPage } from "../../cli/measure/result-page.js";
import { runBrowser, useBrowser } from "../../test/helpers/browser.js";
import { screenshotColours, type Rgb } from "../../test/helpers/screenshot-colours.js";
import { pngFromRows } from "../../test/openai-server/png.js";

const GREEN: Rgb = [0, 170, 0];
const WHITE: Rgb = [255, 255, 255];

/** 20×10, opaque black in its left half, transparent in its right half. */
function halfPng(): Uint8Array {
  const raw = new Uint8Array((1 + 20 * 4) * 10);
  for (let y = 0; y < 10; y++) for (let x = 0; x < 20; x++) raw.set([0, 0, 0, x < 10 ? 255 : 0], y * 81 + 1 + x * 4);
  return new Uint8Array(pngFromRows(20, 10, 4, raw));
}

// Two green 100×100 boxes: the first masked by a black box over its left 40 px; the second by the picture covering
// a 60×60 box at (20, 20): scaled to 120×60, it runs from x −10 to 110, its opaque half to 50, of which 20…50 is
// inside the Image's box.
const SCREEN = `import MaskedView from "@react-native-masked-view/masked-view";
import { Image, View } from "react-native";

const green = { position: "absolute", left: 0, top: 0, width: 100, height: 100, backgroundColor: "#00aa00" } as const;
const black = { position: "absolute", left: 0, top: 0, width: 40, height: 100, backgroundColor: "#000" } as const;

export default function Masks() {
  return (
    <View testID="root" style={{ width: 300, height: 120, backgroundColor: "#ffffff" }}>
      <MaskedView
        style={{ position: "absolute", left: 0, top: 0, width: 100, height: 100 }}
        maskElement={<View style={black} />}
      >
        <View style={green} />
      </MaskedView>
      <MaskedView
        style={{ position: "absolute", left: 150, top: 0, width: 100, height: 100 }}
        maskElement={
          <Image
            source={require("../assets/half.png")}
            resizeMode="cover"
            style={{ position: "absolute", left: 20, top: 20, width: 60, height: 60 }}
          />
        }
      >
        <View style={green} />
      </MaskedView>
    </View>
  );
}
`;

const near = (actual: Rgb, expected: Rgb): boolean => actual.every((v, i) => Math.abs(v - expected[i]!) <= 40);

describe.runIf(runBrowser)("the React Native preview's MaskedView", () => {
  const browser = useBrowser();
  it("shows its children through its mask element's alpha, and the mask element not at all", async () => {
    const files = [
      { path: "src/screens/Masks.tsx", content: SCREEN },
      { path: "src/assets/half.png", content: "", bytes: halfPng() },
    ];
    const page = await resultPage(files, "react-native");
    const got = await withPage(browser, page.files, page.entry, { width: 300, height: 120 }, async (p) => {
      await p.waitForSelector('[data-testid="root"]');
      // Masked once the picture is read (its mask layer names it).
      await p.waitForFunction(`[...document.querySelectorAll("*")].some((e) => e.style.maskImage.includes("url("))`);
      const shot = await p.screenshot({ clip: { x: 0, y: 0, width: 300, height: 120 } });
      const reader = await p.context().newPage();
      try {
        const points: [number, number][] = [
          [20, 50],
          [70, 50],
          [150 + 35, 50],
          [150 + 65, 50],
          [150 + 35, 10],
          [150 + 10, 50],
        ];
        return await screenshotColours(reader, shot, points);
      } finally {
        await reader.close();
      }
    });
    expect(near(got[0]!, GREEN), `under the box ${got[0]}`).toBe(true);
    expect(near(got[1]!, WHITE), `beside the box ${got[1]}`).toBe(true);
    expect(near(got[2]!, GREEN), `the picture's opaque half ${got[2]}`).toBe(true);
    expect(near(got[3]!, WHITE), `the picture's transparent half ${got[3]}`).toBe(true);
    // The picture runs past its Image's box: cut there, above it and to its left.
    expect(near(got[4]!, WHITE), `above the Image's box ${got[4]}`).toBe(true);
    expect(near(got[5]!, WHITE), `left of the Image's box ${got[5]}`).toBe(true);
  });
});
