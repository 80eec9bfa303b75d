import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export type EvalFile = { name: string; path: string; kind: "file" | "nodes"; text: string };

/** test/fixtures/figma, found by walking up from this module (works from bench/ and from a bundle) or cwd. */
export function fixturesDir(): string {
  if (process.env.FIGMA_FIXTURES) return resolve(process.env.FIGMA_FIXTURES);
  for (const start of [dirname(fileURLToPath(import.meta.url)), process.cwd()]) {
    let dir = start;
    for (;;) {
      const candidate = join(dir, "test", "fixtures", "figma");
      if (existsSync(candidate)) return candidate;
      const up = dirname(dir);
      if (up === dir) break;
      dir = up;
    }
  }
  throw new Error("test/fixtures/figma not found (set FIGMA_FIXTURES)");
}

/** Every *.json REST reply in the fixtures folder, sorted by name. */
export function loadEvalFiles(dir = fixturesDir()): EvalFile[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((name) => {
      const text = readFileSync(join(dir, name), "utf8");
      const kind = "nodes" in (JSON.parse(text) as object) ? "nodes" : "file";
      return { name, path: join(dir, name), kind, text };
    });
}
