/**
 * Every real Figma file in test/fixtures/figma, through the whole offline pipeline: each file as a whole and
 * each top-level frame alone, to React (CSS modules and Tailwind) and HTML, without and with node ids.
 * Every React set type-checks, every HTML page parses without errors, every stylesheet has content, prettier
 * leaves every file as it is, and no problem is an error.
 */
import { parse } from "parse5";
import { beforeAll, describe, expect, it } from "vitest";
import { loadDesign, type CodeOptions, type FileSet, type LoadedDesign } from "../codegen/index.js";
import type { SourceFile } from "../codegen/types.js";
import { isFormatted } from "../codegen/format/index.js";
import { readRestReply } from "../codegen/rest/reply.js";
import { typecheckReactProjects } from "./compile.js";
import { EVAL_FILES, readFixture } from "./helpers/fixtures.js";
import { cachedGenerateCode } from "./helpers/run-cache.js";
import { sampleFrames } from "./helpers/eval-sample.js";

/**
 * Every file is converted whole (the design system's 57 frames at once); the per-frame loop takes a sample of a
 * file with many frames in `npm test` (test/helpers/eval-sample.ts) and every frame in the bench's "eval" section.
 */

/** Generous limits for a loaded machine; alone the whole file runs in about 45 s. */
const HOOK_TIMEOUT = 300_000;
const TEST_TIMEOUT = 180_000;

const VARIANTS: CodeOptions[] = [];
for (const nodeIds of [false, true]) {
  VARIANTS.push({ target: "react", styling: "css-modules", nodeIds });
  VARIANTS.push({ target: "react", styling: "tailwind", nodeIds });
  VARIANTS.push({ target: "html", styling: "css-modules", nodeIds });
}

interface Case {
  /** e.g. `whole file react/tailwind ids` or `frame 101:3 html`. */
  label: string;
  options: CodeOptions;
  result: FileSet;
}

/**
 * isFormatted, asked once per path and content: the variants and selections share many files byte for byte (the
 * CSS of both node-id variants, a frame's component in its own selection and in the whole file).
 */
const formatted = new Map<string, Promise<boolean>>();
function formattedOnce(file: SourceFile): Promise<boolean> {
  const key = `${file.path}\0${file.content}`;
  let answer = formatted.get(key);
  if (!answer) formatted.set(key, (answer = isFormatted(file, "emitters")));
  return answer;
}

function describeOptions(o: CodeOptions): string {
  return `${o.target}${o.target === "react" ? `/${o.styling}` : ""}${o.nodeIds ? " +nodeIds" : ""}`;
}

describe.each(EVAL_FILES)("%s", (file) => {
  const cases: Case[] = [];
  const failures: string[] = [];
  let frameIds: string[] = [];

  beforeAll(async () => {
    const json = readFixture(file);
    const roots = readRestReply(json).roots;
    frameIds = sampleFrames(roots).map((r) => r.id);
    const selections: { label: string; ids: string[] }[] = [
      { label: "whole file", ids: [] },
      ...frameIds.map((id) => ({ label: `frame ${id}`, ids: [id] })),
    ];
    for (const selection of selections) {
      let design: LoadedDesign;
      try {
        design = loadDesign(json, selection.ids);
      } catch (error) {
        failures.push(`${selection.label}: loadDesign threw ${String(error)}`);
        continue;
      }
      for (const options of VARIANTS) {
        const label = `${selection.label} ${describeOptions(options)}`;
        try {
          // The same design and options in another file of this run (the fidelity tests) are generated once.
          cases.push({ label, options, result: await cachedGenerateCode(design.document, options) });
        } catch (error) {
          failures.push(
            `${label}: generateCode threw ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
          );
        }
      }
    }
  }, HOOK_TIMEOUT);

  it("loads and generates every selection and variant without throwing", () => {
    expect(frameIds.length).toBeGreaterThan(0);
    expect(failures).toEqual([]);
    expect(cases.length).toBe((1 + frameIds.length) * VARIANTS.length);
    for (const c of cases) expect(c.result.files.length, c.label).toBeGreaterThan(0);
  });

  it("reports no problem of severity error", () => {
    const errors = cases.flatMap((c) =>
      c.result.problems
        .filter((p) => p.severity === "error")
        .map((p) => `${c.label}: ${p.code} ${p.file ?? p.nodeId ?? ""} ${p.message}`),
    );
    expect(errors).toEqual([]);
  });

  it(
    "type-checks every React output (one compiler run for the whole file)",
    () => {
      const react = cases.filter((c) => c.options.target === "react");
      expect(react.length).toBeGreaterThan(0);
      for (const c of react)
        expect(
          c.result.files.some((f) => f.path.endsWith(".tsx")),
          c.label,
        ).toBe(true);
      const { errors } = typecheckReactProjects(react.map((c) => c.result.files));
      const report = react.flatMap((c, i) => (errors[i] ?? []).map((e) => `${c.label}: ${e}`));
      expect(report).toEqual([]);
    },
    TEST_TIMEOUT,
  );

  it("emits HTML that parses with zero parse errors and non-empty stylesheets", () => {
    const html = cases.filter((c) => c.options.target === "html");
    expect(html.length).toBeGreaterThan(0);
    const report: string[] = [];
    for (const c of html) {
      const pages = c.result.files.filter((f) => f.path.endsWith(".html"));
      if (pages.length === 0) report.push(`${c.label}: no .html file`);
      for (const page of pages) {
        parse(page.content, {
          onParseError: (e) => report.push(`${c.label}: ${page.path}:${e.startLine}:${e.startCol} ${e.code}`),
        });
      }
    }
    for (const c of cases) {
      for (const f of c.result.files) {
        if (f.path.endsWith(".css") && f.content.trim() === "") report.push(`${c.label}: ${f.path} is empty`);
      }
    }
    expect(report).toEqual([]);
  });

  it(
    "leaves output that prettier would not change",
    async () => {
      const unformatted: string[] = [];
      for (const c of cases) {
        for (const f of c.result.files) {
          if (!(await formattedOnce(f))) unformatted.push(`${c.label}: ${f.path}`);
        }
      }
      expect(unformatted).toEqual([]);
    },
    TEST_TIMEOUT,
  );
});
