/**
 * `figment code --update` in every target and starter: the team's edits (a line at the end of every file it can
 * comment in, a dependency in a starter's package.json) kept, the design's change (a heading's words, a component's
 * name) brought in, and every file the team did not touch equal to a fresh generation of the new design.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { captureIo, listFiles } from "../../test/helpers/fixtures.js";
import { homeDesign } from "../../test/helpers/update-designs.js";
import { SharedChromium } from "../mcp/chromium.js";
import { run } from "../run.js";

let tmp: string;
let before: string;
let after: string;
const chromium = new SharedChromium();
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), "figment-update-targets-"));
  before = join(tmp, "before.json");
  after = join(tmp, "after.json");
  writeFileSync(before, JSON.stringify(homeDesign()));
  writeFileSync(after, JSON.stringify(homeDesign({ title: "Welcome back", cardName: "Tile" })));
});
afterAll(async () => {
  await chromium.close();
  rmSync(tmp, { recursive: true, force: true });
});

async function figment(...argv: string[]): Promise<number> {
  const io = captureIo();
  const code = await run(argv, io, { chromium: chromium.get });
  if (code !== 0) throw new Error(`figment ${argv.join(" ")} exited ${code}: ${io.stderr()}${io.stdout()}`);
  return code;
}

/** The comment a file's language takes at its end, if any. */
function comment(path: string): string | undefined {
  if (/\.(tsx?|jsx?|mjs)$/.test(path)) return "// team: kept";
  if (/\.css$/.test(path)) return "/* team: kept */";
  if (/\.(vue|svelte|html)$/.test(path)) return "<!-- team: kept -->";
  return undefined;
}

const CASES: [string, string[]][] = [
  ["react css-modules", []],
  ["react tailwind", ["--styling", "tailwind"]],
  ["html", ["--target", "html"]],
  ["vue", ["--target", "vue"]],
  ["svelte", ["--target", "svelte"]],
  ["angular", ["--target", "angular"]],
  ["react-native", ["--target", "react-native"]],
  ["react, Vite starter", ["--project"]],
  ["react, Next.js starter", ["--project", "nextjs"]],
  ["vue, Vite starter", ["--target", "vue", "--project"]],
  ["svelte, Vite starter", ["--target", "svelte", "--project"]],
  ["angular, Angular CLI starter", ["--target", "angular", "--project"]],
  ["react-native, Expo starter", ["--target", "react-native", "--project", "expo"]],
];

describe("figment code --update in every target and starter", () => {
  it.each(CASES)(
    "%s: the team's edits kept, the design's change in, the rest as a fresh generation",
    async (_, flags) => {
      const dir = join(tmp, _.replace(/\W+/g, "-"));
      const fresh = `${dir}-fresh`;
      await figment("code", before, "--node", "1:1", "--out", dir, ...flags);
      const edited = new Map<string, string>();
      for (const path of listFiles(dir)) {
        const line = comment(path);
        const text = readFileSync(join(dir, path), "utf8");
        if (path.endsWith("package.json")) {
          const json = text.replace(/"dependencies": \{/, '"dependencies": {\n    "team-analytics": "^1.0.0",');
          edited.set(path, '"team-analytics": "^1.0.0"');
          writeFileSync(join(dir, path), json);
        } else if (line !== undefined) {
          edited.set(path, line);
          writeFileSync(join(dir, path), `${text}${line}\n`);
        }
      }
      expect(edited.size).toBeGreaterThanOrEqual(2);
      await figment("code", after, "--update", dir);
      await figment("code", after, "--node", "1:1", "--out", fresh, ...flags);
      const now = listFiles(dir);
      const renamed = (path: string): string => path.replace(/Card/g, "Tile").replace(/card/g, "tile");
      for (const [path, line] of edited) {
        const at = now.includes(path) ? path : renamed(path);
        expect(now, `${path} (or its renamed file) is still there`).toContain(at);
        expect(readFileSync(join(dir, at), "utf8"), `${at} keeps the team's line`).toContain(line);
      }
      const all = Object.fromEntries(now.map((p) => [p, readFileSync(join(dir, p), "utf8")]));
      expect(Object.values(all).some((t) => t.includes("Welcome back"))).toBe(true);
      expect(Object.values(all).some((t) => t.includes("Welcome home"))).toBe(false);
      expect(Object.values(all).some((t) => t.includes("<<<<<<<"))).toBe(false);
      // Each file is the fresh generation's plus the team's line (or dependency), nothing else.
      expect(now).toEqual(listFiles(fresh));
      for (const path of now) {
        const line = edited.get(path) ?? edited.get([...edited.keys()].find((p) => renamed(p) === path) ?? "");
        const want = readFileSync(join(fresh, path), "utf8");
        const got = all[path]!;
        expect(line === undefined ? got : got.replace(`${line}\n`, "").replace(`    ${line},\n`, ""), path).toBe(want);
      }
    },
    120_000,
  );
});
