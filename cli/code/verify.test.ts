/**
 * `figment code --ai --verify` end to end: `run(argv)` over real HTTP against the OpenAI-wire test server (streamed
 * replies, every request body validated against the OpenAPI spec), the answers measured in Chromium.
 *
 * The model's answers are the real offline code of the Log-In page (figmasharp-login 101:3) with one layer moved:
 * the first answer has "Don’t have an account?" (101:6) 40 px to the right, the round's answer is the code as the
 * offline emitter wrote it. The round must name that layer with both boxes, build on the conversation and carry two
 * pictures; the corrected answer is kept and the score rises; a worse answer after it is discarded and the kept
 * files stay byte-identical; a cancel mid-round writes the best files so far.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { designViewport, type RestNode } from "../../codegen/fidelity/design-nodes.js";
import { generateCode, loadDesign } from "../../codegen/index.js";
import { runBrowser, useBrowser } from "../../test/helpers/browser.js";
import { captureIo, fixturePath, listFiles, readFixture } from "../../test/helpers/fixtures.js";
import { chatStream, responsesStream } from "../../test/openai-server/server.js";
import { scriptedServer, splitInto } from "../../test/openai-server/scripted.js";
import { parseCliArgs } from "../common/args.js";
import { withPage } from "../measure/browser.js";
import { run } from "../run.js";
import { answerJson, moved } from "../../test/helpers/model-answers.js";

const LOGIN = fixturePath("figmasharp-login.file.json");
const FRAME = "101:3";
const ENV = { OPENAI_API_KEY: "sk-test-verify-1234" };
/** Each run renders every answer at three widths, more than once: minutes on a busy 2-core machine. */
const SLOW = 300_000;

const serve = scriptedServer();
let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), "figment-verify-"));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface Answers {
  correct: string;
  /** "Don’t have an account?" 40 px to the right. */
  off: string;
  /** The Log In button (and what it holds) 40 px to the right: worse than the correct one. */
  worse: string;
}

async function answersFor(target: "react" | "html"): Promise<Answers> {
  const design = loadDesign(readFixture("figmasharp-login.file.json"), [FRAME]);
  const code = (await generateCode(design.document, { target, styling: "css-modules", nodeIds: true })).files;
  const [text, button] = target === "html" ? [".don-t-have", ".group"] : [".donTHave", ".group"];
  return {
    correct: answerJson(code, "The page as drawn."),
    off: answerJson(moved(code, text, "left: 65px", "left: 105px"), "First try."),
    worse: answerJson(moved(code, button, "left: 65px", "left: 105px"), "Moved the button."),
  };
}

async function figment(
  argv: string[],
  signal?: AbortSignal,
): Promise<{ code: number; stdout: string; stderr: string }> {
  const io = captureIo();
  const code = await run(argv, io, { env: ENV, ...(signal ? { signal } : {}) });
  return { code, stdout: io.stdout(), stderr: io.stderr() };
}

const outDir = (name: string): string => join(mkdtempSync(join(tmp, `${name}-`)), "out");

/** Every file under `dir` with its bytes. */
const snapshot = (dir: string): Record<string, string> =>
  Object.fromEntries(listFiles(dir).map((p) => [p, readFileSync(join(dir, p)).toString("base64")]));

interface Report {
  files: { path: string }[];
  verify: {
    first: number;
    final: number;
    stopped: string;
    rounds: { round: number; score: number | null; before: number; kept: boolean; outcome: string; message: string }[];
  };
}

type Part = { type: string; text?: string; image_url?: string | { url: string } };
/** The measurement's JSON lines in a round's text. */
const measurementLines = (text: string): Record<string, unknown>[] =>
  text
    .slice(text.indexOf("<measurement>\n"), text.lastIndexOf("</measurement>"))
    .split("\n")
    .filter((l) => l.startsWith("{"))
    .map((l) => JSON.parse(l) as Record<string, unknown>);

/** The round must name the moved layer with its design box and its rendered box 40 px to the right. */
function expectMovedLayer(roundText: string): void {
  const layer = measurementLines(roundText).find((l) => l["id"] === "101:6") as
    | {
        layer: string;
        problem: string;
        design: { x: number; y: number };
        rendered: { x: number; y: number };
        off: string;
      }
    | undefined;
  expect(layer, roundText).toBeDefined();
  expect(layer!.layer).toBe("Don’t have an account?");
  expect(layer!.problem).toBe("off");
  expect(layer!.rendered.x - layer!.design.x).toBe(40);
  expect(layer!.rendered.y).toBe(layer!.design.y);
  expect(layer!.off).toBe("40 px right");
}

describe("--verify and --rounds: usage", () => {
  it("reads --rounds from 1 to 3, 1 by default, and implies --node-ids", () => {
    expect(parseCliArgs(["code", "d.json", "--ai", "--verify"])).toMatchObject({ verify: true, nodeIds: true });
    expect(parseCliArgs(["code", "d.json", "--ai", "--verify"]).rounds).toBeUndefined();
    expect(parseCliArgs(["code", "d.json", "--ai", "--verify", "--rounds", "3"]).rounds).toBe(3);
    expect(parseCliArgs(["code", "d.json", "--ai"])).toMatchObject({ verify: false, nodeIds: false });
  });

  it.each([
    [["code", "d.json", "--verify"], "--verify only applies to the model path: add --ai"],
    [["code", "d.json", "--rounds", "2"], "--rounds only applies to the model path: add --ai"],
    [["code", "d.json", "--ai", "--rounds", "2"], "--rounds only applies with --verify"],
    [["code", "d.json", "--ai", "--verify", "--rounds", "4"], "--rounds must be a whole number from 1 to 3, not 4"],
    [["code", "d.json", "--ai", "--verify", "--rounds", "0"], "--rounds must be a whole number from 1 to 3, not 0"],
    [["code", "d.json", "--ai", "--verify", "--rounds", "1.5"], "--rounds must be a whole number from 1 to 3, not 1.5"],
    [
      ["code", "d.json", "--ai", "--verify", "--batch-api"],
      "--verify measures each answer as it arrives; it cannot go with --batch-api",
    ],
    [["code", "--from-hint", "h.txt", "--ai", "--verify"], "--verify needs the design's JSON"],
  ])("refuses %j", (argv, message) => {
    expect(() => parseCliArgs(argv)).toThrow(message);
  });

  it("refuses a design with several frames before anything is sent (exit 2)", async () => {
    const srv = await serve();
    // A frame and a page's loose text: two only when both are named (a whole file converts the frame alone).
    const twoFrames = fixturePath("figmasharp-bundler-dialog.file.json");
    const { code, stderr } = await figment([
      "code",
      twoFrames,
      "--node",
      "25:0",
      "--node",
      "160:199",
      "--ai",
      "--verify",
      "--base-url",
      srv.url,
      "--out",
      outDir("frames"),
    ]);
    expect(code).toBe(2);
    expect(stderr).toContain("--verify measures one frame and the design has 2: pick it with --node ID");
    expect(srv.requests).toEqual([]);
  });

  it("--dry-run says what a round resends, and sends nothing", async () => {
    const { code, stdout } = await figment([
      "code",
      LOGIN,
      "--node",
      FRAME,
      "--ai",
      "--verify",
      "--rounds",
      "2",
      "--dry-run",
    ]);
    expect(code).toBe(0);
    expect(stdout).toContain(
      "  verify        up to 2 rounds: each is estimated when it is sent; it resends the conversation",
    );
  });
});

describe.runIf(runBrowser)("figment code --ai --verify", () => {
  const browser = useBrowser();
  let designPng: string;
  let html: Answers;

  beforeAll(async () => {
    html = await answersFor("html");
    // The design's PNG, as Figma would export it: the page drawn where the design has it.
    const design = loadDesign(readFixture("figmasharp-login.file.json"), [FRAME]);
    const code = await generateCode(design.document, { target: "html", styling: "css-modules", nodeIds: true });
    const png = await withPage(
      browser,
      code.files,
      "index.html",
      designViewport(design.roots[0] as unknown as RestNode),
      (page) => page.screenshot({ type: "png" }),
    );
    designPng = join(tmp, "design.png");
    writeFileSync(designPng, png);
  });

  it(
    "--ai --score (no --verify): the answer as written is measured " +
      "once — the layer 40 px off is listed — and nothing more is sent",
    async () => {
      const srv = await serve(responsesStream(splitInto(html.off, 8), { id: "resp_only" }));
      const out = outDir("score");
      const plain = await figment([
        "code",
        LOGIN,
        "--node",
        FRAME,
        "--target",
        "html",
        "--ai",
        "--score",
        "--out",
        out,
        "--base-url",
        srv.url,
      ]);
      expect(plain.code, plain.stderr).toBe(0);
      expect(srv.requests).toHaveLength(1);
      expect((srv.requests[0]!.body as { instructions: string }).instructions).toContain("data-node-id");
      const lines = plain.stdout.split("\n");
      expect(
        lines.findIndex((l) => /^Log-In Page \(101:3\): Matches the design \d+ % · Phone[^:]*: /.test(l)),
      ).toBeGreaterThan(lines.findIndex((l) => l.startsWith("wrote ")));
      expect(plain.stdout).toContain("  Don’t have an account? — 40 px right");

      const again = await serve(responsesStream(splitInto(html.off, 8), { id: "resp_json" }));
      const json = await figment([
        "code",
        LOGIN,
        "--node",
        FRAME,
        "--target",
        "html",
        "--ai",
        "--score",
        "--out",
        outDir("score-json"),
        "--base-url",
        again.url,
        "--json",
      ]);
      expect(json.code, json.stderr).toBe(0);
      const report = JSON.parse(json.stdout) as {
        score: { frameId: string; iouMatched: number; worst: { nodeId: string; problem: string }[] }[];
      };
      expect(report.score).toHaveLength(1);
      expect(report.score[0]!.frameId).toBe(FRAME);
      expect(report.score[0]!.worst.find((d) => d.nodeId === "101:6")?.problem).toBe("off");
    },
    SLOW,
  );

  it(
    "React, Responses API: the round names the layer 40 px off with both boxes, builds " +
      "on previous_response_id with two pictures; the fix is kept and the score rises",
    async () => {
      const react = await answersFor("react");
      const srv = await serve(
        responsesStream(splitInto(react.off, 8), { id: "resp_first" }),
        responsesStream(splitInto(react.correct, 8), { id: "resp_fixed" }),
      );
      const out = outDir("react");
      const { code, stdout, stderr } = await figment([
        "code",
        LOGIN,
        "--node",
        FRAME,
        "--ai",
        "--verify",
        "--image",
        designPng,
        "--out",
        out,
        "--base-url",
        srv.url,
        "--json",
      ]);
      expect(code, stderr).toBe(0);

      expect(srv.requests).toHaveLength(2);
      for (const request of srv.requests) expect(request.schemaErrors).toEqual([]);
      const [first, round] = srv.requests.map(
        (r) => r.body as { previous_response_id?: string; input: { content: Part[] }[] },
      );
      // The first request asked for data-node-id attributes (--verify implies --node-ids).
      expect((first as unknown as { instructions: string }).instructions).toContain("data-node-id");
      expect(round!.previous_response_id).toBe("resp_first");
      const parts = round!.input[0]!.content;
      const images = parts.filter((p) => p.type === "input_image").map((p) => p.image_url as string);
      expect(images).toHaveLength(2);
      expect(images[0]).toMatch(/^data:image\/png;base64,iVBORw0KGgo/);
      expect(images[1]).toBe(`data:image/png;base64,${readFileSync(designPng).toString("base64")}`);
      expectMovedLayer(parts[0]!.text!);

      const report = JSON.parse(stdout) as Report;
      expect(report.verify.rounds).toHaveLength(1);
      const [r1] = report.verify.rounds;
      expect(r1).toMatchObject({ round: 1, kept: true, outcome: "kept", before: report.verify.first });
      expect(r1!.score!).toBeGreaterThan(r1!.before);
      expect(report.verify.final).toBe(r1!.score);
      expect(report.verify.stopped).toBe("done");
      expect(stderr).toMatch(
        new RegExp(
          String.raw`verify round 1 of 1: sending the measured differences \(about [\d,]+ input ` +
            String.raw`tokens \([\d,]+ for the pictures\) · about [\d,]+ output · about \$\d+\.\d{4}\)…`,
        ),
      );
      expect(stderr).toMatch(/verify round 1: the model's fix measured better \(0\.\d+ vs 0\.\d+\): kept it/);

      // The fix is what was written.
      const css = readFileSync(join(out, "src/screens/LogInPage.module.css"), "utf8");
      expect(css).not.toContain("105px");
    },
    SLOW,
  );

  it(
    "HTML, chat completions, two rounds: the round follows the kept messages; " +
      "a worse second fix is discarded and the kept files stay byte-identical",
    async () => {
      const srv = await serve(
        chatStream(splitInto(html.off, 8)),
        chatStream(splitInto(html.correct, 8)),
        chatStream(splitInto(html.worse, 8)),
      );
      const out = outDir("chat");
      const base = [
        "code",
        LOGIN,
        "--node",
        FRAME,
        "--target",
        "html",
        "--ai",
        "--image",
        designPng,
        "--provider",
        "custom",
        "--base-url",
        srv.url,
      ];
      const { code, stdout, stderr } = await figment([...base, "--verify", "--rounds", "2", "--out", out, "--json"]);
      expect(code, stderr).toBe(0);

      expect(srv.requests).toHaveLength(3);
      for (const request of srv.requests) expect(request.schemaErrors).toEqual([]);
      type Message = { role: string; content: string | Part[] };
      const [first, round1, round2] = srv.requests.map((r) => (r.body as { messages: Message[] }).messages);
      // Round 1: the first request's messages, the model's answer as it wrote it, then the round.
      expect(round1!.slice(0, first!.length)).toEqual(first);
      expect(round1![first!.length]).toEqual({ role: "assistant", content: html.off });
      const ask1 = round1!.at(-1)!;
      expect(ask1.role).toBe("user");
      const parts1 = ask1.content as Part[];
      expect(parts1.filter((p) => p.type === "image_url")).toHaveLength(2);
      expectMovedLayer(parts1[0]!.text!);
      // Round 2 builds on the kept fix.
      expect(round2!.slice(0, round1!.length)).toEqual(round1);
      expect(round2![round1!.length]).toEqual({ role: "assistant", content: html.correct });

      const report = JSON.parse(stdout) as Report;
      const [r1, r2] = report.verify.rounds;
      expect(r1).toMatchObject({ kept: true });
      expect(r2).toMatchObject({ round: 2, kept: false, outcome: "worse", before: r1!.score });
      expect(r2!.score!).toBeLessThan(r2!.before);
      expect(r2!.message).toMatch(/^the model's fix measured worse \(0\.\d+ vs 0\.\d+\): kept the earlier code$/);
      expect(report.verify).toMatchObject({ stopped: "no-improvement", final: r1!.score });
      expect(stderr).toContain(`verify round 2: ${r2!.message}`);

      // The kept files are the corrected answer exactly as the pipeline writes it (a plain run of that answer).
      await srv.close();
      const plain = await serve(chatStream(splitInto(html.correct, 8)));
      const reference = outDir("reference");
      const again = await figment([
        "code",
        LOGIN,
        "--node",
        FRAME,
        "--target",
        "html",
        "--node-ids",
        "--ai",
        "--image",
        designPng,
        "--provider",
        "custom",
        "--base-url",
        plain.url,
        "--out",
        reference,
      ]);
      expect(again.code, again.stderr).toBe(0);
      expect(snapshot(out)).toEqual(snapshot(reference));
    },
    SLOW,
  );

  it(
    "Cancel while the round streams writes the first answer's files, unchanged, and exits 130",
    async () => {
      const srv = await serve(
        responsesStream(splitInto(html.off, 8), { id: "resp_first" }),
        responsesStream(splitInto(html.correct, 8), { id: "resp_held", holdAfter: 3 }),
      );
      const out = outDir("cancel");
      const controller = new AbortController();
      const running = figment(
        [
          "code",
          LOGIN,
          "--node",
          FRAME,
          "--target",
          "html",
          "--ai",
          "--verify",
          "--image",
          designPng,
          "--out",
          out,
          "--base-url",
          srv.url,
        ],
        controller.signal,
      );
      // The round's request has arrived and its stream has begun (then it is held open).
      await expect
        .poll(() => srv.requests.length === 2 && srv.writes.some((w) => w.chunk.includes("resp_held")), {
          timeout: SLOW,
        })
        .toBe(true);
      controller.abort();
      const { code, stderr } = await running;
      expect(code, stderr).toBe(130);
      await srv.dropped();
      expect(stderr).toContain("verify round 1: the round was cancelled: kept the best code so far");
      expect(stderr).toContain("figment: cancelled; wrote the best code measured so far");

      // What was written is the first answer as a plain run writes it.
      await srv.close();
      const plain = await serve(responsesStream(splitInto(html.off, 8)));
      const reference = outDir("cancel-reference");
      const again = await figment([
        "code",
        LOGIN,
        "--node",
        FRAME,
        "--target",
        "html",
        "--node-ids",
        "--ai",
        "--image",
        designPng,
        "--base-url",
        plain.url,
        "--out",
        reference,
      ]);
      expect(again.code, again.stderr).toBe(0);
      expect(snapshot(out)).toEqual(snapshot(reference));
      expect(readFileSync(join(out, "styles.css"), "utf8")).toContain("left: 105px");
    },
    SLOW,
  );
});
