/**
 * The plugin's zip project: the starter around the files and the record (`by: "plugin"`) that readRecordFiles reads
 * back; an earlier generation rebuilt from what History kept (text files, binaries by size) is the zip it was, but for
 * the binaries' bytes.
 */
import { describe, expect, it } from "vitest";
import type { DesignFacts } from "../design/design-diff.js";
import type { SourceFile } from "../types.js";
import { keptGeneration, recordedProject, type PluginGeneration } from "./recorded-project.js";
import { readRecordFiles } from "./record.js";

const DESIGN: DesignFacts = {
  format: 1,
  frames: ["1:2"],
  layers: [{ id: "1:2", name: "Home", type: "FRAME", x: 0, y: 0, w: 390, h: 800 }],
  components: {},
};

const MADE: PluginGeneration = {
  figment: "0.1.0",
  createdAt: "2026-11-28T14:02:00.000Z",
  frames: [{ id: "1:2", name: "Home" }],
  target: "react",
  styling: "css-modules",
  nodeIds: false,
  design: DESIGN,
};

const FILES: SourceFile[] = [
  {
    path: "src/screens/Home.tsx",
    content: 'import hero from "../assets/hero.png";\nexport const Home = () => hero;\n',
  },
  { path: "src/assets/hero.png", content: "", bytes: new Uint8Array([137, 80, 78, 71]) },
  { path: "src/screens/Home.module.css", content: ".home { display: flex; }\n" },
];

describe("recordedProject", () => {
  it("puts the starter around the files and records them all, by the plugin", () => {
    const project = recordedProject(FILES, MADE);
    const paths = project.map((f) => f.path);
    expect(paths).toEqual(expect.arrayContaining(["package.json", "src/main.tsx", "src/screens/Home.tsx"]));
    expect(paths.indexOf("src/assets/hero.png")).toBeLessThan(paths.indexOf(".figment/README.md"));
    const { record, design, base } = readRecordFiles(new Map(project.map((f) => [f.path, f])));
    expect(record).toMatchObject({
      figment: "0.1.0",
      createdAt: MADE.createdAt,
      by: "plugin",
      source: { nodes: ["1:2"], frames: [{ id: "1:2", name: "Home" }] },
      options: { target: "react", styling: "css-modules", nodeIds: false, project: "vite" },
    });
    expect(record.files.find((f) => f.path === "src/assets/hero.png")).toEqual({
      path: "src/assets/hero.png",
      bytes: 4,
      binary: true,
    });
    expect(design).toEqual(DESIGN);
    // The base holds every file of the project as written (the starter's too), not the record itself.
    expect([...base.keys()].sort()).toEqual(paths.filter((p) => !p.startsWith(".figment/")).sort());
    expect(
      recordedProject(FILES, { ...MADE, target: "react-native" }).find((f) => f.path === ".figment/record.json")!
        .content,
    ).toContain('"project": "expo"');
  });

  it("rebuilds an earlier generation from History's text files and asset sizes", () => {
    const zip = recordedProject(FILES, MADE);
    const kept = FILES.filter((f) => !f.bytes);
    const assets = [{ path: "src/assets/hero.png", bytes: 4 }];
    // The new generation holds the same image: it is taken as the same file.
    const again = recordedProject(keptGeneration(kept, assets, FILES), MADE);
    expect(again).toEqual(zip);
    // Without it, the image stands as zeros of its size: every text file, record.json included, is as it was.
    const blind = recordedProject(keptGeneration(kept, assets, []), MADE);
    const text = (files: SourceFile[]) => files.filter((f) => !f.bytes).map(({ path, content }) => ({ path, content }));
    expect(text(blind)).toEqual(text(zip));
    expect(blind.find((f) => f.path === "src/assets/hero.png")!.bytes).toEqual(new Uint8Array(4));
  });
});
