/**
 * Google Fonts answered from the @fontsource devDependencies (test/helpers/google-fonts.ts): the stylesheet
 * URLs pages ask for (css2 and the older css API) name the faces served, a font file comes from the package,
 * and a design's families give the link that renders it as on a machine with its fonts installed.
 */
import { describe, expect, it } from "vitest";
import {
  designFontsPage,
  familiesIn,
  googleFontsCss,
  installedFontsHref,
  localFamilies,
  requestedFaces,
  serveGoogleFonts,
} from "./helpers/google-fonts.js";

describe("Google Fonts from local files", () => {
  it("knows the installed families and their latin faces", () => {
    const poppins = localFamilies().get("poppins");
    expect(poppins?.family).toBe("Poppins");
    expect(poppins?.faces).toContainEqual({ weight: 700, italic: true, file: "poppins-latin-700-italic.woff2" });
  });

  it("reads css2 and css requests: families, weights, styles, ranges", () => {
    expect(
      requestedFaces(
        new URL("https://fonts.googleapis.com/css2?family=Inter+Tight:ital,wght@0,400;1,700&family=Lato&display=swap"),
      ),
    ).toEqual([
      {
        family: "Inter Tight",
        faces: [
          { weight: 400, italic: false },
          { weight: 700, italic: true },
        ],
      },
      { family: "Lato", faces: [{ weight: 400, italic: false }] },
    ]);
    expect(requestedFaces(new URL("https://fonts.googleapis.com/css2?family=Inter:wght@300..500"))[0]!.faces).toEqual(
      [300, 400, 500].map((weight) => ({ weight, italic: false })),
    );
    expect(
      requestedFaces(new URL("https://fonts.googleapis.com/css?family=Montserrat:400,700i|Roboto+Slab:100")),
    ).toEqual([
      {
        family: "Montserrat",
        faces: [
          { weight: 400, italic: false },
          { weight: 700, italic: true },
        ],
      },
      { family: "Roboto Slab", faces: [{ weight: 100, italic: false }] },
    ]);
  });

  it(
    "answers a stylesheet with the faces asked for, and their " +
      "files from the package; other origins are not its business",
    () => {
      const css = googleFontsCss(
        new URL("https://fonts.googleapis.com/css2?family=Poppins:wght@400;700&family=Unknown+Sans"),
      );
      expect(css.match(/@font-face/g)).toHaveLength(2);
      expect(css).toContain("font-family: 'Poppins';");
      const src = /url\(([^)]+)\)/.exec(css)![1]!;
      const file = serveGoogleFonts(new URL(src));
      expect(file?.contentType).toBe("font/woff2");
      expect((file!.body as Buffer).subarray(0, 4).toString("latin1")).toBe("wOF2");
      expect(serveGoogleFonts(new URL("https://fonts.gstatic.com/s/poppins/not-a-file.woff2"))).toBeUndefined();
      expect(serveGoogleFonts(new URL("https://example.com/css2?family=Poppins"))).toBeUndefined();
    },
  );

  it("a design's families give one stylesheet with every installed face; families not served are left out", () => {
    const json = {
      document: {
        style: { fontFamily: "Poppins" },
        children: [{ styleOverrideTable: { "1": { fontFamily: "Lato" } } }, { style: { fontFamily: "SF Pro Text" } }],
      },
    };
    expect([...familiesIn(json)].sort()).toEqual(["Lato", "Poppins", "SF Pro Text"]);
    const href = installedFontsHref(familiesIn(json))!;
    expect(href).toMatch(/^https:\/\/fonts\.googleapis\.com\/css2\?family=Poppins:ital,wght@/);
    expect(href).toContain("family=Lato:");
    expect(href).not.toContain("SF");
    expect(designFontsPage(json).stylesheets).toEqual([href]);
    expect(designFontsPage({ style: { fontFamily: "SF Pro Text" } }).stylesheets).toEqual([]);
  });
});
