/**
 * The model hint is a lossless print of the design tree: parsing it gives back the same frames, and code
 * generated from the parsed hint is byte-identical to code generated from the REST JSON (assets and the
 * design tokens go by reference, so the original document's asset map and token table are swapped in: the
 * hint names assets and carries no tokens). Malformed hints fail with a line number.
 *
 * The hint the model gets (`modelHint`) is printed from the inferred tree (codegen/layout, issue 14): it
 * round-trips to that tree, and code from it equals the offline code, which infers the same tree.
 */
import { describe, expect, it } from "vitest";
import {
  generateCode,
  loadDesign,
  modelHint,
  parseHint,
  printHint,
  type CodeOptions,
  type DesignDocument,
} from "../codegen/index.js";
import { inferLayout } from "../codegen/layout/index.js";
import { typecheckReactProjects } from "./compile.js";
import { cachedGenerateCode } from "./helpers/run-cache.js";
import { EVAL_FILES, readFixture } from "./helpers/fixtures.js";

/** Generous limit for a loaded machine (the whole-file cases take a few seconds each when alone). */
const TIMEOUT = 180_000;

const normalise = (value: unknown): unknown => JSON.parse(JSON.stringify(value)) as unknown;

const TARGETS: CodeOptions[] = [
  { target: "react", styling: "css-modules", nodeIds: false },
  { target: "react", styling: "tailwind", nodeIds: true },
  { target: "html", styling: "css-modules", nodeIds: true },
];

const label = (o: CodeOptions): string => `${o.target}/${o.styling}${o.nodeIds ? " +nodeIds" : ""}`;

// The code from the JSON (`expected`) is generated once per run for a design and options: both round trips below
// and eval-files ask for the same. The code from the hint is always generated: it is what is tested.
describe.each(EVAL_FILES)("hint round trip: %s", (file) => {
  const doc = loadDesign(readFixture(file)).document;
  const hint = printHint(doc);

  it("parses back to the same frames", () => {
    expect(hint.split("\n")[0]).toBe("figment-hint 2");
    const parsed = parseHint(hint).document;
    expect(normalise(parsed.frames)).toEqual(normalise(doc.frames));
  });

  it.each(TARGETS.map((o) => [label(o), o] as const))(
    "generates byte-identical %s code from the hint",
    async (_name, options) => {
      const parsed = parseHint(hint).document;
      const fromHint: DesignDocument = {
        frames: parsed.frames,
        assets: doc.assets,
        ...(doc.tokens ? { tokens: doc.tokens } : {}),
      };
      const expected = await cachedGenerateCode(doc, options);
      const actual = await generateCode(fromHint, options);
      expect(actual.files.map((f) => f.path)).toEqual(expected.files.map((f) => f.path));
      for (let i = 0; i < expected.files.length; i++) {
        expect(actual.files[i]!.content, actual.files[i]!.path).toBe(expected.files[i]!.content);
      }
    },
    TIMEOUT,
  );
});

describe.each(EVAL_FILES.concat("../responsive/landing-absolute.file.json"))(
  "model hint (inferred tree) round trip: %s",
  (file) => {
    const doc = loadDesign(readFixture(file)).document;
    const inferred = inferLayout(doc);
    const hint = modelHint(doc);

    it("parses back to the inferred frames, wrappers without a Figma id included", () => {
      expect(hint).toBe(printHint(inferred));
      expect(normalise(parseHint(hint).document.frames)).toEqual(normalise(inferred.frames));
    });

    it.each(TARGETS.map((o) => [label(o), o] as const))(
      "generates byte-identical %s code from the model hint",
      async (_name, options) => {
        const parsed = parseHint(hint).document;
        const fromHint: DesignDocument = {
          frames: parsed.frames,
          assets: doc.assets,
          ...(doc.tokens ? { tokens: doc.tokens } : {}),
        };
        const expected = await cachedGenerateCode(doc, options);
        const actual = await generateCode(fromHint, options);
        expect(actual.files.map((f) => f.path)).toEqual(expected.files.map((f) => f.path));
        for (let i = 0; i < expected.files.length; i++)
          expect(actual.files[i]!.content, actual.files[i]!.path).toBe(expected.files[i]!.content);
      },
      TIMEOUT,
    );
  },
);

describe("a hint alone (assets named, no payload)", () => {
  it(
    "generates React and HTML for every eval file, and the React type-checks",
    async () => {
      const sets = [];
      const errors: string[] = [];
      for (const file of EVAL_FILES) {
        const parsed = parseHint(printHint(loadDesign(readFixture(file)).document)).document;
        for (const options of TARGETS) {
          const result = await generateCode(parsed, options);
          expect(result.files.length, `${file} ${label(options)}`).toBeGreaterThan(0);
          errors.push(
            ...result.problems
              .filter((p) => p.severity === "error")
              .map((p) => `${file} ${label(options)}: ${p.code} ${p.message}`),
          );
          if (options.target === "react") sets.push({ name: `${file} ${label(options)}`, files: result.files });
        }
      }
      expect(errors).toEqual([]);
      const { errors: tsErrors } = typecheckReactProjects(sets.map((s) => s.files));
      expect(sets.flatMap((s, i) => (tsErrors[i] ?? []).map((e) => `${s.name}: ${e}`))).toEqual([]);
    },
    TIMEOUT,
  );
});

describe("malformed hints", () => {
  const GOOD = ["figment-hint 1", "F 1:2 Card 100x50 f:#fff", " R :3 Box @10,10 20x20 f:#000"];

  it("accepts the well-formed base hint", () => {
    const { document } = parseHint(GOOD.join("\n"));
    expect(document.frames).toHaveLength(1);
    expect(document.frames[0]!.children).toHaveLength(1);
    expect(document.frames[0]!.children![0]!.id).toBe("1:3");
  });

  const expectLine = (lines: string[], line: number, detail: RegExp): void => {
    let caught: unknown;
    try {
      parseHint(lines.join("\n"));
    } catch (error) {
      caught = error;
    }
    expect(caught).toMatchObject({ name: "FigmentError", kind: "input" });
    const message = (caught as Error).message;
    expect(message).toMatch(new RegExp(`^line ${line}:`));
    expect(message).toMatch(detail);
  };

  it("rejects a missing header", () => {
    expectLine(GOOD.slice(1), 1, /not a Figment hint/);
  });

  it("rejects an unknown node kind", () => {
    expectLine([...GOOD, " Q :4 Thing 10x10"], 4, /unknown node kind "Q"/);
  });

  it("rejects bad indentation", () => {
    expectLine([...GOOD, "   R :4 Deep 10x10"], 4, /indentation/);
    expectLine(["figment-hint 1", " F 1:2 Card 100x50"], 2, /without a parent/);
  });

  it("rejects a node without a size", () => {
    expectLine([...GOOD, " R :4 Box @1,2 f:#000"], 4, /expected WxH/);
  });

  it("rejects an undefined style group", () => {
    expectLine(
      ["figment-hint 1", "$1 f:#000", "F 1:2 Card 100x50 $1", " R :3 Box 20x20 $2"],
      4,
      /undefined style group \$2/,
    );
  });
});
