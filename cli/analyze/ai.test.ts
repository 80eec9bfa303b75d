/**
 * `figment analyze --ai` through `run(argv, io, { env })` over real HTTP against the OpenAI-wire test server
 * (request bodies validated against the OpenAPI spec): the Markdown streamed to stdout line by line while the
 * answer arrives, the PNG and design data in the request, Compare with --other, the dry run, usage errors,
 * and the exit codes of 401 (2), 429 (1) and Ctrl-C (130).
 */
import { describe, expect, it } from "vitest";
import { chatStream, responsesStream } from "../../test/openai-server/server.js";
import { scriptedServer, splitInto } from "../../test/openai-server/scripted.js";
import { captureIo, fixturePath } from "../../test/helpers/fixtures.js";
import { run } from "../run.js";

const LOGIN = fixturePath("figmasharp-login.file.json");
const PNG = fixturePath("grida-vector-frame.png");
const FIGMAGIC = fixturePath("figmagic-design-system.file.json");
const ENV = { OPENAI_API_KEY: "sk-test-analyze-4321" };
const ANSWER =
  "## Log-In Page\n\n" +
  "A sign-in screen over a blurred photo.\n\n" +
  "- **Fields**: email and password.\n" +
  "- **Action**: Log In.\n";

const serve = scriptedServer();

async function figment(
  argv: string[],
  options: { env?: Record<string, string | undefined>; signal?: AbortSignal; onOut?: (line: string) => void } = {},
) {
  const io = captureIo();
  const out = (text: string): void => {
    io.out(text);
    options.onOut?.(text);
  };
  const code = await run(
    argv,
    { out, err: io.err },
    { env: options.env ?? ENV, ...(options.signal ? { signal: options.signal } : {}) },
  );
  return { code, stdout: io.stdout(), stderr: io.stderr() };
}

const userText = (body: unknown): string => JSON.stringify((body as { input: unknown }).input);

describe("figment analyze --ai", () => {
  it("streams the model's Markdown to stdout line by line, before the answer has finished", async () => {
    const chunks = splitInto(ANSWER, 12);
    // Paused once the first line is complete, until it is printed: the rest cannot have been sent before.
    const firstLine = chunks.findIndex((c) => c.includes("\n")) + 1;
    const srv = await serve(responsesStream(chunks, { pauseAfterChunks: firstLine }));
    const seen: { line: string; events: number }[] = [];
    const { code, stdout, stderr } = await figment(
      ["analyze", LOGIN, "--node", "101:3", "--ai", "--task", "describe", "--image", PNG, "--base-url", srv.url],
      {
        onOut: (line) => {
          seen.push({ line, events: srv.writes.length });
          if (seen.length === 1) srv.resume();
        },
      },
    );
    expect(code).toBe(0);
    expect(stdout).toBe(ANSWER.trimEnd());
    // The first line was printed while events were still to come.
    expect(seen[0]!.line).toBe("## Log-In Page");
    expect(seen[0]!.events).toBeLessThan(srv.writes.length);
    expect(stderr).toMatch(
      /asking gpt-5\.4-image-2 at http:\/\/127\.0\.0\.1:\d+\/v1\/responses \(Responses API\) to describe/,
    );
    const [request] = srv.requests;
    expect(request!.schemaErrors).toEqual([]);
    expect(request!.headers["authorization"]).toBe("***4321");
    const sent = userText(request!.body);
    expect(sent).toContain('"type":"input_image","image_url":"data:image/png;base64,');
    expect(sent).toContain("<design>\\nfigment-hint 2");
    expect(sent).toContain('<design_text>\\n{\\"id\\":');
    expect(sent).toContain("<findings>");
  });

  it("compare sends both frames and their diff over chat completions (OpenRouter)", async () => {
    const srv = await serve(chatStream(["## Changes\n", "- renamed\n"]));
    const { code, stdout } = await figment(
      [
        "analyze",
        FIGMAGIC,
        "--ai",
        "--node",
        "3214:734",
        "--task",
        "compare",
        "--other",
        "3097:652",
        "--provider",
        "openrouter",
        "--base-url",
        srv.url,
      ],
      { env: { OPENROUTER_API_KEY: "sk-or-test-1" } },
    );
    expect(code).toBe(0);
    expect(stdout).toBe("## Changes\n- renamed");
    const [request] = srv.requests;
    expect(request!.path).toBe("/v1/chat/completions");
    expect(request!.schemaErrors).toEqual([]);
    const sent = JSON.stringify(request!.body);
    expect(sent).toContain("The design hint for frame A");
    expect(sent).toContain("The design hint for frame B");
    expect(sent).toContain("<design_diff>\\n0 added, 0 removed, 1 changed");
    expect(sent).toContain("renamed “Delays” → “Durations”");
  });

  it("--dry-run estimates without a key and sends nothing", async () => {
    const srv = await serve();
    const { code, stdout } = await figment(
      ["analyze", LOGIN, "--node", "101:3", "--ai", "--image", PNG, "--dry-run", "--base-url", srv.url],
      { env: {} },
    );
    expect(code).toBe(0);
    expect(stdout).toMatch(/image tokens {2}about 255 \(grida-vector-frame\.png: 500×500\)/);
    expect(stdout).toMatch(/task {10}critique/);
    expect(srv.requests).toHaveLength(0);
  });

  it("bad input is a usage error (exit 2) before anything is sent", async () => {
    const cases: [string[], RegExp][] = [
      [["analyze", LOGIN, "--ai", "--task", "text"], /--task text reads the text in the picture: add --image/],
      [["analyze", LOGIN, "--ai", "--task", "compare"], /--task compare needs the second frame: --other ID/],
      [["analyze", LOGIN, "--ai", "--task", "poem"], /--task must be describe, critique, text, compare, not poem/],
      [["analyze", LOGIN, "--ai", "--node", "9:9"], /unknown node id 9:9/],
      [["analyze", FIGMAGIC, "--ai"], /the design has \d+ frames: pick one with --node ID/],
      [["analyze", LOGIN, "--ai", "--image", LOGIN], /is not a PNG/],
    ];
    for (const [argv, message] of cases) {
      const { code, stderr } = await figment(argv);
      expect(code, argv.join(" ")).toBe(2);
      expect(stderr).toMatch(message);
    }
  });

  it("a missing key and a 401 exit 2; a 429 exits 1 with its retry-after", async () => {
    const missing = await figment(["analyze", LOGIN, "--ai"], { env: {} });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/Set OPENAI_API_KEY in the environment/);
    const srv = await serve({ kind: "error", status: 401, message: "Incorrect API key provided" });
    const refused = await figment(["analyze", LOGIN, "--ai", "--base-url", srv.url]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^figment: The endpoint answered 401: .*Incorrect API key provided/m);
    expect(refused.stdout).toBe("");
    srv.push({ kind: "error", status: 429, message: "slow down", headers: { "retry-after": "3" } });
    const limited = await figment(["analyze", LOGIN, "--ai", "--base-url", srv.url]);
    expect(limited.code).toBe(1);
    expect(limited.stderr).toMatch(/retry after 3 s/);
  });

  it("Ctrl-C mid-answer exits 130 and keeps what was printed", async () => {
    const srv = await serve(responsesStream(splitInto(ANSWER, 30), { delayMs: 50 }));
    const controller = new AbortController();
    const { code, stdout, stderr } = await figment(["analyze", LOGIN, "--ai", "--base-url", srv.url], {
      signal: controller.signal,
      onOut: () => controller.abort(),
    });
    expect(code).toBe(130);
    expect(stdout.startsWith("## Log-In Page\n")).toBe(true);
    expect(stdout.length).toBeLessThan(ANSWER.length);
    expect(stderr).toMatch(/cancelled; the answer above is incomplete/);
  });
});
