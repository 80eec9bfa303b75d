/**
 * Dev Mode codegen against the simulated figma global: code for every top-level node of every real Figma
 * file, in React and HTML, well inside Figma's 15 s limit; the cache; the notes for hidden, empty and
 * unknown cases.
 */
import { afterEach, describe, expect, it } from "vitest";
import { emitFiles } from "../../codegen/emit/index.js";
import { loadDesign } from "../../codegen/load.js";
import { installFigmaSim, type FigmaSim, type SimCodegenResult } from "../../test/figma-sim/index.js";
import { FIGMA_FIXTURES, simFromFixture } from "../../test/figma-sim/node.js";
import { createFigmaSim, type FigmaSimOptions } from "../../test/figma-sim/sim.js";
import type { CodegenStats } from "./devmode.js";
import { languageOf } from "./devmode.js";
import { CODEGEN_CACHE_SIZE } from "../limits.js";
import { start } from "../start.js";
import { isFigmentError } from "../../kernel/errors.js";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fixturesRoot } from "../../test/helpers/responsive-frames.js";

const LANGUAGES = ["react", "html"] as const;
const CODEGEN_LANGUAGES = new Set(["TYPESCRIPT", "JAVASCRIPT", "CSS", "HTML", "JSON", "PLAINTEXT"]);

let restore: (() => void) | undefined;
afterEach(() => {
  restore?.();
  restore = undefined;
});

async function bootDevMode(
  name: string,
  options: Omit<FigmaSimOptions, "file"> = {},
): Promise<{ sim: FigmaSim; stats: CodegenStats }> {
  const sim = simFromFixture(name, { editorType: "dev", command: "", mode: "codegen", ...options });
  restore = installFigmaSim(sim);
  const started = await start();
  if (started.kind !== "codegen") throw new Error("expected Dev Mode codegen");
  return { sim, stats: started.stats };
}

/** What the offline pipeline gives for a node's export: the file paths, or undefined when it is empty/hidden. */
async function expectedPaths(sim: FigmaSim, id: string, target: "react" | "html"): Promise<string[] | undefined> {
  const json = await sim.node(id).exportAsync({ format: "JSON_REST_V1" });
  try {
    return emitFiles(loadDesign(json, [id]).document, { target, styling: "css-modules", nodeIds: false }).files.map(
      (f) => f.path,
    );
  } catch (error) {
    if (isFigmentError(error, "input")) return undefined;
    throw error;
  }
}

describe("Dev Mode codegen", () => {
  it("registers the codegen handlers and shows no UI", async () => {
    const { sim } = await bootDevMode("figmasharp-login.file.json");
    expect(sim.codegen.handlers("generate")).toBe(1);
    expect(sim.codegen.handlers("preferenceschange")).toBe(1);
    expect(sim.record.showUI).toEqual([]);
    await sim.codegen.changePreference("anything");
    expect(sim.codegen.refreshes).toBe(1);
  });

  it("opens the panel instead when Dev Mode runs a menu command (inspect mode)", async () => {
    const sim = simFromFixture("figmasharp-login.file.json", { editorType: "dev", command: "code", mode: "inspect" });
    restore = installFigmaSim(sim);
    expect((await start()).kind).toBe("panel");
    expect(sim.record.showUI).toHaveLength(1);
  });

  describe.each(FIGMA_FIXTURES)("%s", (name) => {
    // How fast (Figma allows 15 s) is measured by `npm run bench`, not asserted here.
    it("returns code for every top-level node, in React and HTML, and caches it", async () => {
      const { sim, stats } = await bootDevMode(name);
      const nodes = sim.topLevel();
      expect(nodes.length).toBeGreaterThan(0);
      let withCode = 0;
      for (const node of nodes) {
        for (const language of LANGUAGES) {
          const results = await sim.codegen.generate(node, language);
          expect(results.length, `${node.id} ${language}`).toBeGreaterThan(0);
          for (const r of results) {
            expect(typeof r.title).toBe("string");
            expect(typeof r.code).toBe("string");
            expect(CODEGEN_LANGUAGES.has(r.language), r.language).toBe(true);
          }
          const paths = await expectedPaths(sim, node.id, language);
          if (paths === undefined) {
            expect(results).toHaveLength(1);
            expect(results[0]).toMatchObject({ title: "Figment", language: "PLAINTEXT" });
            expect(results[0]!.code).toMatch(/^Nothing to convert: .*(empty|hidden)/);
          } else {
            withCode++;
            expect(results.filter((r) => r.title !== "Figment notes").map((r) => r.title)).toEqual(paths);
            const main = results.find((r) =>
              language === "react" ? r.title.endsWith(".tsx") : r.title.endsWith(".html"),
            );
            expect(main, `${node.id} ${language}: ${results.map((r) => r.title).join(", ")}`).toBeDefined();
            expect(main!.language).toBe(language === "react" ? "TYPESCRIPT" : "HTML");
            expect(main!.code.length).toBeGreaterThan(0);
          }
        }
      }
      expect(withCode).toBeGreaterThan(0);

      // Asked again, each node is a cache hit with the same results.
      const hits = stats.hits;
      for (const node of nodes) {
        const first = await sim.codegen.generate(node, "react");
        expect(await sim.codegen.generate(node, "react")).toEqual(first);
      }
      expect(stats.hits).toBeGreaterThanOrEqual(hits + nodes.length);
      // Small files fit the cache whole: the first pass's results are all still there.
      if (nodes.length * LANGUAGES.length <= CODEGEN_CACHE_SIZE) expect(stats.hits).toBe(hits + 2 * nodes.length);
      expect(stats.cached).toBeLessThanOrEqual(CODEGEN_CACHE_SIZE);
    });
  });

  it("hits the cache on a second call and misses after the node changes", async () => {
    const { sim, stats } = await bootDevMode("figmasharp-login.file.json");
    const first = await sim.codegen.generate("101:3", "react");
    expect(stats).toMatchObject({ hits: 0, misses: 1 });
    const second = await sim.codegen.generate("101:3", "react");
    expect(stats).toMatchObject({ hits: 1, misses: 1 });
    expect(second).toEqual(first);
    // Results are copies: changing what Figma got does not change the cache.
    second[0]!.code = "changed";
    expect((await sim.codegen.generate("101:3", "react"))[0]!.code).toBe(first[0]!.code);
    // An edit changes the export, so its hash: a miss.
    sim.node("101:3").rest["name"] = "Sign-In Page";
    await sim.codegen.generate("101:3", "react");
    expect(stats.misses).toBe(2);
    // Language and styling are part of the key.
    await sim.codegen.generate("101:3", "html");
    sim.codegen.preferences = { unit: "PIXEL", customSettings: { styling: "tailwind" } };
    const tailwind = await sim.codegen.generate("101:3", "react");
    expect(stats.misses).toBe(4);
    expect(tailwind.map((r) => r.title)).not.toEqual(first.map((r) => r.title));
  });

  it("says which check the inferred layout had: the layout model's, Dev Mode having no browser", async () => {
    // Psykolog Jenny (test/fixtures/real): a 1440-px page drawn without auto layout.
    const file: unknown = JSON.parse(readFileSync(join(fixturesRoot(), "real", "psykolog-jenny.file.json"), "utf8"));
    const sim = createFigmaSim({ file, editorType: "dev", command: "", mode: "codegen" });
    restore = installFigmaSim(sim);
    await start();
    const results = await sim.codegen.generate("35:34", "html");
    const notes = results.find((r) => r.title === "Figment notes");
    expect(notes?.code).toMatch(
      /info: “MacBook Pro 2\.2”: the inferred layout checked by Figment's layout model \(no browser\) at the design/,
    );
    // A page with auto layout throughout has nothing inferred to check, and says nothing of it.
    restore();
    const login = await bootDevMode("figmasharp-login.file.json");
    const plain = await login.sim.codegen.generate("101:3", "html");
    expect(plain.find((r) => r.title === "Figment notes")?.code ?? "").not.toMatch(/layout checked/);
  });

  it("keeps at most 50 results", async () => {
    const { sim, stats } = await bootDevMode("figmagic-design-system.file.json");
    for (const node of sim.topLevel()) await sim.codegen.generate(node, "html");
    expect(sim.topLevel().length).toBeGreaterThan(CODEGEN_CACHE_SIZE);
    expect(stats.cached).toBe(CODEGEN_CACHE_SIZE);
  });

  it("explains instead of generating for a hidden node, an empty frame and an unknown language", async () => {
    const file = {
      document: {
        id: "0:0",
        type: "DOCUMENT",
        children: [
          {
            id: "0:1",
            type: "CANVAS",
            name: "Page",
            children: [
              {
                id: "1:1",
                type: "FRAME",
                name: "Blank",
                absoluteBoundingBox: { x: 0, y: 0, width: 100, height: 100 },
                children: [],
              },
              {
                id: "1:2",
                type: "FRAME",
                name: "Secret",
                visible: false,
                absoluteBoundingBox: { x: 0, y: 0, width: 100, height: 100 },
                children: [],
              },
            ],
          },
        ],
      },
    };
    const sim = createFigmaSim({ file, editorType: "dev" });
    restore = installFigmaSim(sim);
    await start();
    const one = (results: SimCodegenResult[]): string => {
      expect(results).toHaveLength(1);
      expect(results[0]!.language).toBe("PLAINTEXT");
      return results[0]!.code;
    };
    expect(one(await sim.codegen.generate("1:1", "react"))).toMatch(/Blank.*empty/);
    expect(one(await sim.codegen.generate("1:2", "html"))).toBe("“Secret” is hidden: show it to see its code.");
    expect(one(await sim.codegen.generate("1:1", "swift"))).toMatch(
      /React, HTML, Vue, Svelte, Angular or React Native/,
    );
  });

  it("returns a note, not an exception, when the export fails", async () => {
    const { sim } = await bootDevMode("figmasharp-login.file.json");
    sim.failExport("101:3", "Figma is busy");
    const results = await sim.codegen.generate("101:3", "react");
    expect(results).toEqual([
      { title: "Figment", code: "Could not export “Log-In Page”: Figma is busy", language: "PLAINTEXT" },
    ]);
  });
});

describe("languageOf", () => {
  it("offers Vue: the screen's single-file component, shown as HTML", async () => {
    const { sim } = await bootDevMode("figmasharp-login.file.json");
    const results = await sim.codegen.generate("101:3", "vue");
    const screen = results.find((r) => r.title === "src/screens/LogInPage.vue");
    expect(screen?.language).toBe("HTML");
    expect(screen?.code).toMatch(/^<template>\n {2}<main class="logInPage">/);
    expect(screen?.code).toMatch(/<style scoped>\n\.logInPage \{/);
  });

  it("offers Svelte: the screen's component, shown as HTML", async () => {
    const { sim } = await bootDevMode("figmasharp-login.file.json");
    const results = await sim.codegen.generate("101:3", "svelte");
    const screen = results.find((r) => r.title === "src/screens/LogInPage.svelte");
    expect(screen?.language).toBe("HTML");
    expect(screen?.code).toMatch(/^<main class="logInPage">/);
    expect(screen?.code).toMatch(/<style>\n\.logInPage \{/);
  });

  it("offers Angular: the screen's component, its template and its styles", async () => {
    const { sim } = await bootDevMode("figmasharp-login.file.json");
    const results = await sim.codegen.generate("101:3", "angular");
    const component = results.find((r) => r.title === "src/app/screens/log-in-page.ts");
    expect(component?.language).toBe("TYPESCRIPT");
    expect(component?.code).toMatch(/@Component\(\{\n {2}selector: "app-log-in-page",/);
    const template = results.find((r) => r.title === "src/app/screens/log-in-page.html");
    expect(template?.language).toBe("HTML");
    expect(template?.code).toMatch(/^<main class="logInPage"/);
  });

  it("offers React Native: the screen's component with its StyleSheet, never DOM elements", async () => {
    const { sim } = await bootDevMode("figmasharp-login.file.json");
    const results = await sim.codegen.generate("101:3", "react-native");
    const screen = results.find((r) => r.title === "src/screens/LogInPage.tsx");
    expect(screen?.language).toBe("TYPESCRIPT");
    expect(screen?.code).toMatch(/^import \{[^}]*\bView\b[^}]*\} from "react-native";/);
    expect(screen?.code).toContain("StyleSheet.create(");
    expect(screen?.code).not.toMatch(/<(div|span|main|img)\b/);
  });

  it("maps generated files to Figma's code languages", () => {
    expect(
      ["src/App.tsx", "a.ts", "styles/x.module.css", "index.html", "icon.svg", "package.json", "README.md"].map(
        languageOf,
      ),
    ).toEqual(["TYPESCRIPT", "TYPESCRIPT", "CSS", "HTML", "HTML", "JSON", "PLAINTEXT"]);
  });
});
