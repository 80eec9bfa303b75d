/**
 * `figment layers --variables / --design`: the REST reply's values bound to the file's variables (issue 51), with
 * the choice the plugin makes (contract/layer-variables.ts), written as Figma's REST API writes bindings, and read
 * back by codegen as tokens. Real files: over-promo (test/fixtures/real: 533 bindings of library variables — fills,
 * strokes, gaps, paddings, radii — and no variables reply, so `--design` offers them with the values its layers
 * show) and figma-differ-selfie with selfie.variables.json (its three real library spacing variables, `--variables`).
 * On main `layers` has neither flag (exit 2) and no reply carries `boundVariables`.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { DesignVariables } from "../../codegen/design/extras.js";
import { loadDesign } from "../../codegen/index.js";
import {
  designUse,
  KIND_OF_FIELD,
  REST_NESTED,
  VariableChooser,
  type VariableOption,
  valueKey,
  variablesSeenIn,
} from "../../contract/layer-variables.js";
import { runBrowser } from "../../test/helpers/browser.js";
import { captureIo, fixturePath } from "../../test/helpers/fixtures.js";
import { tempDirs } from "../../test/helpers/temp-dirs.js";
import { run } from "../run.js";

type Json = Record<string, unknown>;
const isRecord = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const tempDir = tempDirs("figment-layer-vars-cli-");
const OVER = "test/fixtures/real/over-promo.nodes.json";
const OVER_FRAME = "8958:5498";
const readJson = (path: string): Json => JSON.parse(readFileSync(path, "utf8")) as Json;
const overRoot = (): Json => ((readJson(OVER)["nodes"] as Json)[OVER_FRAME] as Json)["document"] as Json;

function walk(node: Json, visit: (n: Json, parent: Json | undefined) => void, parent?: Json): void {
  visit(node, parent);
  for (const c of (node["children"] as Json[] | undefined) ?? []) walk(c, visit, node);
}

/** A node's bindings, field → variable id (REST's nested groups flat; fills/strokes: their first alias). */
function bindingsOf(node: Json): Map<string, string> {
  const out = new Map<string, string>();
  const bound = isRecord(node["boundVariables"]) ? node["boundVariables"] : {};
  for (const [field, v] of Object.entries(bound)) {
    if (isRecord(v) && typeof v["id"] === "string") out.set(field, v["id"]);
    if (Array.isArray(v) && isRecord(v[0]) && typeof v[0]["id"] === "string") out.set(field, v[0]["id"]);
    for (const [key, flat] of Object.entries(REST_NESTED[field] ?? {})) {
      const inner = isRecord(v) ? v[key] : undefined;
      if (isRecord(inner) && typeof inner["id"] === "string") out.set(flat, inner["id"]);
    }
  }
  return out;
}

const BOUND_HERE = /^(fills|strokes|itemSpacing|padding|counterAxisSpacing|(top|bottom)(Left|Right)Radius)/;

/** The seen variables as a variables/local meta (what codegen's --variables reads), named by their order. */
function asVariablesMeta(options: readonly VariableOption[]): DesignVariables {
  const variables: Json = {};
  options.forEach((o, i) => {
    const colour = typeof o.value !== "number";
    variables[o.id] = {
      id: o.id,
      name: colour ? `color/${i + 1}` : `space/${i + 1}`,
      key: o.id,
      variableCollectionId: "file",
      resolvedType: colour ? "COLOR" : "FLOAT",
      valuesByMode: { m: o.value },
      remote: false,
      description: "",
      hiddenFromPublishing: false,
      scopes: o.scopes,
      codeSyntax: {},
    };
  });
  const collection = { id: "file", name: "File", key: "file", modes: [{ modeId: "m", name: "Value" }] };
  return {
    variables,
    variableCollections: { file: { ...collection, defaultModeId: "m", variableIds: options.map((o) => o.id) } },
  } as unknown as DesignVariables;
}

describe("the variable choice on a real design's own bindings (contract/layer-variables.ts)", () => {
  it("over-promo: every binding's own value picks its own variable, radii read from rectangleCornerRadii", () => {
    const root = overRoot();
    const seen = variablesSeenIn([root]);
    const chooser = new VariableChooser(seen, designUse([root]));
    const byId = new Map(seen.map((o) => [o.id, o]));
    let total = 0;
    let same = 0;
    let radii = 0;
    walk(root, (n) => {
      for (const [field, id] of bindingsOf(n)) {
        const kind =
          field === "fills"
            ? n["type"] === "TEXT"
              ? "textFill"
              : "fill"
            : field === "strokes"
              ? "stroke"
              : KIND_OF_FIELD[field];
        const own = byId.get(id);
        if (!kind || !own) continue;
        total++;
        if (/Radius$/.test(field)) radii++;
        if (chooser.pick(kind, own.value, String(n["id"]), field)?.id === id) same++;
      }
    });
    // Measured: 50 variables seen; 586 bindings of fills, strokes, gaps, paddings, radii (72 radius corners), all own.
    expect(seen.length).toBeGreaterThan(40);
    expect(radii).toBeGreaterThan(40);
    expect(same).toBe(total);
  });
});

describe.runIf(runBrowser)("figment layers --design / --variables: boundVariables in the REST reply", () => {
  it("over-promo: design → code → layers --design binds the design's own variables, read back", async () => {
    const dir = tempDir();
    const code = captureIo();
    const codeArgs = ["code", OVER, "--node", OVER_FRAME, "--target", "html", "--node-ids", "--out", join(dir, "code")];
    expect(await run(codeArgs, code), code.stderr()).toBe(0);
    const out = join(dir, "layers.json");
    const io = captureIo();
    const args = ["layers", join(dir, "code"), "--width", "1440", "--design", OVER, "--out", out];
    expect(await run(args, io), io.stderr()).toBe(0);
    const rest = readJson(out);
    const frame = (((rest["document"] as Json)["children"] as Json[])[0]!["children"] as Json[])[0]!;

    // Each layer by the design layer it came from (a text layer: its element's, the parent's sourceId).
    const bySource = new Map<string, Json[]>();
    let made = 0;
    walk(frame, (n, parent) => {
      made += bindingsOf(n).size;
      const own = ((n["pluginData"] as Json | undefined)?.["figment"] as Json | undefined)?.["sourceId"];
      const parentId = ((parent?.["pluginData"] as Json | undefined)?.["figment"] as Json | undefined)?.["sourceId"];
      const id = typeof own === "string" ? own : n["type"] === "TEXT" ? parentId : undefined;
      if (typeof id === "string") bySource.set(id, [...(bySource.get(id) ?? []), n]);
    });
    const root = overRoot();
    const seen = new Map(variablesSeenIn([root]).map((o) => [o.id, o]));
    let design = 0;
    let back = 0;
    walk(root, (n) => {
      for (const [field, id] of bindingsOf(n)) {
        const layers = bySource.get(String(n["id"]));
        if (!BOUND_HERE.test(field) || !layers || n["visible"] === false) continue;
        design++;
        if (layers.some((l) => bindingsOf(l).get(field) === id)) back++;
      }
    });
    // Every binding holds its variable's value (8-bit colours, numbers exact) and names a variable the design binds.
    const wrong: string[] = [];
    walk(frame, (n) => {
      for (const field of ["fills", "strokes"])
        for (const p of (n[field] as Json[] | undefined) ?? []) {
          const alias = isRecord(p["boundVariables"]) ? (p["boundVariables"]["color"] as Json) : undefined;
          if (!alias) continue;
          const c = p["color"] as { r: number; g: number; b: number };
          const value = { ...c, a: typeof p["opacity"] === "number" ? p["opacity"] : 1 };
          const want = seen.get(String(alias["id"]))?.value;
          if (!want || valueKey(want) !== valueKey(value)) wrong.push(`${String(n["name"])} ${field}`);
        }
    });
    // Measured: 336 fields bound; of the design's 300 bindings of these fields on layers that came back (an SVG's
    // shapes among them), 296 come back with the same variable (0.717 when the shapes' paints were left unbound).
    expect(io.stderr()).toMatch(/\d+ values bound to the file's variables/);
    expect(wrong).toEqual([]);
    expect(made).toBeGreaterThan(150);
    expect(design).toBeGreaterThan(200);
    expect(back / design).toBeGreaterThan(0.95);

    // Codegen reads the reply's bindings back as tokens: the same variables, radii among them.
    const variables = asVariablesMeta([...seen.values()]);
    const tokensOf = (json: unknown): Set<string> =>
      new Set(loadDesign(json, [], { variables }).document.tokens?.tokens.map((t) => t.key) ?? []);
    const fromDesign = tokensOf(readJson(OVER));
    const fromLayers = tokensOf(rest);
    // Measured: 34 tokens from the layers, 32 of them among the design's 71 (2 the design binds on layers its code
    // draws otherwise); none on main (no binding in the reply).
    expect([...fromLayers].filter((k) => !seen.has(k))).toEqual([]);
    expect([...fromLayers].filter((k) => fromDesign.has(k)).length).toBeGreaterThan(25);
    const radius = loadDesign(rest, [], { variables }).document.tokens?.tokens.filter((t) => t.group === "radius");
    expect(radius?.length).toBeGreaterThan(0);
  });

  it("smart-ui dial picker: the text layers' type comes back bound to the design's type-scale variables", async () => {
    const design = "test/fixtures/real/smart-ui-mes-dial-picker.fragment.json";
    const dir = tempDir();
    const code = captureIo();
    expect(await run(["code", design, "--target", "html", "--node-ids", "--out", join(dir, "code")], code)).toBe(0);
    const out = join(dir, "layers.json");
    const io = captureIo();
    const args = ["layers", join(dir, "code"), "--width", "960", "--design", design, "--out", out, "--json"];
    expect(await run(args, io), io.stderr()).toBe(0);
    // The reply's text layers by the design layer they came from (their element's sourceId).
    const bySource = new Map<string, Json[]>();
    walk(readJson(out)["document"] as Json, (n, parent) => {
      const id = ((parent?.["pluginData"] as Json | undefined)?.["figment"] as Json | undefined)?.["sourceId"];
      if (n["type"] === "TEXT" && typeof id === "string") bySource.set(id, [...(bySource.get(id) ?? []), n]);
    });
    const root = (JSON.parse(`{${readFileSync(design, "utf8").trim().replace(/,$/, "")}}`) as Json)["document"] as Json;
    const seen = new Map(variablesSeenIn([root]).map((o) => [o.id, o]));
    const fields = ["fontFamily", "fontStyle", "fontSize", "lineHeight", "letterSpacing"];
    let designCount = 0;
    let back = 0;
    walk(root, (n) => {
      const layers = bySource.get(String(n["id"]));
      if (n["type"] !== "TEXT" || !layers || n["visible"] === false) return;
      for (const [field, id] of bindingsOf(n)) {
        if (!fields.includes(field)) continue;
        designCount++;
        if (layers.some((l) => bindingsOf(l).get(field) === id)) back++;
      }
    });
    // Every text binding holds its run's value (the style REST writes: size, line height px, family), within the
    // 1/100 px a page's em-rounded tracking and leading read back with.
    const wrong: string[] = [];
    walk(readJson(out)["document"] as Json, (n) => {
      const style = (n["style"] ?? {}) as Json;
      const bound = (style["boundVariables"] ?? {}) as Record<string, { id: string }>;
      for (const [field, alias] of Object.entries(bound)) {
        const value = style[field === "lineHeight" ? "lineHeightPx" : field];
        const want = seen.get(alias.id)?.value;
        const near = typeof want === "number" && typeof value === "number" && Math.abs(want - value) <= 0.005;
        if (!near && (want === undefined || valueKey(want) !== valueKey(value as number | string)))
          wrong.push(`${String(n["name"])} ${field}`);
      }
    });
    // Measured: every family, style, size, line height and letter spacing binding of the design's text layers that
    // came back returns with the same variable (the style too, now that REST writes fontStyle; none came back before).
    expect(wrong).toEqual([]);
    expect(designCount).toBeGreaterThan(300);
    expect(back / designCount).toBeGreaterThan(0.95);
    expect((JSON.parse(io.stdout()) as { variables: number }).variables).toBeGreaterThan(400);

    // The variables come out beside the reply (a variables/local reply), so the round trip reads them back: the
    // type-scale variables as tokens in the stylesheet, used by the text.
    const varsFile = join(dir, "layers.variables.json");
    const again = captureIo();
    const againArgs = ["code", out, "--target", "html", "--variables", varsFile, "--out", join(dir, "back")];
    expect(await run(againArgs, again), again.stderr()).toBe(0);
    const css = readFileSync(join(dir, "back", "styles.css"), "utf8");
    expect(css).toMatch(/font-size: var\(--/);
    expect(css).toMatch(/line-height: var\(--/);
  });

  it("figma-differ-selfie + its variables reply: gaps and paddings bound, code with tokens", async () => {
    const design = fixturePath("figma-differ-selfie.nodes.json");
    const vars = "test/fixtures/tokens/selfie.variables.json";
    const dir = tempDir();
    const code = captureIo();
    const codeArgs = ["code", design, "--target", "html", "--node-ids", "--out", join(dir, "code")];
    expect(await run(codeArgs, code), code.stderr()).toBe(0);
    const out = join(dir, "layers.json");
    const io = captureIo();
    expect(await run(["layers", join(dir, "code"), "--width", "375", "--variables", vars, "--out", out], io)).toBe(0);
    const ids = new Set(Object.keys((readJson(vars)["meta"] as Json)["variables"] as Json));
    const fields: string[] = [];
    walk(readJson(out)["document"] as Json, (n) => {
      for (const [field, id] of bindingsOf(n)) if (ids.has(id)) fields.push(field);
    });
    expect(fields).toContain("itemSpacing");
    expect(fields).toContain("paddingLeft");
    // The reply read back with the same variables: the spacing tokens in the stylesheet and used.
    const back = captureIo();
    expect(await run(["code", out, "--target", "html", "--variables", vars, "--out", join(dir, "back")], back)).toBe(0);
    const css = readFileSync(join(dir, "back", "styles.css"), "utf8");
    expect(css).toMatch(/--spacing-(3|6|8):/);
    expect(css).toMatch(/var\(--spacing-(3|6|8)\)/);
  });

  it("a bad variables file is a usage error before the browser starts", async () => {
    const dir = tempDir();
    const bad = join(dir, "vars.json");
    writeFileSync(bad, JSON.stringify({ document: {} }));
    writeFileSync(join(dir, "index.html"), "<p>x</p>");
    const io = captureIo();
    expect(await run(["layers", dir, "--variables", bad], io)).toBe(2);
    expect(io.stderr()).toMatch(/--variables .*not a Figma variables reply/);
  });
});
