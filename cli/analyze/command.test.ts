/**
 * `figment analyze` through `run(argv, io)`: the readable list, the --json shape, --node (judged inside its
 * frame), exit code 2 with a clear message for bad input, the help; last, the bundled binary.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Finding } from "../../codegen/analyze/index.js";
import { captureIo, fixturePath, REPO_ROOT } from "../../test/helpers/fixtures.js";
import { run } from "../run.js";

const LOGIN = fixturePath("figmasharp-login.file.json");
const DIALOG = fixturePath("figmasharp-bundler-dialog.file.json");

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), "figment-analyze-"));
});
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

async function figment(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const io = captureIo();
  const code = await run(argv, io);
  return { code, stdout: io.stdout(), stderr: io.stderr() };
}

async function findings(...argv: string[]): Promise<Finding[]> {
  const { code, stdout, stderr } = await figment("analyze", ...argv, "--json");
  expect(stderr).toBe("");
  const report = JSON.parse(stdout) as { findings: Finding[] };
  expect(Object.keys(report)).toEqual(["findings"]);
  // A failed check (an error finding) exits 1, as a linter's errors do.
  expect(code).toBe(report.findings.some((f) => f.severity === "error") ? 1 : 0);
  return report.findings;
}

describe("figment analyze", () => {
  it(
    "lists the findings one per line, most severe first, " + "with a count, and exits 1 for the error among them",
    async () => {
      const { code, stdout, stderr } = await figment("analyze", LOGIN);
      expect(code).toBe(1);
      expect(stderr).toBe("");
      const lines = stdout.split("\n");
      expect(lines[0]).toBe(
        'error   contrast      “Log In” — Text "Log In" has contrast 3.37:1 ' +
          "(#ffffff on #ff473a); WCAG 2.2 AA needs 4.5:1 for normal text. (id 101:9)",
      );
      expect(lines[1]).toMatch(
        /^warning text-size {5}“Forgot your password\?” — Text "Forgot your password\?" is 10 px.* \(id 101:11\)$/,
      );
      expect(lines.at(-1)).toBe("12 findings: 1 error, 2 warnings, 9 info");
      expect(lines).toHaveLength(13);
    },
  );

  it('names each layer as Figma\'s layers panel does, a generated name ("Frame 8") included', async () => {
    const { stdout } = await figment("analyze", LOGIN);
    expect(stdout).not.toContain("unnamed");
    expect(stdout).toMatch(/^info {4}frame-name {4}“Frame 8” — Frame has a generated name;.* \(id 101:37\)$/m);
    expect(stdout).toMatch(/^info {4}frame-name {4}“Frame 6” — .* \(id 101:21\)$/m);
  });

  it("prints { findings } with --json: kinds, severities and each kind's figures", async () => {
    const all = await findings(DIALOG);
    const contrast = all.find((f) => f.kind === "contrast" && f.severity === "error");
    expect(contrast).toEqual({
      nodeId: "I160:188;23:45",
      nodeName: "lbl",
      kind: "contrast",
      severity: "error",
      message: 'Text "Layout" has contrast 3.04:1 (#8d8d8d on #f5f5f5); WCAG 2.2 AA needs 4.5:1 for normal text.',
      ratio: 3.04,
      required: 4.5,
      foreground: "#8d8d8d",
      background: "#f5f5f5",
      large: false,
    });
    const target = all.find((f) => f.kind === "target-size");
    expect(target).toMatchObject({
      nodeId: "25:7",
      nodeName: "Pop Up Button/Standard",
      severity: "warning",
      width: 219,
      height: 19,
      minimum: 24,
    });
    const unknown = all.find((f) => f.kind === "contrast" && f.severity === "info")!;
    expect(unknown).not.toHaveProperty("ratio");
    expect(unknown).toMatchObject({ required: 4.5, large: false });
    const order = all.map((f) => ["error", "warning", "info"].indexOf(f.severity));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it("judges --node layers inside their frame, so a button label still finds its button", async () => {
    expect(
      (await findings(LOGIN, "--node", "101:9")).map((f) => [
        f.nodeId,
        f.kind,
        f.severity,
        f.kind === "contrast" ? f.ratio : undefined,
      ]),
    ).toEqual([["101:9", "contrast", "error", 3.37]]);
    // URL-style ids work too, and several --node flags add up.
    const both = await findings(LOGIN, "--node", "101-11", "--node", "101:21");
    expect(both.map((f) => `${f.kind} ${f.nodeId}`)).toEqual([
      "text-size 101:11",
      "frame-name 101:21",
      "contrast 101:36",
      "contrast 101:11",
    ]);
    // A whole frame gives what the file gives.
    expect(await findings(LOGIN, "--node", "101:3")).toEqual(await findings(LOGIN));
  });

  it("says 'no findings' when there are none", async () => {
    const { code, stdout } = await figment("analyze", fixturePath("grida-stroke.file.json"));
    expect(code).toBe(0);
    expect(stdout).toBe("no findings");
    expect(await findings(fixturePath("grida-stroke.file.json"))).toEqual([]);
  });

  it("exits 2 with a clear message for bad input", async () => {
    const notJson = join(tmp, "not.json");
    writeFileSync(notJson, "{ nope");
    const notFigma = join(tmp, "other.json");
    writeFileSync(notFigma, JSON.stringify({ hello: "world" }));
    const cases: [string[], RegExp][] = [
      [["analyze"], /^figment: analyze needs a design file/],
      [["analyze", join(tmp, "missing.json")], /^figment: no such file: .*missing\.json$/],
      [["analyze", notJson], /^figment: not Figma JSON: .*not\.json is not valid JSON/],
      [["analyze", notFigma], /^figment: not Figma JSON/],
      [["analyze", LOGIN, "--node", "999:1"], /^figment: unknown node id 999:1$/],
      [["analyze", LOGIN, "--node", " "], /^figment: --node needs a node id/],
      [["analyze", LOGIN, "--target", "html"], /^figment: Unknown option '--target'.*figment analyze --help/],
      [["analyze", LOGIN, "extra.json"], /^figment: unexpected argument: extra\.json$/],
      [["analyze", LOGIN, "--ai", "--json"], /^figment: --json does not apply with --ai/],
    ];
    for (const [argv, message] of cases) {
      const { code, stdout, stderr } = await figment(...argv);
      expect(code, argv.join(" ")).toBe(2);
      expect(stdout).toBe("");
      expect(stderr).toMatch(message);
    }
  });

  it("explains itself with --help, and the main help names it", async () => {
    const help = await figment("analyze", "--help");
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^figment analyze — /);
    for (const kind of ["contrast", "target-size", "text-size", "text-in-image", "image-name", "frame-name"])
      expect(help.stdout).toContain(`  ${kind} `);
    expect((await figment("--help")).stdout).toContain("figment analyze <design.json> [--node ID]... [--json]");
  });
});

describe("figment analyze, the built binary (dist/cli.js)", () => {
  const cli = join(REPO_ROOT, "dist", "cli.js");

  it("prints the findings as JSON and exits 1 for the error among them", () => {
    // test/global-setup.ts builds dist/ once before every run.
    expect(existsSync(cli)).toBe(true);
    const result = spawnSync(process.execPath, [cli, "analyze", LOGIN, "--json"], { encoding: "utf8" });
    expect(result.status, result.stderr).toBe(1);
    expect((JSON.parse(result.stdout) as { findings: Finding[] }).findings).toHaveLength(12);
  });
});
