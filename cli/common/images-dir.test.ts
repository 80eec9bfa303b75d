/**
 * `figment code DESIGN.json --images DIR`: image fills read from DIR/<imageRef>.<ext> with real PNG and JPEG
 * bytes, written byte-exact under the names the code references; a missing file is a listed problem; a
 * folder that cannot be read is exit 2.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { imageRefsIn } from "../../codegen/rest/image-refs.js";
import { encodePng } from "../../test/openai-server/png.js";
import { captureIo, fixturePath, listFiles, readFixture, REPO_ROOT } from "../../test/helpers/fixtures.js";
import { run } from "../run.js";

const JPEG = readFileSync(join(REPO_ROOT, "test/fixtures/images/gradient-300x200.jpg"));
const PNG = encodePng(12, 6, { seed: 4 });

let tmp: string;
let design: string;
let images: string;

const box = (x: number, y: number, width: number, height: number) => ({ x, y, width, height });
const fill = (imageRef: string) => [{ type: "IMAGE", imageRef, scaleMode: "FILL" }];

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), "figment-images-"));
  design = join(tmp, "design.json");
  writeFileSync(
    design,
    JSON.stringify({
      document: {
        id: "1:1",
        name: "Gallery",
        type: "FRAME",
        absoluteBoundingBox: box(0, 0, 300, 200),
        children: [
          {
            id: "1:2",
            name: "Photo",
            type: "RECTANGLE",
            absoluteBoundingBox: box(0, 0, 150, 100),
            fills: fill("refjpeg"),
          },
          {
            id: "1:3",
            name: "Badge",
            type: "RECTANGLE",
            absoluteBoundingBox: box(150, 0, 60, 30),
            fills: fill("refpng"),
          },
          // JPEG bytes in a file called .png: the name only finds the file, the bytes say what it is.
          {
            id: "1:4",
            name: "Mislabeled",
            type: "RECTANGLE",
            absoluteBoundingBox: box(0, 100, 150, 100),
            fills: fill("refmislabeled"),
          },
          {
            id: "1:5",
            name: "Lost",
            type: "RECTANGLE",
            absoluteBoundingBox: box(150, 100, 150, 100),
            fills: fill("reflost"),
          },
        ],
      },
    }),
  );
  images = join(tmp, "images");
  mkdirSync(images);
  writeFileSync(join(images, "refjpeg.jpg"), JPEG);
  writeFileSync(join(images, "refpng.png"), PNG);
  writeFileSync(join(images, "refmislabeled.png"), Buffer.concat([JPEG, Buffer.from([0])]));
  writeFileSync(join(images, "unrelated.png"), PNG);
});

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function figment(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const io = captureIo();
  const code = await run(argv, io);
  return { code, stdout: io.stdout(), stderr: io.stderr() };
}

describe("figment code --images DIR", () => {
  it("writes the real pictures byte-exact where the React code imports them, and lists the missing one", async () => {
    const out = join(tmp, "react");
    const { code, stdout, stderr } = await figment("code", design, "--images", images, "--out", out, "--json");
    expect(code, stderr).toBe(0);
    const report = JSON.parse(stdout) as {
      files: { path: string; bytes: number }[];
      problems: { severity: string; code: string; message: string }[];
    };
    const assets = listFiles(out).filter((p) => p.startsWith("src/assets/"));
    expect(assets).toEqual([
      "src/assets/badge.png",
      "src/assets/lost.svg",
      "src/assets/mislabeled.jpg",
      "src/assets/photo.jpg",
    ]);
    expect(readFileSync(join(out, "src/assets/photo.jpg")).equals(JPEG)).toBe(true);
    expect(readFileSync(join(out, "src/assets/badge.png")).equals(PNG)).toBe(true);
    expect(readFileSync(join(out, "src/assets/mislabeled.jpg")).length).toBe(JPEG.length + 1);
    expect(report.files.find((f) => f.path === "src/assets/photo.jpg")!.bytes).toBe(JPEG.length);
    const screen = readFileSync(join(out, "src/screens/Gallery.tsx"), "utf8");
    expect(screen).toContain('from "../assets/photo.jpg"');
    expect(screen).toContain('from "../assets/badge.png"');
    const missing = report.problems.filter((p) => p.code === "missing-image-file");
    expect(missing).toHaveLength(1);
    expect(missing[0]).toMatchObject({ severity: "warning" });
    expect(missing[0]!.message).toContain("reflost");
    expect(missing[0]!.message).toContain("reflost.png|jpg|jpeg|gif|webp");
  });

  it("writes them under assets/ for HTML and says which fill has no file", async () => {
    const out = join(tmp, "html");
    const { code, stderr } = await figment("code", design, "--target", "html", "--images", images, "--out", out);
    expect(code, stderr).toBe(0);
    expect(readFileSync(join(out, "assets/photo.jpg")).equals(JPEG)).toBe(true);
    expect(readFileSync(join(out, "index.html"), "utf8")).toContain('src="assets/photo.jpg"');
    expect(stderr).toMatch(/warning missing-image-file .*reflost/);
  });

  it("finds the login fixture's image fill by its imageRef", async () => {
    const [ref] = imageRefsIn(readFixture("figmasharp-login.file.json"));
    const dir = join(tmp, "login-images");
    mkdirSync(dir);
    writeFileSync(join(dir, `${ref}.jpeg`), JPEG);
    const out = join(tmp, "login");
    const { code, stderr } = await figment(
      "code",
      fixturePath("figmasharp-login.file.json"),
      "--images",
      dir,
      "--out",
      out,
    );
    expect(code, stderr).toBe(0);
    const jpgs = listFiles(out).filter((p) => p.endsWith(".jpg"));
    expect(jpgs).toHaveLength(1);
    expect(readFileSync(join(out, jpgs[0]!)).equals(JPEG)).toBe(true);
    expect(stderr).not.toContain("missing-image");
  });

  it("without --images, tips the user to it", async () => {
    const { code, stderr } = await figment("code", design, "--out", join(tmp, "plain"));
    expect(code).toBe(0);
    expect(stderr).toContain("--images DIR supplies their bytes");
  });

  it(
    "exits 2 with a clear message for a folder that is missing " +
      "or a file, and for --images where it has no meaning",
    async () => {
      const missing = await figment("code", design, "--images", join(tmp, "nope"), "--out", join(tmp, "x"));
      expect(missing.code).toBe(2);
      expect(missing.stderr).toContain(`cannot read --images ${join(tmp, "nope")}: it does not exist`);
      const file = await figment("code", design, "--images", design, "--out", join(tmp, "x"));
      expect(file.code).toBe(2);
      expect(file.stderr).toContain("it is not a folder");
      expect((await figment("frames", design, "--images", images)).code).toBe(2);
      const hint = await figment("code", "--from-hint", design, "--images", images);
      expect(hint.code).toBe(2);
      expect(hint.stderr).toContain("--images needs the design's JSON");
    },
  );

  it("is in figment code's help", async () => {
    const { stdout, stderr } = await figment("code", "--help");
    expect(stdout + stderr).toContain("--images DIR supplies the image fills' bytes");
  });
});
