/**
 * Design files as people save them, through the commands (cli/io.ts readDesignJson, codegen/rest/reply-text.ts):
 * every real designer's file in test/fixtures/real/ lists its frames — the fragment without its outer braces among
 * them, with a note — and a byte-order mark, UTF-16, a trailer and a wrapper are read by every command that takes a
 * design file; what holds no JSON is one line naming what was expected.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { captureIo, fixturePath, REPO_ROOT } from "../test/helpers/fixtures.js";
import { tempDirs } from "../test/helpers/temp-dirs.js";
import { run } from "./run.js";

const REAL = join(REPO_ROOT, "test", "fixtures", "real");
const LOGIN = fixturePath("figmasharp-login.file.json");
const newDir = tempDirs("figment-design-input-");

async function figment(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const io = captureIo();
  const code = await run(argv, io);
  return { code, stdout: io.stdout(), stderr: io.stderr() };
}

describe("design files as people save them", () => {
  it("lists the frames of every real designer's file; the fragment is read with a note", async () => {
    const files = readdirSync(REAL).filter((f) => f.endsWith(".json"));
    expect(files).toHaveLength(9);
    for (const file of files) {
      const { code, stdout, stderr } = await figment("frames", join(REAL, file));
      expect(code, `${file}: ${stderr}`).toBe(0);
      expect(stdout.split("\n").length, file).toBeGreaterThan(0);
      expect(stdout, file).toMatch(/^\d+:\d+\t/);
      if (file.includes(".fragment.")) {
        expect(stdout).toBe("1:14291\tDial picker\tCOMPONENT_SET\t960×1119\t421 nodes");
        expect(stderr).toMatch(/^figment: note: .*smart-ui-mes-dial-picker\.fragment\.json: it holds an object's members without their outer braces, a fragment/);
      } else {
        expect(stderr, file).toBe("");
      }
    }
  });

  it("reads a byte-order mark, UTF-16 LE and BE, a trailer and a wrapper in every command", async () => {
    const dir = newDir();
    const text = readFileSync(LOGIN, "utf8");
    const utf16le = Buffer.from(text, "utf16le");
    const utf16be = Buffer.from(utf16le).swap16();
    const variants: [string, Buffer, RegExp][] = [
      ["bom.json", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]), /UTF-8 byte-order mark/],
      ["le.json", Buffer.concat([Buffer.from([0xff, 0xfe]), utf16le]), /UTF-16 LE text with a byte-order mark/],
      ["be.json", Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be]), /UTF-16 BE text with a byte-order mark/],
      ["trailer.json", Buffer.from(`${text}\nHTTP_STATUS:200\n`), /text after the JSON: "HTTP_STATUS:200"/],
      ["wrapped.json", Buffer.from(`{"status": 200, "meta": ${text}}`), /inside a wrapper \(read the value of "meta"\)/],
    ];
    const plain = await figment("frames", LOGIN);
    for (const [name, bytes, note] of variants) {
      const path = join(dir, name);
      writeFileSync(path, bytes);
      const listed = await figment("frames", path);
      expect(listed.code, `${name}: ${listed.stderr}`).toBe(0);
      expect(listed.stdout, name).toBe(plain.stdout);
      expect(listed.stderr, name).toMatch(note);
      // The other commands read design files the same way.
      for (const argv of [["hints", path], ["analyze", path, "--json"], ["search", path, "log in"], ["code", path, "--out", join(dir, `out-${name}`)]]) {
        const ran = await figment(...argv);
        expect(ran.code, `${argv.join(" ")}: ${ran.stderr}`).toBe(0);
        expect(ran.stderr, argv.join(" ")).toMatch(note);
      }
    }
  });

  it("refuses a file that is no Figma reply with one line naming what was expected", async () => {
    const dir = newDir();
    const cases: [string, string, RegExp][] = [
      ["html.json", "<html>nope</html>", /^figment: not Figma JSON: .*html\.json is not valid JSON \(.+\); expected a Figma REST reply: the JSON of GET \/v1\/files\/:key or \/nodes, or a plugin's JSON_REST_V1 export$/],
      ["empty.json", " \n", /^figment: not Figma JSON: .*empty\.json is empty; expected a Figma REST reply/],
      ["other.json", '{"hello": "world"}', /^figment: not Figma JSON: expected `document`, `nodes`, or a node with id and type \(a Figma REST reply\), found an object with key "hello"$/],
    ];
    for (const [name, content, message] of cases) {
      const path = join(dir, name);
      writeFileSync(path, content);
      for (const command of ["frames", "code", "analyze"]) {
        const { code, stdout, stderr } = await figment(command, path, ...(command === "code" ? ["--out", join(dir, "never")] : []));
        expect(code, `${command} ${name}`).toBe(2);
        expect(stdout).toBe("");
        expect(stderr, `${command} ${name}`).toMatch(message);
        expect(stderr).not.toContain("\n");
      }
    }
  });
});
