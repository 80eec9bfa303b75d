/**
 * `figment diff` end to end through run(): two files (real successive versions, test/fixtures/diff), every repaired
 * form readDesign reads, Figma's versions from the Figma-REST test server (never Figma), a generated folder's record
 * (`.figment/`, written here by codegen/project/record.ts as figment code writes it), the versions listing, and each
 * refusal with its exit code.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { designFacts } from "../../codegen/design/design-diff.js";
import { recordFiles } from "../../codegen/project/record.js";
import {
  figmaError,
  rateLimited,
  startFigmaRestServer,
  type FigmaRestTestServer,
} from "../../test/figma-rest-server/server.js";
import { type Commit, VERSIONS, versionedFile, versionPath } from "../../test/helpers/design-versions.js";
import { captureIo } from "../../test/helpers/fixtures.js";
import { tempDirs } from "../../test/helpers/temp-dirs.js";
import { run } from "../run.js";

const TOKEN = "figd_diff-command-test";
const KEY = "JennyFileKey0123456789";
const [V1, V2, V3, NOW] = VERSIONS;
const newDir = tempDirs("figment-diff-");
let srv: FigmaRestTestServer;

beforeAll(async () => {
  srv = await startFigmaRestServer({ token: TOKEN, files: { [KEY]: versionedFile() } });
});
afterAll(() => srv.close());

async function figment(
  argv: string[],
  env: Record<string, string | undefined> = { FIGMA_TOKEN: TOKEN },
): Promise<{ code: number; stdout: string; stderr: string; sleeps: number[] }> {
  const io = captureIo();
  const sleeps: number[] = [];
  const code = await run(["diff", ...argv], io, { env, figma: { sleep: async (ms) => void sleeps.push(ms) } });
  const result = { code, stdout: io.stdout(), stderr: io.stderr(), sleeps };
  expect(result.stdout + result.stderr).not.toContain(TOKEN);
  return result;
}

const figma = (...more: string[]): string[] => ["--file-key", KEY, "--figma-base-url", srv.url, ...more];
const lastLine = (text: string): string => text.trimEnd().split("\n").at(-1)!;

/** A folder as figment code --out writes it: its code and its record of `commit`'s frames (nodes: `nodes`). */
function generated(commit: Commit | "hint", source: { fileKey?: string; nodes?: string[] } = {}): string {
  const dir = newDir();
  const design =
    commit === "hint"
      ? undefined
      : designFacts(JSON.parse(readFileSync(versionPath(commit), "utf8")) as unknown, source.nodes ?? []);
  const record = {
    figment: "0.1.0",
    createdAt: "2019-08-07T10:00:00.000Z",
    by: "cli" as const,
    source: {
      ...(commit === "hint" ? { hint: "hint.txt" } : { file: `psykolog-jenny-${commit}.nodes.json` }),
      ...(source.fileKey ? { fileKey: source.fileKey, version: V3.version } : {}),
      nodes: source.nodes ?? [],
      frames: design?.frames.map((id) => ({ id, name: id })) ?? [],
    },
    options: { target: "react" as const, styling: "css-modules" as const, nodeIds: false },
  };
  const code = [{ path: "src/App.tsx", content: "export default function App() { return null; }\n" }];
  for (const file of [...code, ...recordFiles(record, code, design)]) {
    mkdirSync(dirname(join(dir, file.path)), { recursive: true });
    writeFileSync(join(dir, file.path), file.content);
  }
  return dir;
}

describe("figment diff: two design files", () => {
  it("one change a line by name and id, then the summary; what was compared on stderr; exit 0", async () => {
    const [old, now] = [versionPath("8c76537"), versionPath("412cc73")];
    const { code, stdout, stderr } = await figment([old, now]);
    expect(code, stderr).toBe(0);
    expect(stdout).toBe(
      [
        "recoloured “Glada små uppdateringar” (TEXT 36:1): #000000 → #363636",
        "recoloured “Vill du hålla dig uppdaterad? Se till a…” (TEXT 36:18): #000000 → #363636",
        "2 recoloured",
      ].join("\n"),
    );
    expect(stderr).toBe(`figment: ${old} → ${now}`);
  });

  it("--json: { changes, summary, before, after }; the same design twice: no changes", async () => {
    const [old, now] = [versionPath("412cc73"), versionPath("c66ecf7")];
    const { code, stdout } = await figment([old, now, "--json"]);
    expect(code).toBe(0);
    const json = JSON.parse(stdout) as { changes: { kind: string; also?: string[] }[]; summary: string };
    expect(json).toMatchObject({
      summary: "16 moved, 14 resized, 2 added",
      before: { file: old },
      after: { file: now },
    });
    expect(json.changes.find((c) => c.also?.length === 3)).toMatchObject({ kind: "resized", id: "36:73" });
    const same = await figment([old, old, "--node", "35-34"]);
    expect([same.code, same.stdout]).toEqual([0, "no changes"]);
  });

  it("--node: only those frames; one missing from a side is an input error naming it and the file", async () => {
    const [old, now] = [versionPath("66a872a"), versionPath("8c76537")];
    const frame = await figment([old, now, "--node", "36:38"]);
    expect(frame.stdout).toBe("no changes");
    const missing = await figment([old, now, "--node", "36:38", "--node", "9:9"]);
    expect(missing.code).toBe(2);
    expect(missing.stdout).toBe("");
    expect(missing.stderr).toBe(`figment: ${old}: the design has no layer 9:9 (deleted, or another file?)`);
  });

  it("reads every form readDesign repairs (a byte-order mark, a fragment), each said once", async () => {
    const dir = newDir();
    const text = readFileSync(versionPath("8c76537"), "utf8");
    const bom = join(dir, "bom.json");
    writeFileSync(bom, `\uFEFF${text}`);
    const fragment = join(dir, "fragment.json");
    writeFileSync(fragment, `${text.slice(1, -1)},`);
    const { code, stdout, stderr } = await figment([bom, fragment]);
    expect(code, stderr).toBe(0);
    expect(stdout).toBe("no changes");
    expect(stderr.split("\n").filter((l) => l.startsWith("figment: note:"))).toHaveLength(2);
  });

  it("a missing file, and not Figma JSON, are input errors (exit 2)", async () => {
    const dir = newDir();
    const list = join(dir, "list.json");
    writeFileSync(list, "[1, 2]");
    expect((await figment([join(dir, "none.json"), versionPath("8c76537")])).code).toBe(2);
    const wrong = await figment([versionPath("8c76537"), list]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/^figment: .*list\.json.*not Figma JSON/);
  });
});

describe("figment diff: Figma's versions (the test server)", () => {
  it("--version ID: that version against the current one, the whole file or --node frames", async () => {
    srv.requests.length = 0;
    const whole = await figment(figma("--version", V3.version));
    expect(whole.code, whole.stderr).toBe(0);
    expect(lastLine(whole.stdout)).toBe("16 moved, 14 resized, 2 added");
    expect(whole.stderr).toBe(
      `figment: file ${KEY} at version ${V3.version}, saved ${V3.lastModified} → ` +
        `file ${KEY} at version ${NOW.version}, saved ${NOW.lastModified}`,
    );
    const frame = await figment(figma("--version", V2.version, "--node", "36:38", "--json"));
    expect(JSON.parse(frame.stdout)).toMatchObject({
      changes: [{ kind: "resized", id: "36:73", from: "322×231", to: "322×210" }],
      summary: "1 resized",
      before: { fileKey: KEY, version: V2.version, lastModified: V2.lastModified },
      after: { fileKey: KEY, version: NOW.version },
    });
    expect(srv.requests.map((r) => r.path)).toEqual([
      `/v1/files/${KEY}?version=${V3.version}`,
      `/v1/files/${KEY}`,
      `/v1/files/${KEY}/nodes?ids=36:38&version=${V2.version}`,
      `/v1/files/${KEY}/nodes?ids=36:38`,
    ]);
  });

  it("two versions, first against second; a design file against the current version (or one version)", async () => {
    const two = await figment(figma("--version", V2.version, "--version", V3.version));
    expect(two.stdout.split("\n")).toHaveLength(3);
    expect(lastLine(two.stdout)).toBe("2 recoloured");
    const file = await figment([versionPath("66a872a"), ...figma()]);
    expect(lastLine(file.stdout)).toBe("25 moved, 19 resized, 2 recoloured, 5 added");
    const one = await figment([versionPath("66a872a"), ...figma("--version", V2.version)]);
    expect(lastLine(one.stdout)).toBe("3 added, 9 moved, 5 resized");
    expect(V1.version).not.toBe(V2.version);
  });

  it("--versions: the file's versions, newest first (id, when, label, who); --json", async () => {
    const { code, stdout } = await figment(figma("--versions"));
    expect(code).toBe(0);
    expect(stdout.split("\n")).toEqual([
      `${NOW.version}\t2019-08-08T13:45:17Z\tNewsletter\tJenny`,
      `${V3.version}\t2019-08-06T11:08:21Z\tColours\tJohn`,
      `${V2.version}\t2019-07-29T19:26:23Z\t-\tJenny`,
      `${V1.version}\t2019-07-29T14:32:38Z\tIcons\tJohn`,
    ]);
    const json = JSON.parse((await figment(figma("--versions", "--json"))).stdout) as { versions: { id: string }[] };
    expect(json).toMatchObject({ fileKey: KEY, more: false });
    expect(json.versions.map((v) => v.id)).toEqual([NOW, V3, V2, V1].map((v) => v.version));
  });

  it("a frame the version lacks, an unknown version, file or token: exit 2; no token: where to get one", async () => {
    const missing = await figment(figma("--version", V1.version, "--node", "9:9"));
    expect([missing.code, missing.stderr]).toEqual([
      2,
      `figment: the file ${KEY} at version ${V1.version} has no layer 9:9 (deleted, or a layer of another file?)`,
    ]);
    const version = await figment(figma("--version", "123"));
    expect(version.code).toBe(2);
    expect(version.stderr).toContain(`figment diff --file-key ${KEY} --versions lists the file's versions`);
    const file = await figment(["--file-key", "Unknown", "--figma-base-url", srv.url, "--versions"]);
    expect(file.code).toBe(2);
    expect(file.stderr).toMatch(/^figment: Figma has no file for the versions of file Unknown \(404/);
    const refused = await figment(figma("--version", V1.version), { FIGMA_TOKEN: "figd_someone-else" });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^figment: Figma refused the request for the file \w+ at version \d+ \(403/);
    srv.script("versions", { status: 401, body: figmaError(401, "Unauthorized") });
    expect((await figment(figma("--versions"))).code).toBe(2);
    const none = await figment(figma("--versions"), {});
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^figment: --file-key needs a Figma token: set FIGMA_TOKEN/);
  });

  it("429: retried after Figma's Retry-After, said on stderr; still limited, exit 1", async () => {
    srv.script("file", rateLimited(3));
    const retried = await figment(figma("--version", V2.version, "--version", V3.version));
    expect(retried.code).toBe(0);
    expect(retried.sleeps).toEqual([3000]);
    expect(retried.stderr).toContain(
      `figma: rate-limited (429) on the file ${KEY} at version ${V2.version}; retrying in 3 s (1 of 3)`,
    );
    srv.script("versions", ...Array.from({ length: 4 }, () => rateLimited(1)));
    const limited = await figment(figma("--versions"));
    expect(limited.code).toBe(1);
    expect(lastLine(limited.stderr)).toMatch(/^figment: Figma rate-limited the request for the versions of file/);
  });
});

describe("figment diff --since DIR: a generated folder's record", () => {
  it("against a design file: the frames the code was made from", async () => {
    const dir = generated("412cc73", { nodes: ["35:34"] });
    const { code, stdout, stderr } = await figment(["--since", dir, versionPath("c66ecf7")]);
    expect(code, stderr).toBe(0);
    expect(stdout).toContain("resized “Seperator” (GROUP 36:4): 1440×459 → 1440×586");
    expect(lastLine(stdout)).toBe("16 moved, 14 resized, 2 added");
    expect(stderr).toBe(
      `figment: the design ${dir} was generated from (2019-08-07T10:00:00.000Z) → ${versionPath("c66ecf7")}`,
    );
  });

  it("against the file's current version on Figma: the record's file key, or --file-key", async () => {
    const dir = generated("8c76537", { fileKey: KEY });
    srv.requests.length = 0;
    const { code, stdout } = await figment(["--since", dir, "--figma-base-url", srv.url, "--json"]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({
      before: { record: dir, fileKey: KEY, version: V3.version, generatedAt: "2019-08-07T10:00:00.000Z" },
      after: { fileKey: KEY, version: NOW.version },
    });
    expect(srv.requests.map((r) => r.path)).toEqual([`/v1/files/${KEY}`]);
    const given = await figment(["--since", generated("412cc73", { nodes: ["35-34"] }), ...figma()]);
    expect(lastLine(given.stdout)).toBe("16 moved, 14 resized, 2 added");
    expect(srv.requests.at(-1)?.path).toBe(`/v1/files/${KEY}/nodes?ids=35:34`);
  });

  it("a folder without a record, a record without design facts or file key: errors that say what to do", async () => {
    const plain = newDir();
    const none = await figment(["--since", plain]);
    expect([none.code, none.stderr]).toEqual([
      2,
      `figment: ${plain} has no .figment/record.json: it was not generated by figment code --out (or was generated ` +
        `before records existed); generate it again with figment code <design.json> --out ${plain}`,
    ]);
    const hint = await figment(["--since", generated("hint"), versionPath("c66ecf7")]);
    expect(hint.code).toBe(2);
    expect(hint.stderr).toMatch(/has no \.figment\/design\.json: its code was made from hint\.txt/);
    const keyless = generated("412cc73");
    const noKey = await figment(["--since", keyless]);
    expect(noKey.code).toBe(2);
    expect(noKey.stderr).toContain(`give the new design, figment diff --since ${keyless} <new.json>, or the file`);
    expect((await figment(["--since", join(plain, "nowhere")])).stderr).toMatch(/no such folder$/);
  });
});

describe("figment diff: usage", () => {
  it.each([
    [["a.json"], "diff needs two designs: figment diff <old.json> <new.json>"],
    [["a.json", "b.json", "c.json"], "unexpected argument: c.json"],
    [["--version", "1"], "--version needs the Figma file: --file-key KEY"],
    [["--file-key", "K"], "--file-key KEY needs the version to compare from"],
    [["--file-key", "K", "--versions", "--node", "1:2"], "--versions lists the file's versions and compares nothing"],
    [["a.json", "b.json", "--file-key", "K"], "two designs are compared with each other: --file-key does not apply"],
    [["--file-key", "K", "--version", "1", "--version", "2", "--version", "3"], "--version is given once"],
    [["--since", "d", "--node", "1:2"], "--node does not apply with --since DIR"],
    [["--since", "d", "--version", "1"], "--version does not apply with --since DIR"],
    [["--since", "d", "a.json", "--file-key", "K"], "not both"],
    [["a.json", "b.json", "--figma-token", "x"], "--figma-token and --figma-base-url only apply with --file-key"],
    [["--file-key", "K", "--version", "a b"], "--version needs a version id of the file"],
    [["--file-key", "not a key", "--versions"], "--file-key needs a Figma file key"],
    [["a.json", "b.json", "--target", "html"], "Unknown option '--target' (figment diff --help lists the flags)"],
  ])("%j: exit 2, said", async (argv, message) => {
    const { code, stdout, stderr } = await figment(argv);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toContain(message);
  });
});
