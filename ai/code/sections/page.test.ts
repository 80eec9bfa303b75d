import { describe, expect, it } from "vitest";
import { withoutFrameId } from "./assemble.js";
import { pageFiles } from "./page.js";
import { sectionFiles } from "./targets.js";

const SECTIONS = ["NavbarSection", "ProductSection2", "ContactSection"];
const FRAME = { w: 1440, name: "Home", id: "8203:59903" };
const text = (files: { path: string; content: string }[], path: string): string =>
  files.find((f) => f.path === path)!.content;

describe("the page of a split frame", () => {
  it("Angular: a routed screen importing each section's component, their selectors in drawn order", () => {
    const files = pageFiles(SECTIONS, FRAME, "angular", "css-modules");
    expect(files.map((f) => f.path)).toEqual([
      "src/app/app.routes.ts",
      "src/app/screens/page.ts",
      "src/app/screens/page.html",
      "src/app/screens/page.css",
    ]);
    expect(text(files, "src/app/app.routes.ts")).toContain('{ path: "", component: Page }');
    const script = text(files, "src/app/screens/page.ts");
    expect(script).toContain('import { ProductSection2 } from "../sections/product-section2";');
    expect(script).toContain("imports: [NavbarSection, ProductSection2, ContactSection],");
    expect(sectionFiles("ProductSection2", "angular").main).toBe("src/app/sections/product-section2.ts");
    const template = text(files, "src/app/screens/page.html");
    expect(template.startsWith('<main class="page" data-node-id="8203:59903">')).toBe(true);
    const at = ["app-navbar-section", "app-product-section2", "app-contact-section"].map((s) =>
      template.indexOf(`<${s} />`),
    );
    expect(at.every((k) => k > 0) && at[0]! < at[1]! && at[1]! < at[2]!).toBe(true);
    // Tailwind: the root's classes, no stylesheet.
    const tailwind = pageFiles(SECTIONS, FRAME, "angular", "tailwind");
    expect(tailwind.map((f) => f.path)).not.toContain("src/app/screens/page.css");
    expect(text(tailwind, "src/app/screens/page.ts")).not.toContain("styleUrl");
  });

  it("React Native: the screen src/index.ts exports, a View with the frame id rendering the sections in order", () => {
    const files = pageFiles(SECTIONS, FRAME, "react-native", "css-modules");
    expect(text(files, "src/index.ts")).toBe('export { default as Page } from "./screens/Page";\n');
    const screen = text(files, "src/screens/Page.tsx");
    expect(screen).toContain('import { NavbarSection } from "../sections/NavbarSection";');
    expect(screen).toContain('<View style={styles.page} testID="8203:59903">');
    expect(screen).toContain("maxWidth: 1440,");
    const at = SECTIONS.map((c) => screen.indexOf(`<${c} />`));
    expect(at.every((k) => k > 0) && at[0]! < at[1]! && at[1]! < at[2]!).toBe(true);
  });

  it("takes the frame's id off a section's Angular template and React Native root: the page carries it", () => {
    const files = withoutFrameId(
      [
        { path: "src/app/sections/a.html", content: '<section class="a" data-node-id="8203:59903"></section>\n' },
        { path: "src/sections/B.tsx", content: '<View style={styles.b} testID="8203:59903" />\n' },
        { path: "src/sections/C.tsx", content: '<View testID="1:2" />\n' },
      ],
      FRAME.id,
    );
    expect(files.map((f) => f.content)).toEqual([
      '<section class="a"></section>\n',
      "<View style={styles.b} />\n",
      '<View testID="1:2" />\n',
    ]);
  });
});
