import { describe, expect, it } from "vitest";
import { formatFiles } from "../format/index";
import { withAssetFiles } from "./asset-files";
import { checkProject } from "./index";

const BYTES = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 1, 2, 255]);

describe("binary files through the project pass and prettier", () => {
  it(
    'keep their exact bytes (content ""), are never ' + "parsed or formatted, and let imports of them resolve",
    async () => {
      const files = [
        {
          path: "src/App.tsx",
          content:
            'import heroSrc from "./assets/hero.png";\n' +
            'export default function App() { return <img src={heroSrc} alt="" />; }\n',
        },
        { path: "src/assets/hero.png", content: "", bytes: BYTES },
        { path: "src/global.d.ts", content: 'declare module "*.png" { const src: string; export default src; }\n' },
      ];
      const checked = checkProject(files);
      expect(checked.problems).toEqual([]);
      const formatted = await formatFiles(checked.files, "model");
      expect(formatted.problems).toEqual([]);
      const hero = formatted.files.find((f) => f.path === "src/assets/hero.png")!;
      expect(hero).toEqual({ path: "src/assets/hero.png", content: "", bytes: BYTES });
      expect(hero.bytes).toBe(BYTES);
    },
  );

  it("without the asset the same import is unresolved (the check can fail)", () => {
    const checked = checkProject([
      {
        path: "src/App.tsx",
        content:
          'import heroSrc from "./assets/hero.png";\n' +
          'export default function App() { return <img src={heroSrc} alt="" />; }\n',
      },
    ]);
    expect(checked.problems.map((p) => p.code)).toContain("unresolved-import");
  });

  it("a text file with empty content is still dropped; bytes that are not a Uint8Array are not binary", () => {
    const checked = checkProject([
      { path: "a.css", content: "" },
      { path: "b.png", content: "", bytes: [1, 2, 3] } as unknown as { path: string; content: string },
    ]);
    expect(checked.files).toEqual([]);
    expect(checked.problems.map((p) => p.code)).toEqual(["empty-file", "empty-file"]);
  });
});

describe("withAssetFiles", () => {
  const assets = [
    { path: "src/assets/hero.jpg", content: "", bytes: BYTES },
    { path: "src/assets/icon.svg", content: "<svg/>\n" },
    { path: "src/assets/unused.png", content: "", bytes: BYTES },
  ];

  it("adds the assets the model's files name and ignores, with a warning, a model file at an asset path", () => {
    const model = [
      {
        path: "src/App.tsx",
        content: 'import hero from "./assets/hero.jpg";\nimport icon from "./assets/icon.svg";\n',
      },
      { path: "./src/assets/hero.jpg", content: "iVBORw0KGgo=" },
    ];
    const joined = withAssetFiles(model, assets);
    expect(joined.files.map((f) => f.path)).toEqual(["src/App.tsx", "src/assets/hero.jpg", "src/assets/icon.svg"]);
    expect(joined.files[1]!.bytes).toBe(BYTES);
    expect(joined.problems).toEqual([
      expect.objectContaining({ severity: "warning", code: "asset-path", file: "src/assets/hero.jpg" }),
    ]);
  });

  it("leaves an empty answer empty, and model paths that are unsafe to the project pass", () => {
    expect(withAssetFiles([], assets).files).toEqual([]);
    const unsafe = [{ path: "../src/assets/hero.jpg", content: "url(hero.jpg)" }];
    const joined = withAssetFiles(unsafe, assets);
    expect(joined.files.map((f) => f.path)).toEqual(["../src/assets/hero.jpg", "src/assets/hero.jpg"]);
    expect(checkProject(joined.files).problems.map((p) => p.code)).toEqual(["unsafe-path"]);
  });
});
