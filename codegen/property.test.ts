/**
 * Property-based tests of the whole offline pipeline (fast-check): random REST trees and mutated real
 * frames go through loadDesign → generateCode for every target.
 *
 * 1. Nothing but the documented errors is thrown; problems are well formed; output paths are safe.
 * 2. The React output type-checks (one in-memory tsc program for a whole batch of designs).
 * 3. The model hint round-trips: parse(print(doc)) == doc, and code from the parsed hint == code from JSON.
 * 4. HTML output never contains a `<script` element that came from design text or names.
 *
 * On failure fast-check prints the seed and the shrunk counterexample (a spec or a mutation list);
 * the batch compile prints the failing design's JSON.
 */
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  applyMutations,
  asReply,
  debugJson,
  mutations,
  type EvalFrame,
  type Mutation,
} from "../test/arbitraries/mutate.js";
import { buildDesign, design, treeSpec, type Design } from "../test/arbitraries/tree.js";
import { typecheckReactProjects } from "../test/compile.js";
import type { DesignDocument } from "./design/types.js";
import {
  emitFiles,
  generateCode,
  loadDesign,
  parseHint,
  printHint,
  type CodeOptions,
  type LoadedDesign,
} from "./index.js";
import { checkProject } from "./project/index.js";
import type { FileSet, Problem, SourceFile } from "./types.js";
import { isFigmentError } from "../kernel/errors.js";

type Raw = Record<string, unknown>;

const FIXTURES = new URL("../test/fixtures/figma/", import.meta.url);
const readFixture = (name: string): Raw => JSON.parse(readFileSync(new URL(name, FIXTURES), "utf8")) as Raw;

const REACT_CSS: CodeOptions = { target: "react", styling: "css-modules", nodeIds: false };
const REACT_TAILWIND: CodeOptions = { target: "react", styling: "tailwind", nodeIds: false };
const HTML: CodeOptions = { target: "html", styling: "css-modules", nodeIds: false };
const TARGETS: [string, CodeOptions][] = [
  ["react css-modules", REACT_CSS],
  ["react tailwind", REACT_TAILWIND],
  ["html", HTML],
];

/** Every fixture reply: the eval files. */
const EVAL_FILES = [
  "figma-differ-selfie.nodes.json",
  "figmagic-design-system.file.json",
  "figmasharp-bundler-dialog.file.json",
  "figmasharp-login.file.json",
  "grida-stroke.file.json",
  "grida-vector-frame.nodes.json",
];

function findRaw(node: unknown, id: string): Raw | undefined {
  if (typeof node !== "object" || node === null) return undefined;
  const raw = node as Raw;
  if (raw["id"] === id) return raw;
  for (const child of Array.isArray(raw["children"]) ? raw["children"] : []) {
    const found = findRaw(child, id);
    if (found) return found;
  }
  return undefined;
}

/** A frame of a fixture with the metadata (components, component sets, styles) of its reply. */
function evalFrame(file: string, id: string): EvalFrame {
  const json = readFixture(file);
  const holder = json["nodes"] ? (Object.values(json["nodes"] as Raw)[0] as Raw) : json;
  const frame = findRaw(holder["document"], id);
  if (!frame) throw new Error(`${file}: no node ${id}`);
  const meta: Raw = {};
  for (const key of ["components", "componentSets", "styles"]) if (holder[key] !== undefined) meta[key] = holder[key];
  return { name: `${file}#${id}`, frame, meta };
}

const LOGIN = evalFrame("figmasharp-login.file.json", "101:3");
const SELFIE = evalFrame("figma-differ-selfie.nodes.json", "33459:3746");

/** Multiplies every run count, for longer bug hunts: `PROPERTY_SCALE=10 npx vitest run codegen/property.test.ts`. */
const SCALE = Math.max(0.1, Number(process.env["PROPERTY_SCALE"] ?? 1) || 1);
const runs = (n: number): number => Math.max(1, Math.round(n * SCALE));
/** Generous per-test limit: a failing property spends most of its time shrinking, and must get to print it. */
const TIMEOUT = 300_000 * Math.max(1, SCALE);
/** Seed of the batch-compile sample (fixed, so a failure reproduces; override to explore). */
const SAMPLE_SEED = Number(process.env["PROPERTY_SEED"] ?? 20240611) || 20240611;

const SEVERITIES = new Set(["error", "warning", "info"]);

function checkProblems(problems: Problem[], where: string): void {
  for (const p of problems) {
    expect(SEVERITIES.has(p.severity), `${where}: problem without a valid severity: ${JSON.stringify(p)}`).toBe(true);
    expect(
      typeof p.code === "string" && p.code.length > 0,
      `${where}: problem without a code: ${JSON.stringify(p)}`,
    ).toBe(true);
    // An `internal` problem is an exception a stage swallowed: the pipeline threw in all but name.
    expect(p.code, `${where}: internal failure: ${p.message}`).not.toBe("internal");
  }
}

function checkPaths(files: SourceFile[], where: string): void {
  const seen = new Set<string>();
  for (const file of files) {
    expect(
      file.path.startsWith("/") || /^[A-Za-z]:/.test(file.path) || file.path.includes("\\"),
      `${where}: absolute path ${file.path}`,
    ).toBe(false);
    expect(file.path.includes(".."), `${where}: path with .. ${file.path}`).toBe(false);
    expect(seen.has(file.path), `${where}: duplicate path ${file.path}`).toBe(false);
    seen.add(file.path);
  }
}

/**
 * Our own emitters' output must come through the formatter without errors, and leave the project pass (which
 * generateCode skips for it: codegen/project/emitted.test.ts) nothing to find or repair.
 */
function checkOutput(out: FileSet, where: string): void {
  checkProblems(out.problems, where);
  checkPaths(out.files, where);
  const errors = out.problems.filter((p) => p.severity === "error");
  expect(errors, `${where}: the generated code has errors`).toEqual([]);
  const checked = checkProject(out.files);
  expect(checked.problems, `${where}: the project pass finds problems`).toEqual([]);
  expect(
    checked.files.map((f) => f.content),
    `${where}: the project pass changes files`,
  ).toEqual(out.files.map((f) => f.content));
}

/** loadDesign, or undefined when it throws one of the documented errors. */
function load(reply: unknown, nodeIds: string[] = []): LoadedDesign | undefined {
  try {
    return loadDesign(reply, nodeIds);
  } catch (error) {
    if (isFigmentError(error, "input")) return undefined;
    throw error;
  }
}

/** Property 1 for one input: load, then every target. False when loading threw a documented error. */
async function runPipeline(reply: unknown, nodeIds: string[], nodeIdAttrs: boolean): Promise<boolean> {
  const loaded = load(reply, nodeIds);
  if (!loaded) return false;
  checkProblems(loaded.problems, "loadDesign");
  for (const [label, options] of TARGETS) {
    const out = await generateCode(loaded.document, { ...options, nodeIds: nodeIdAttrs });
    checkOutput(out, label);
  }
  return true;
}

const mutatedLogin = mutations.map((list) => ({ base: "login" as const, list }));
const mutatedSelfie = mutations.map((list) => ({ base: "selfie" as const, list }));
const frameOf = (base: "login" | "selfie"): EvalFrame => (base === "login" ? LOGIN : SELFIE);
const mutatedReply = (m: { base: "login" | "selfie"; list: Mutation[] }): Raw => {
  const base = frameOf(m.base);
  return asReply(base, applyMutations(base.frame, m.list));
};

/** JSON-normalised copy (drops undefined fields, keeps key order irrelevant for toEqual). */
const normalised = (value: unknown): unknown => JSON.parse(JSON.stringify(value)) as unknown;

describe("property 1: loadDesign + generateCode never throw", () => {
  it(
    "random trees, every target",
    async () => {
      let loaded = 0;
      await fc.assert(
        fc.asyncProperty(design, fc.boolean(), async (d, nodeIdAttrs) => {
          if (await runPipeline(d.reply, d.nodeIds, nodeIdAttrs)) loaded++;
        }),
        { numRuns: runs(60) },
      );
      // Not vacuous: most random designs have something visible to convert.
      expect(loaded).toBeGreaterThan(runs(60) / 2);
    },
    TIMEOUT,
  );

  it(
    "mutated eval frames (login 101:3, selfie), every target",
    async () => {
      let loaded = 0;
      await fc.assert(
        fc.asyncProperty(
          fc.oneof({ weight: 4, arbitrary: mutatedLogin }, { weight: 1, arbitrary: mutatedSelfie }),
          async (m) => {
            if (await runPipeline(mutatedReply(m), [], false)) loaded++;
          },
        ),
        { numRuns: runs(25) },
      );
      expect(loaded).toBeGreaterThan(runs(25) / 2);
    },
    TIMEOUT,
  );

  it(
    "mutated eval frames load and emit (many runs, no project pass)",
    () => {
      fc.assert(
        fc.property(fc.oneof(mutatedLogin, mutatedSelfie), (m) => {
          const loaded = load(mutatedReply(m));
          if (!loaded) return;
          checkProblems(loaded.problems, "loadDesign");
          for (const [label, options] of TARGETS) {
            const out = emitFiles(loaded.document, options);
            checkProblems(out.problems, label);
            checkPaths(out.files, label);
          }
        }),
        { numRuns: runs(150) },
      );
    },
    TIMEOUT,
  );
});

describe("property 2: the React output compiles", () => {
  it(
    "one tsc program over random trees and mutated eval frames",
    async () => {
      interface Case {
        label: string;
        input: string;
        files: SourceFile[];
      }
      const cases: Case[] = [];
      const addCase = async (label: string, input: () => string, reply: unknown, nodeIds: string[]): Promise<void> => {
        const loaded = load(reply, nodeIds);
        if (!loaded) return;
        for (const options of [REACT_CSS, REACT_TAILWIND]) {
          const out = await generateCode(loaded.document, options);
          cases.push({ label: `${label} (${options.styling})`, input: input(), files: out.files });
        }
      };
      const designs: Design[] = fc.sample(design, { seed: SAMPLE_SEED, numRuns: runs(40) });
      for (const [i, d] of designs.entries())
        await addCase(`random tree #${i}`, () => debugJson({ reply: d.reply, nodeIds: d.nodeIds }), d.reply, d.nodeIds);
      const mutated = [
        ...fc.sample(mutatedLogin, { seed: SAMPLE_SEED + 7, numRuns: runs(6) }),
        ...fc.sample(mutatedSelfie, { seed: SAMPLE_SEED + 8, numRuns: runs(2) }),
      ];
      for (const [i, m] of mutated.entries())
        await addCase(
          `mutated ${m.base} #${i}`,
          () => debugJson({ base: frameOf(m.base).name, mutations: m.list }),
          mutatedReply(m),
          [],
        );
      expect(cases.length).toBeGreaterThan(40);

      const { errors } = typecheckReactProjects(cases.map((c) => c.files));
      const failing = cases.map((c, i) => ({ ...c, errors: errors[i]! })).filter((c) => c.errors.length > 0);
      for (const c of failing.slice(0, 3)) {
        console.error(
          `${c.label} does not compile:\n` +
            `${c.errors.slice(0, 10).join("\n")}\n` +
            `input: ${c.input}\n` +
            `files:\n` +
            `${c.files.map((f) => `--- ${f.path}\n${f.content}`).join("\n")}`,
        );
      }
      expect(failing.map((c) => `${c.label}: ${c.errors[0]}`)).toEqual([]);
    },
    TIMEOUT,
  );
});

/** The code from a parsed hint (with the original asset payloads) must equal the code from the JSON. */
async function checkHintRoundTrip(doc: DesignDocument, fullPipeline: boolean): Promise<void> {
  const hint = printHint(doc);
  const parsed = parseHint(hint).document;
  expect(normalised(parsed.frames)).toEqual(normalised(doc.frames));
  // Asset payloads and the token table go by reference: the hint names assets and carries no tokens.
  const rebuilt: DesignDocument = {
    frames: parsed.frames,
    assets: doc.assets,
    ...(doc.tokens ? { tokens: doc.tokens } : {}),
  };
  for (const [label, options] of TARGETS) {
    // The project pass and prettier are pure functions of the emitted files, so equal emitted files
    // mean equal code; the full pipeline runs too where it is cheap.
    expect(emitFiles(rebuilt, options).files, `${label}: emitted files differ`).toEqual(emitFiles(doc, options).files);
    if (fullPipeline) {
      const [a, b] = await Promise.all([generateCode(rebuilt, options), generateCode(doc, options)]);
      expect(a.files, `${label}: generated files differ`).toEqual(b.files);
    }
  }
}

describe("property 3: the hint round-trips", () => {
  it.each(EVAL_FILES)(
    "eval file %s",
    async (file) => {
      const loaded = load(readFixture(file));
      expect(loaded).toBeDefined();
      await checkHintRoundTrip(loaded!.document, file !== "figmagic-design-system.file.json");
    },
    TIMEOUT,
  );

  it(
    "random trees",
    async () => {
      await fc.assert(
        fc.asyncProperty(design, async (d) => {
          const loaded = load(d.reply, d.nodeIds);
          if (!loaded) return;
          await checkHintRoundTrip(loaded.document, true);
        }),
        { numRuns: runs(40) },
      );
    },
    TIMEOUT,
  );

  it(
    "random trees (printed and parsed only, many runs)",
    () => {
      fc.assert(
        fc.property(design, (d) => {
          const loaded = load(d.reply, d.nodeIds);
          if (!loaded) return;
          const doc = loaded.document;
          const parsed = parseHint(printHint(doc)).document;
          expect(normalised(parsed.frames)).toEqual(normalised(doc.frames));
          const rebuilt: DesignDocument = {
            frames: parsed.frames,
            assets: doc.assets,
            ...(doc.tokens ? { tokens: doc.tokens } : {}),
          };
          for (const [label, options] of TARGETS)
            expect(emitFiles(rebuilt, options).files, label).toEqual(emitFiles(doc, options).files);
        }),
        { numRuns: runs(200) },
      );
    },
    TIMEOUT,
  );
});

const SCRIPT_PAYLOADS = [
  "<script>alert(1)</script>",
  "</title><script>alert(1)</script>",
  '"><script src=x></script>',
  "<SCRIPT>x</SCRIPT>",
  "<scr<script>ipt>",
];

/** Puts a script payload into every name, text, component name and style name of a reply. */
function injectScripts(value: unknown, payload: string): unknown {
  if (Array.isArray(value)) return value.map((v) => injectScripts(v, payload));
  if (typeof value !== "object" || value === null) return value;
  const out: Raw = {};
  for (const [key, v] of Object.entries(value as Raw)) {
    if ((key === "name" || key === "characters") && typeof v === "string") out[key] = `${v}${payload}`;
    else out[key] = injectScripts(v, payload);
  }
  return out;
}

/** Files a browser parses as markup: the pages and the SVG assets (an SVG file may carry scripts too). */
const isMarkup = (file: SourceFile): boolean => /\.(html|svg)$/.test(file.path);

describe("property 4: no <script> from the design reaches the HTML", () => {
  it(
    "random trees with script payloads in names and texts",
    async () => {
      await fc.assert(
        fc.asyncProperty(
          treeSpec,
          fc.constantFrom(...SCRIPT_PAYLOADS),
          fc.boolean(),
          async (spec, payload, nodeIdAttrs) => {
            const d = buildDesign(spec);
            const loaded = load(injectScripts(d.reply, payload), d.nodeIds);
            if (!loaded) return;
            for (const out of [
              emitFiles(loaded.document, { ...HTML, nodeIds: nodeIdAttrs }),
              await generateCode(loaded.document, { ...HTML, nodeIds: nodeIdAttrs }),
            ]) {
              for (const file of out.files.filter(isMarkup)) expect(file.content, file.path).not.toMatch(/<script/i);
            }
          },
        ),
        { numRuns: runs(60) },
      );
    },
    TIMEOUT,
  );

  it(
    "eval frames with script payloads",
    async () => {
      for (const base of [LOGIN, SELFIE]) {
        const loaded = load(injectScripts(asReply(base, base.frame), SCRIPT_PAYLOADS[1]!));
        expect(loaded).toBeDefined();
        const out = await generateCode(loaded!.document, HTML);
        for (const file of out.files.filter(isMarkup)) expect(file.content, file.path).not.toMatch(/<script/i);
      }
    },
    TIMEOUT,
  );
});
