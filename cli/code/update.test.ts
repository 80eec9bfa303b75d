/**
 * `figment code NEW.json --update DIR` on a hand-made design in versions (test/helpers/update-designs.ts): the record
 * every generated folder gets, the merge of the team's edits with the design's changes, conflicts only where both
 * changed the same lines, the same design changing no byte, a dry run writing nothing, an interrupted update leaving
 * the folder as it was, and the refusals (no record, a newer record, an unreadable file, a frame gone).
 */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { captureIo, listFiles } from "../../test/helpers/fixtures.js";
import { homeDesign, type HomeVersion } from "../../test/helpers/update-designs.js";
import { startFigmaRestServer } from "../../test/figma-rest-server/server.js";
import { VERSIONS, versionedFile, versionPath } from "../../test/helpers/design-versions.js";
import { SharedChromium } from "../mcp/chromium.js";
import { run } from "../run.js";

let tmp: string;
const chromium = new SharedChromium();
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), "figment-update-"));
});
afterAll(async () => {
  await chromium.close();
  rmSync(tmp, { recursive: true, force: true });
});

let designs = 0;
function design(v: HomeVersion = {}): string {
  const path = join(tmp, `design-${designs++}.json`);
  writeFileSync(path, JSON.stringify(homeDesign(v)));
  return path;
}

async function figment(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = captureIo();
  const code = await run(argv, io, { chromium: chromium.get });
  return { code, out: io.stdout(), err: io.stderr() };
}

/** Every file under `dir` with its text, `.figment/record.json`'s date left out. */
function snapshot(dir: string, { dates = true } = {}): Record<string, string> {
  const files: Record<string, string> = {};
  for (const path of listFiles(dir, { record: true })) {
    if (!existsSync(join(dir, path))) continue; // a link to nothing
    const text = readFileSync(join(dir, path), "utf8");
    files[path] = !dates && path === ".figment/record.json" ? text.replace(/"createdAt": "[^"]+"/, "") : text;
  }
  return files;
}

const read = (dir: string, path: string): string => readFileSync(join(dir, path), "utf8");
const edit = (dir: string, path: string, change: (text: string) => string): void =>
  writeFileSync(join(dir, path), change(read(dir, path)));

describe("figment code --update", () => {
  it("writes a record beside the code: source, options, the design's facts, the files as generated", async () => {
    const dir = join(tmp, "record");
    const r = await figment("code", design(), "--node", "1:1", "--out", dir);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain("(and its record, .figment/)");
    const record = JSON.parse(read(dir, ".figment/record.json"));
    expect(record).toMatchObject({
      format: 1,
      by: "cli",
      source: { version: "1", nodes: ["1:1"], frames: [{ id: "1:1", name: "Home" }] },
      options: { target: "react", styling: "css-modules", nodeIds: false },
    });
    const code = listFiles(dir, { record: true }).filter((p) => !p.startsWith(".figment/"));
    expect(record.files.map((f: { path: string }) => f.path).sort()).toEqual(code);
    for (const path of code) expect(read(dir, `.figment/base/${path}`)).toBe(read(dir, path));
    expect(JSON.parse(read(dir, ".figment/design.json")).frames).toEqual(["1:1"]);
    expect(read(dir, ".figment/README.md")).toContain("figment code --update");
  }, 60_000);

  it("keeps the team's edits, brings the design's changes, renames a renamed component's files", async () => {
    const dir = join(tmp, "edited");
    expect((await figment("code", design(), "--node", "1:1", "--out", dir)).code).toBe(0);
    edit(dir, "src/screens/Home.tsx", (t) =>
      t.replace("export function Home() {", "export function Home() {\n  // team"),
    );
    edit(dir, "src/components/Card.tsx", (t) => t.replace("return (", "// team: card\n  return ("));
    edit(dir, "src/screens/Home.module.css", (t) => `${t}.teamRule {\n  color: red;\n}\n`);
    mkdirSync(join(dir, "src/lib"));
    writeFileSync(join(dir, "src/lib/analytics.ts"), "export const track = (): void => undefined;\n");
    const next = design({ title: "Welcome back", cardName: "Product card" });
    const r = await figment("code", next, "--update", dir);
    expect(r.code, r.err + r.out).toBe(0);
    expect(r.out).toContain('re-texted “Title” (TEXT 1:2): "Welcome home" → "Welcome back"');
    expect(r.out).toContain("src/components/ProductCard.tsx (renamed from src/components/Card.tsx)");
    const home = read(dir, "src/screens/Home.tsx");
    expect(home).toContain("// team");
    expect(home).toContain("Welcome back");
    expect(home).toContain('import { ProductCard } from "../components/ProductCard";');
    expect(read(dir, "src/components/ProductCard.tsx")).toContain("// team: card");
    expect(read(dir, "src/screens/Home.module.css")).toContain(".teamRule {");
    expect(read(dir, "src/lib/analytics.ts")).toContain("track");
    expect(listFiles(dir, { record: true })).not.toContain("src/components/Card.tsx");
    // The record follows: an update again from the same design changes no byte.
    const before = snapshot(dir);
    const again = await figment("code", next, "--update", dir);
    expect(again.code).toBe(0);
    expect(again.out).toContain("is up to date with the design: nothing written");
    expect(snapshot(dir)).toEqual(before);
  }, 90_000);

  it("an unedited folder updated equals a fresh generation of the new design, byte for byte", async () => {
    const dir = join(tmp, "unedited");
    const fresh = join(tmp, "fresh");
    const next = design({ body: "Fresh every morning.", background: { r: 1, g: 0.95, b: 0.9 }, thirdCard: true });
    expect((await figment("code", design(), "--node", "1:1", "--out", dir)).code).toBe(0);
    expect((await figment("code", next, "--update", dir)).code).toBe(0);
    expect((await figment("code", next, "--node", "1:1", "--out", fresh)).code).toBe(0);
    const a = snapshot(dir, { dates: false });
    const b = snapshot(fresh, { dates: false });
    // The design file's name differs (design-N.json), nothing else.
    expect(a[".figment/record.json"]!.replace(/design-\d+/, "")).toBe(
      b[".figment/record.json"]!.replace(/design-\d+/, ""),
    );
    delete a[".figment/record.json"];
    delete b[".figment/record.json"];
    expect(a).toEqual(b);
  }, 90_000);

  it("marks a conflict only where the team and the design changed the same lines, lists it, exits 1", async () => {
    const dir = join(tmp, "conflict");
    expect((await figment("code", design(), "--node", "1:1", "--out", dir)).code).toBe(0);
    edit(dir, "src/screens/Home.tsx", (t) => t.replace("Welcome home", "Welcome, friend"));
    edit(dir, "src/screens/Home.tsx", (t) =>
      t.replace("export function Home() {", "export function Home() {\n  // team"),
    );
    const r = await figment("code", design({ title: "Welcome back", body: "Pick, then pay." }), "--update", dir);
    expect(r.code).toBe(1);
    const home = read(dir, "src/screens/Home.tsx");
    const line = home.split("\n").indexOf("<<<<<<< yours") + 1;
    expect(line).toBeGreaterThan(0);
    expect(r.out).toContain(`src/screens/Home.tsx:${line}`);
    expect(home).toMatch(/<<<<<<< yours\n.*Welcome, friend.*\n=======\n.*Welcome back.*\n>>>>>>> design/);
    // The lines only the design changed are merged, the team's comment kept: one conflict, no more.
    expect(home.match(/<<<<<<< yours/g)).toHaveLength(1);
    expect(home).toContain("Pick, then pay.");
    expect(home).toContain("// team");
  }, 90_000);

  it("--dry-run prints the changes and the unified diff and writes nothing", async () => {
    const dir = join(tmp, "dry");
    expect((await figment("code", design(), "--node", "1:1", "--out", dir)).code).toBe(0);
    const before = snapshot(dir);
    const r = await figment("code", design({ title: "Hello" }), "--update", dir, "--dry-run");
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain("would update");
    expect(r.out).toContain("--- a/src/screens/Home.tsx");
    expect(r.out).toMatch(/^-\s+<h1 className=\{styles.title\}>Welcome home<\/h1>$/m);
    expect(r.out).toMatch(/^\+\s+<h1 className=\{styles.title\}>Hello<\/h1>$/m);
    expect(snapshot(dir)).toEqual(before);
  }, 60_000);

  it("an update that fails half-way, or was killed half-way, leaves the folder as it was", async () => {
    const dir = join(tmp, "atomic");
    expect((await figment("code", design(), "--node", "1:1", "--out", dir)).code).toBe(0);
    // A link to a folder that is not there where the record's new base file goes: the code written before is undone.
    const link = join(dir, ".figment/base/src/components/Tile.tsx");
    symlinkSync(join(tmp, "no-such-folder", "Tile.tsx"), link);
    const before = snapshot(dir);
    const r = await figment("code", design({ title: "Hello", cardName: "Tile" }), "--update", dir);
    expect(r.code, r.out + r.err).toBe(2);
    expect(r.err).toContain("is as it was before");
    expect(snapshot(dir)).toEqual(before);
    expect(readlinkSync(link)).toBe(join(tmp, "no-such-folder", "Tile.tsx"));
    expect(listFiles(dir, { record: true }).some((p) => p.startsWith(".figment/.update"))).toBe(false);
    rmSync(link);
    // A journal left by a killed run: the next update puts the folder back first.
    const home = read(dir, "src/screens/Home.tsx");
    mkdirSync(join(dir, ".figment/.update/backup/src/screens"), { recursive: true });
    writeFileSync(join(dir, ".figment/.update/backup/src/screens/Home.tsx"), home);
    writeFileSync(
      join(dir, ".figment/.update/journal.json"),
      JSON.stringify([
        { path: "src/screens/Home.tsx", existed: true },
        { path: "src/half-written.ts", existed: false },
      ]),
    );
    writeFileSync(join(dir, "src/screens/Home.tsx"), "half-written");
    writeFileSync(join(dir, "src/half-written.ts"), "x");
    const again = await figment("code", design(), "--update", dir);
    expect(again.err).toContain("was interrupted; the folder is back as it was before it");
    expect(read(dir, "src/screens/Home.tsx")).toBe(home);
    expect(listFiles(dir, { record: true })).not.toContain("src/half-written.ts");
    expect(listFiles(dir, { record: true }).some((p) => p.startsWith(".figment/.update"))).toBe(false);
  }, 90_000);

  it("an update cancelled (Ctrl-C) while it generates writes nothing", async () => {
    const dir = join(tmp, "cancelled");
    expect((await figment("code", design(), "--node", "1:1", "--out", dir)).code).toBe(0);
    const before = snapshot(dir);
    const controller = new AbortController();
    const io = captureIo();
    const progress = (_done: number, _total: number, message: string): void => {
      if (message.startsWith("layout checked")) controller.abort();
    };
    const code = await run(["code", design({ title: "Hello" }), "--update", dir], io, {
      chromium: chromium.get,
      signal: controller.signal,
      progress,
    });
    expect(controller.signal.aborted).toBe(true);
    expect(code).toBe(130);
    expect(io.stderr()).toContain("nothing was written");
    expect(snapshot(dir)).toEqual(before);
  }, 60_000);

  it("--file-key without a design: Figma's current version fetched, the record's key and frames", async () => {
    const key = "JennyFileKey0123456789";
    const token = "figd_update-test";
    const srv = await startFigmaRestServer({ token, files: { [key]: versionedFile() } });
    try {
      const dir = join(tmp, "by-key");
      const env = { FIGMA_TOKEN: token };
      const io = captureIo();
      const flags = ["--file-key", key, "--figma-base-url", srv.url];
      const made = await run(["code", versionPath("8c76537"), "--node", "35:34", "--out", dir, ...flags], io, {
        env,
        chromium: chromium.get,
      });
      expect(made, io.stderr()).toBe(0);
      const update = captureIo();
      const code = await run(["code", "--update", dir, "--figma-base-url", srv.url], update, {
        env,
        chromium: chromium.get,
      });
      expect(code, update.stderr()).toBe(0);
      expect(update.stderr()).toContain(`figma: fetching the current version of ${key} (35:34)`);
      expect(update.stdout()).toMatch(/design changes since .*: \d+ moved, \d+ resized, 2 recoloured, 2 added\n/);
      const record = JSON.parse(read(dir, ".figment/record.json")) as { source: { fileKey: string; version: string } };
      expect(record.source).toMatchObject({ fileKey: key, version: VERSIONS[3].version });
    } finally {
      await srv.close();
    }
  }, 120_000);

  it("refuses, writing nothing: no record, a newer record, an unreadable file, a frame gone, a flag", async () => {
    const bare = join(tmp, "bare");
    mkdirSync(bare);
    let r = await figment("code", design(), "--update", bare);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${bare} has no .figment/record.json`);
    expect(r.err).toContain(`--out ${bare}`);

    const dir = join(tmp, "refusals");
    expect((await figment("code", design(), "--node", "1:1", "--out", dir)).code).toBe(0);
    const recordPath = join(dir, ".figment/record.json");
    const record = readFileSync(recordPath, "utf8");
    writeFileSync(recordPath, record.replace('"format": 1', '"format": 7').replace('"figment": "', '"figment": "9.'));
    r = await figment("code", design(), "--update", dir);
    expect(r.code).toBe(2);
    expect(r.err).toContain("was written by a newer Figment (9.");
    writeFileSync(recordPath, record);

    const before = snapshot(dir);
    const gone = JSON.parse(JSON.stringify(homeDesign())) as { document: { children: { children: unknown[] }[] } };
    gone.document.children[0]!.children = [];
    writeFileSync(join(tmp, "gone.json"), JSON.stringify(gone));
    r = await figment("code", join(tmp, "gone.json"), "--update", dir);
    expect(r.code).toBe(2);
    expect(r.err).toContain("the new design has no frame 1:1 (“Home”)");
    expect(r.err).toContain("nothing was written");
    expect(snapshot(dir)).toEqual(before);

    // A generated file the folder now holds as a folder cannot be read: named, nothing written.
    rmSync(join(dir, "src/index.ts"));
    mkdirSync(join(dir, "src/index.ts"));
    r = await figment("code", design({ title: "Hello" }), "--update", dir);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`cannot read ${join(dir, "src/index.ts")}`);
    expect(read(dir, "src/screens/Home.tsx")).toContain("Welcome home");
    rmSync(join(dir, "src/index.ts"), { recursive: true });

    r = await figment("code", design(), "--update", dir, "--target", "html");
    expect(r.code).toBe(2);
    expect(r.err).toContain("--target cannot go with --update");
    expect(statSync(join(dir, "src/screens/Home.tsx")).isFile()).toBe(true);
  }, 90_000);
});
