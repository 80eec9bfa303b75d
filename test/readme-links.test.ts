// The README and docs/ as a newcomer follows them: every relative link and image resolves (anchors included),
// the README stays short enough to read top-down, every docs page is reachable from it, and its images stay small.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { brokenLinks, headingAnchors, linksOf } from "./helpers/markdown-links.js";

const ROOT = join(import.meta.dirname, "..");
const DOCS = join(ROOT, "docs");
const README = join(ROOT, "README.md");
const docsPages = readdirSync(DOCS).filter((name) => name.endsWith(".md"));

describe("README and docs/", () => {
  it("link only to files and headings that exist", () => {
    const problems = [README, ...docsPages.map((name) => join(DOCS, name))].flatMap((file) => brokenLinks(file, ROOT));
    expect(problems).toEqual([]);
  });

  it("keep the README to 250 lines", () => {
    expect(readFileSync(README, "utf8").trimEnd().split("\n").length).toBeLessThanOrEqual(250);
  });

  it("link every docs page from the README", () => {
    const linked = new Set(linksOf(readFileSync(README, "utf8")).map((l) => l.target.split("#")[0]));
    expect(docsPages.filter((name) => !linked.has(`docs/${name}`))).toEqual([]);
  });

  it("keep the screenshots under 1.5 MB together, each one shown somewhere", () => {
    const images = readdirSync(join(DOCS, "images"));
    const bytes = images.reduce((sum, name) => sum + statSync(join(DOCS, "images", name)).size, 0);
    expect(bytes).toBeLessThan(1.5 * 1024 * 1024);
    const shown = [README, ...docsPages.map((name) => join(DOCS, name))].flatMap((file) =>
      linksOf(readFileSync(file, "utf8")).map((l) => l.target),
    );
    expect(images.filter((name) => !shown.some((target) => target.endsWith(`images/${name}`)))).toEqual([]);
  });
});

describe("brokenLinks", () => {
  const dir = mkdtempSync(join(tmpdir(), "figment-links-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(join(dir, "docs"));
  writeFileSync(join(dir, "docs", "cli.md"), "# The `figment` command\n\n## Exit codes\n\n## Exit codes\n");
  writeFileSync(join(dir, "shot.png"), "");

  const check = (markdown: string): string[] => {
    writeFileSync(join(dir, "README.md"), markdown);
    return brokenLinks(join(dir, "README.md"), dir);
  };

  it("passes links to existing files, headings and images, and ignores web links and code", () => {
    expect(
      check(
        [
          "[cli](docs/cli.md) [codes](docs/cli.md#exit-codes) [again](docs/cli.md#exit-codes-1) [top](#intro)",
          "# Intro",
          '![shot](shot.png) <img src="shot.png"> [web](https://example.com/x.md)',
          "`[not a link](gone.md)`",
          "```md",
          "[in a fence](gone.md)",
          "```",
        ].join("\n"),
      ),
    ).toEqual([]);
  });

  it("names a missing file, a missing image, a missing heading and a path outside the repository", () => {
    expect(
      check("[a](docs/gone.md)\n![b](images/gone.png)\n[c](docs/cli.md#no-such-part)\n[d](../elsewhere.md)"),
    ).toEqual([
      "README.md:1: docs/gone.md (no such file)",
      "README.md:2: images/gone.png (no such file)",
      "README.md:3: docs/cli.md#no-such-part (no heading #no-such-part)",
      "README.md:4: ../elsewhere.md (outside the repository)",
    ]);
  });

  it("makes GitHub's anchors", () => {
    expect([
      ...headingAnchors(
        "# The `figment` command\n## Bulk work on OpenAI's Batch API: `figment batch`\n## Exit codes\n## Exit codes",
      ),
    ]).toEqual(["the-figment-command", "bulk-work-on-openais-batch-api-figment-batch", "exit-codes", "exit-codes-1"]);
  });
});
