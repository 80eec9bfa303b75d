/**
 * `figment code DESIGN.json --variables VARS.json`: the variables/local reply (whole, or its `meta` as the
 * plugin exports it) turns bound properties into tokens in every styling; a bad file is exit 2 with a
 * message naming the file and the fault, and nothing is written.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { captureIo } from "../../test/helpers/fixtures.js";
import { loginVariables, loginWithBindings } from "../../test/helpers/token-fixtures.js";
import { CODE_USAGE } from "../help.js";
import { run } from "../run.js";

let tmp: string;
let design: string;
let vars: string;

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), "figment-vars-"));
  design = join(tmp, "login.json");
  writeFileSync(design, JSON.stringify(loginWithBindings()));
  vars = join(tmp, "vars.json");
  writeFileSync(vars, JSON.stringify({ status: 200, error: false, meta: loginVariables() }));
});

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function figment(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const io = captureIo();
  const code = await run(argv, io);
  return { code, stdout: io.stdout(), stderr: io.stderr() };
}

describe("figment code --variables", () => {
  it("writes tokens.css and uses var(--…) in the CSS modules", async () => {
    const out = join(tmp, "react");
    const { code } = await figment("code", design, "--variables", vars, "--out", out);
    expect(code).toBe(0);
    const tokens = readFileSync(join(out, "src/tokens.css"), "utf8");
    expect(tokens).toContain("--color-brand-primary: var(--palette-red-500);");
    expect(tokens).toContain('[data-theme="dark"] {');
    expect(readFileSync(join(out, "src/screens/LogInPage.module.css"), "utf8")).toContain(
      "background-color: var(--color-brand-primary);",
    );
  });

  it("takes the plugin's export (the reply's meta alone) and writes the HTML stylesheet with tokens", async () => {
    const meta = join(tmp, "meta.json");
    writeFileSync(meta, JSON.stringify(loginVariables()));
    const out = join(tmp, "html");
    expect((await figment("code", design, "--variables", meta, "--target", "html", "--out", out)).code).toBe(0);
    const css = readFileSync(join(out, "styles.css"), "utf8");
    expect(css).toMatch(/:root \{\n {2}--palette-gray-50: #fcfcfc;/);
    expect(css).toContain("color: var(--color-text-inverse);");
  });

  it("makes the tokens the Tailwind theme, imported by the project's tailwind.css", async () => {
    const out = join(tmp, "tw");
    expect(
      (await figment("code", design, "--variables", vars, "--styling", "tailwind", "--project", "--out", out)).code,
    ).toBe(0);
    expect(readFileSync(join(out, "src/tokens.css"), "utf8")).toContain("@theme static {");
    expect(readFileSync(join(out, "src/tailwind.css"), "utf8")).toBe(
      '@import "tailwindcss";\n@import "./tokens.css";\n@import "./fonts.css";\n',
    );
    expect(readFileSync(join(out, "src/screens/LogInPage.tsx"), "utf8")).toContain("bg-brand-primary");
  });

  it("without --variables notes that layers are bound, and writes literals", async () => {
    const { code, stdout } = await figment("code", design, "--json", "--out", join(tmp, "plain"));
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as { problems: { message: string }[]; files: { path: string }[] };
    expect(report.problems.some((p) => /no variables were given/.test(p.message))).toBe(true);
    expect(report.files.map((f) => f.path)).not.toContain("src/tokens.css");
  });

  const BAD: [string, string, RegExp][] = [
    ["not JSON", "{ nope", /--variables .*bad\.json is not valid JSON/],
    [
      "a design file",
      JSON.stringify({ document: { id: "0:0", type: "DOCUMENT" } }),
      /not a Figma variables reply: .*looks like a design file/,
    ],
    [
      "an error reply",
      JSON.stringify({ status: 403, error: true, message: "Invalid token" }),
      /error reply from Figma \(status 403: Invalid token\)/,
    ],
    [
      "a variable without values",
      JSON.stringify({
        meta: {
          variables: { "V:1": { name: "a", variableCollectionId: "C:1", resolvedType: "COLOR" } },
          variableCollections: {},
        },
      }),
      /variable V:1 has no valuesByMode/,
    ],
    [
      "a collection without modes",
      JSON.stringify({ meta: { variables: {}, variableCollections: { "C:1": { name: "Theme", modes: [] } } } }),
      /variable collection C:1 has no modes/,
    ],
  ];
  for (const [what, content, message] of BAD) {
    it(`refuses ${what} with exit code 2 and writes nothing`, async () => {
      const bad = join(tmp, "bad.json");
      writeFileSync(bad, content);
      const out = join(tmp, `bad-${what.replace(/\W+/g, "-")}`);
      const { code, stderr } = await figment("code", design, "--variables", bad, "--out", out);
      expect(code).toBe(2);
      expect(stderr).toMatch(message);
      expect(existsSync(out)).toBe(false);
    });
  }

  it("refuses a missing file, and --variables outside figment code", async () => {
    const missing = await figment("code", design, "--variables", join(tmp, "nope.json"));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no such file: .*nope\.json/);
    const hints = await figment("hints", design, "--variables", vars);
    expect(hints.code).toBe(2);
    expect(hints.stderr).toMatch(/--variables only applies to figment code/);
  });

  it("is in figment code's help", () => {
    expect(CODE_USAGE).toContain("[--variables VARS.json]");
    expect(CODE_USAGE).toMatch(/--variables takes the file's GET \/v1\/files\/:key\/variables\/local reply/);
  });
});
