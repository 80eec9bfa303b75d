/**
 * Pages drawn at several widths through the `figment` command: `frames` lists the groups, `code` and `hints` make a
 * whole file's groups one page each unless --no-breakpoints, and `--node … --breakpoints` makes the listed frames one.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { captureIo, REPO_ROOT } from "../../test/helpers/fixtures.js";
import { run } from "../run.js";

const FLORA = join(REPO_ROOT, "test", "fixtures", "real", "flora.file.json");

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), "figment-page-groups-"));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function figment(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const io = captureIo();
  const code = await run(argv, io);
  return { code, stdout: io.stdout(), stderr: io.stderr() };
}

const text = (id: string, chars: string, y: number) => ({
  id,
  type: "TEXT",
  name: chars,
  characters: chars,
  absoluteBoundingBox: { x: 20, y, width: 300, height: 24 },
  style: { fontFamily: "Inter", fontSize: 16, fontWeight: 400 },
});
const screen = (id: string, name: string, width: number, texts: readonly string[]) => ({
  id,
  type: "FRAME",
  name,
  absoluteBoundingBox: { x: 0, y: 0, width, height: 600 },
  fills: [{ type: "SOLID", color: { r: 1, g: 1, b: 1, a: 1 } }],
  children: texts.map((t, i) => text(`${id}-${i}`, t, 20 + i * 40)),
});
const HOME = ["Fresh flowers every day", "Order by noon", "Delivered by six"];

/** "Home" at 1440 and 390, "About" at 1440 and "Contact" at 1440 (a width "Home" has: never its drawing). */
function design(): string {
  const path = join(tmp, "site.json");
  const page = (id: string, name: string, children: unknown[]) => ({ id, type: "CANVAS", name, children });
  const json = {
    document: {
      id: "0:0",
      type: "DOCUMENT",
      name: "Document",
      children: [
        page("0:1", "Desktop", [
          screen("1:1", "Home", 1440, HOME),
          screen("1:2", "About", 1440, ["Our story", "Since 1990"]),
          screen("1:3", "Contact", 1440, ["Write to us"]),
        ]),
        page("0:2", "Mobile", [screen("2:1", "Home – Mobile", 390, HOME)]),
      ],
    },
  };
  writeFileSync(path, JSON.stringify(json));
  return path;
}

interface Report {
  files: { path: string }[];
  problems: { severity: string; code: string; message: string; nodeId?: string }[];
}
const pages = (stdout: string): string[] =>
  (JSON.parse(stdout) as Report).files
    .map((f) => f.path)
    .filter((p) => p.endsWith(".html") && p !== "index.html")
    .sort();

describe("figment frames: pages drawn at several widths", () => {
  it("lists each group after the frames, and in --json", async () => {
    const { code, stdout, stderr } = await figment("frames", FLORA);
    expect(code, stderr).toBe(0);
    const lines = stdout.split("\n");
    const at = lines.indexOf(
      "3 frames → one responsive page: Desktop 1440, Tablet 768, Phone 375 (by name and content)",
    );
    expect(lines[at - 1]).toBe("");
    expect(lines.slice(at + 1, at + 4)).toEqual([
      "  Desktop 1440\t8203:59903\tHome • Desktop",
      "  Tablet 768\t8238:1241\tHome • Tablet",
      "  Phone 375\t8238:18962\tHome • Mobile",
    ]);
    expect(stdout).toContain("2 frames → one responsive page: Tablet 768, Phone 375 (by name and content)");
    expect(stderr).toContain("figment code makes each group one responsive page (--no-breakpoints keeps");

    const json = await figment("frames", FLORA, "--json");
    const { groups } = JSON.parse(json.stdout) as { groups: { by: string; frames: { id: string; label: string }[] }[] };
    expect(groups.map((g) => g.frames.map((f) => f.label).join(" "))).toEqual([
      "Desktop Tablet Phone",
      "Desktop Tablet Phone",
      "Desktop Tablet Phone",
      "Tablet Phone",
    ]);
    expect(groups[0]).toEqual({
      by: "name and content",
      frames: [
        { id: "8203:59903", name: "Home • Desktop", width: 1440, label: "Desktop" },
        { id: "8238:1241", name: "Home • Tablet", width: 768, label: "Tablet" },
        { id: "8238:18962", name: "Home • Mobile", width: 375, label: "Phone" },
      ],
    });
  });
});

describe("figment code: pages drawn at several widths", () => {
  it("makes a whole file's groups one page each, with a note; --no-breakpoints keeps every frame its own", async () => {
    const file = design();
    const grouped = await figment("code", file, "--target", "html", "--json", "--out", join(tmp, "grouped"));
    expect(grouped.code, grouped.stderr).toBe(0);
    // "Home – Mobile" is a drawing of "Home": the page is the 1440 frame's (its phone drawing waits for the emitters).
    expect(pages(grouped.stdout)).toEqual(["about.html", "contact.html", "home.html"]);
    const notes = (JSON.parse(grouped.stdout) as Report).problems.filter((p) => p.code === "breakpoints");
    expect(notes).toEqual([
      {
        severity: "info",
        code: "breakpoints",
        message:
          "“Home” and “Home – Mobile”: 2 frames → one responsive page: Desktop 1440, Phone 390 (found by name " +
          "and content; --no-breakpoints keeps them apart)",
        nodeId: "1:1",
      },
    ]);
    expect(grouped.stderr).toContain("figment: note: “Home” and “Home – Mobile”: 2 frames → one responsive page");

    const apart = await figment(
      "code",
      file,
      "--target",
      "html",
      "--json",
      "--no-breakpoints",
      "--out",
      join(tmp, "a"),
    );
    expect(apart.code, apart.stderr).toBe(0);
    expect(pages(apart.stdout)).toEqual(["about.html", "contact.html", "home-mobile.html", "home.html"]);
    expect((JSON.parse(apart.stdout) as Report).problems.filter((p) => p.code === "breakpoints")).toEqual([]);
  });

  it("makes the --node frames one page with --breakpoints, and each its own without", async () => {
    const file = design();
    const one = await figment(
      "code",
      ...[file, "--target", "html", "--json", "--out", join(tmp, "nodes")],
      ...["--node", "2:1", "--node", "1:3", "--breakpoints"],
    );
    expect(one.code, one.stderr).toBe(0);
    // The names disagree and nothing is drawn alike: the user's word is enough. One page: index.html alone.
    expect(pages(one.stdout)).toEqual([]);
    expect((JSON.parse(one.stdout) as Report).files.map((f) => f.path)).toContain("index.html");
    expect((JSON.parse(one.stdout) as Report).problems.find((p) => p.code === "breakpoints")?.message).toBe(
      "“Contact” and “Home – Mobile”: 2 frames → one responsive page: Desktop 1440, Phone 390 (as --breakpoints asks)",
    );
    const two = await figment(
      "code",
      ...[file, "--target", "html", "--json", "--out", join(tmp, "two")],
      ...["--node", "1:1", "--node", "2:1"],
    );
    expect(two.code, two.stderr).toBe(0);
    expect(pages(two.stdout)).toEqual(["home-mobile.html", "home.html"]);
  });

  it.each([
    [
      ["--node", "1:1", "--node", "1:2", "--breakpoints"],
      "--breakpoints makes frames drawn at different widths one page, but “Home” and “About” are both 1440 px " +
        "wide: give one frame per width",
    ],
    [
      ["--node", "1:1", "--breakpoints"],
      "--breakpoints makes the frames given with --node one page: give two or more, one per width (--node " +
        "DESKTOP --node PHONE)",
    ],
    [["--breakpoints", "--no-breakpoints"], "give --breakpoints or --no-breakpoints, not both"],
  ])("refuses %j as bad input (exit 2)", async (flags, message) => {
    const { code, stderr } = await figment("code", design(), "--out", join(tmp, "refused"), ...flags);
    expect(code).toBe(2);
    expect(stderr).toBe(`figment: ${message}`);
  });

  it("is refused where no page is made: figment frames, code --from-hint", async () => {
    expect((await figment("frames", design(), "--no-breakpoints")).code).toBe(2);
    const hint = join(tmp, "hint.txt");
    writeFileSync(hint, "");
    const { code, stderr } = await figment("code", "--from-hint", hint, "--no-breakpoints");
    expect(code).toBe(2);
    expect(stderr).toContain("--no-breakpoints needs the design's JSON");
  });
});

describe("figment hints: pages drawn at several widths", () => {
  it("describes a page once, its drawings made one page as for the code", async () => {
    const file = design();
    const grouped = await figment("hints", file);
    expect(grouped.code, grouped.stderr).toBe(0);
    const apart = await figment("hints", file, "--no-breakpoints");
    expect(apart.code, apart.stderr).toBe(0);
    // Grouped, the hint says the frames are one page (codegen/hint/pages.ts) and prints each drawing after it.
    expect(grouped.stdout).toMatch(/^page: .* — drawn at \d+, \d+ \(one DOM/m);
    expect(apart.stdout).not.toMatch(/^page: /m);
    expect(apart.stdout).toContain("Home – Mobile");
  });
});
