/**
 * The React Native output type-checks: fixture and real frames' files under `tsc --noEmit --strict` against
 * react-native's own types (its package ships them) and react-native-svg's. expo-router, which links between
 * screens import, is not installed here: its `Link` is declared as its types declare it (href, asChild, children).
 */
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { generateCode, loadDesign } from "../../index.js";
import { REPO_ROOT } from "../../../test/helpers/fixtures.js";
import { drawnPage, FLORA_ORDER_MODAL } from "../../../test/helpers/drawn-pages.js";

const DESIGNS = [
  "figma/figma-differ-selfie.nodes.json",
  "figma/vincegx-vaya-home.nodes.json",
  "figma/figmasharp-login.file.json",
  "real/tnt-website.file.json",
  "real/psykolog-jenny.file.json",
  "real/fitma-shop.file.json",
];

const DRAWN = "flora order modal";

/**
 * TypeScript 7's native tsc (the devDependency `typescript-native`, as `npm run typecheck` runs it), one thread: the
 * test run's two workers share the cores. The file took 28.4 CPU-s with TypeScript 5's, 17.1 with it.
 */
const TSC = join(dirname(createRequire(import.meta.url).resolve("typescript-native/package.json")), "bin", "tsc");

const TSCONFIG = {
  compilerOptions: {
    strict: true,
    noEmit: true,
    jsx: "react-jsx",
    module: "esnext",
    moduleResolution: "bundler",
    target: "es2022",
    lib: ["es2022"],
    types: ["react-native"],
    skipLibCheck: true,
  },
  include: ["**/*.ts", "**/*.tsx"],
};

const EXPO_ROUTER = `declare module "expo-router" {
  import type { ReactNode } from "react";
  export function Link(props: { href: string; asChild?: boolean; children?: ReactNode }): ReactNode;
}
`;

/** Nor is @react-native-masked-view/masked-view (a mask's picture): its MaskedView as its types declare it. */
const MASKED_VIEW = `declare module "@react-native-masked-view/masked-view" {
  import type { Component, ReactElement } from "react";
  import type { ViewProps } from "react-native";
  export default class MaskedView extends Component<ViewProps & { maskElement: ReactElement }> {}
}
`;

/** The image-filled mask (issue 72), with its pictures: its masks are MaskedViews. */
const IMAGE_MASK = "image-mask/psykolog-jenny-brush.nodes.json";

function imageMaskPictures(): Record<string, Uint8Array> {
  const dir = join(REPO_ROOT, "test/fixtures/image-mask/images");
  return Object.fromEntries(
    readdirSync(dir).map((n) => [n.replace(/\.png$/, ""), new Uint8Array(readFileSync(join(dir, n)))]),
  );
}

describe("React Native output", () => {
  it("type-checks with tsc --strict against react-native's types: 0 errors", { timeout: 240_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), "figment-rn-tsc-"));
    try {
      symlinkSync(join(REPO_ROOT, "node_modules"), join(dir, "node_modules"), "dir");
      writeFileSync(join(dir, "tsconfig.json"), JSON.stringify(TSCONFIG));
      writeFileSync(join(dir, "expo-router.d.ts"), EXPO_ROUTER);
      writeFileSync(join(dir, "masked-view.d.ts"), MASKED_VIEW);
      let tsx = 0;
      let masked = 0;
      // One page from its drawings at three widths (issue 70) too.
      for (const design of [...DESIGNS, DRAWN, IMAGE_MASK]) {
        const json = (): unknown => JSON.parse(readFileSync(join(REPO_ROOT, "test/fixtures", design), "utf8"));
        const document =
          design === DRAWN
            ? drawnPage("flora", FLORA_ORDER_MODAL)
            : design === IMAGE_MASK
              ? loadDesign(json(), [], { images: imageMaskPictures() }).document
              : loadDesign(json()).document;
        const out = await generateCode(document, {
          target: "react-native",
          styling: "css-modules",
          nodeIds: true,
        });
        const root = join(dir, design.replace(/[^\w]+/g, "-"));
        for (const file of out.files) {
          if (file.bytes) continue;
          mkdirSync(dirname(join(root, file.path)), { recursive: true });
          writeFileSync(join(root, file.path), file.content);
          if (file.path.endsWith(".tsx")) tsx++;
          if (file.content.includes("<MaskedView")) masked++;
          // React Native's components only: no DOM element in the output.
          if (file.path.endsWith(".tsx")) expect(file.content).not.toMatch(/^\s*<(div|span|p|img|button|a|svg|h\d)\b/m);
        }
      }
      expect(tsx).toBeGreaterThan(20);
      expect(masked, "a MaskedView is type-checked").toBeGreaterThan(0);
      let output = "";
      try {
        execFileSync(process.execPath, [TSC, "-p", dir, "--singleThreaded"], {
          encoding: "utf8",
        });
      } catch (error) {
        output = String((error as { stdout?: string }).stdout ?? error);
      }
      expect(output).toBe("");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
