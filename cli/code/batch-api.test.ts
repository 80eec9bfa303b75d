/**
 * Code in bulk through `run(argv)` against the OpenAI-wire test server: `figment code --ai --batch-api`
 * sends one Responses request per top-level frame (each body valid per the spec, the very body `--ai`
 * sends, minus streaming), `figment batch status` follows the batch, `collect` writes every frame's files
 * through the project pass and prettier once (collecting again fetches nothing), failed frames exit 1 and
 * are resubmitted alone; bad input and refused keys exit 2.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { captureIo, fixturePath, listFiles, REPO_ROOT } from "../../test/helpers/fixtures.js";
import {
  readBatchInput,
  responsesJson,
  validateRequest,
  type OpenAiTestServer,
  type RecordedRequest,
} from "../../test/openai-server/server.js";
import { scriptedServer } from "../../test/openai-server/scripted.js";
import { responsesStream } from "../../test/openai-server/replies.js";
import { run } from "../run.js";

const DIALOG = fixturePath("figmasharp-bundler-dialog.file.json"); // two top-level nodes: a frame and a text
/** Both: the text is no frame (figment frames leaves it out), so a whole-file run would send one request. */
const BOTH = ["--node", "25:0", "--node", "160:199"];
const ENV = { OPENAI_API_KEY: "sk-test-batch-code-5678" };
const APP = {
  path: "src/App.tsx",
  content:
    'import {Header} from "./components/Header"\n' +
    'export default function App(){return <main><Header title="Bundle"/></main>}\n',
};
const HEADER = {
  path: "src/components/Header.tsx",
  content: "export function Header(props:{title:string}){return <h1>{props.title}</h1>}\n",
};
const ANSWER = JSON.stringify({ files: [APP, HEADER], notes: "two files" });

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), "figment-batch-code-"));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const serve = scriptedServer();
let n = 0;
const fresh = (): string => join(tmp, `out-${++n}`);

async function figment(
  argv: string[],
  env: Record<string, string | undefined> = ENV,
): Promise<{ code: number; stdout: string; stderr: string }> {
  const io = captureIo();
  const code = await run(argv, io, { env });
  return { code, stdout: io.stdout(), stderr: io.stderr() };
}

async function submitted(srv: OpenAiTestServer, extra: string[] = []): Promise<string> {
  const out = fresh();
  const result = await figment([
    "code",
    DIALOG,
    ...(extra.includes("--node") ? [] : BOTH),
    "--ai",
    "--batch-api",
    "--out",
    out,
    "--base-url",
    srv.url,
    ...extra,
  ]);
  expect(result.stderr).not.toContain("internal error");
  expect(result.code).toBe(0);
  return out;
}

/** `figment batch status` until the batch is final; the statuses seen. */
async function statuses(out: string): Promise<string[]> {
  const seen: string[] = [];
  for (let i = 0; i < 5; i++) {
    const result = await figment(["batch", "status", out, "--json"]);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as { finished: boolean; runs: { status: string }[] };
    seen.push(report.runs.at(-1)!.status);
    if (report.finished) break;
  }
  return seen;
}

describe("figment code --ai --batch-api", () => {
  it("sends one valid Responses request per top-level frame and records frame ↔ line", async () => {
    const srv = await serve();
    const out = await submitted(srv);
    const upload = srv.requests.find((r) => r.path === "/v1/files")!;
    const { lines, errors } = readBatchInput(upload.files[0]!.bytes.toString("utf8"));
    expect(errors).toEqual([]);
    expect(lines).toHaveLength(2);
    for (const line of lines) {
      expect(line.url).toBe("/v1/responses");
      expect(validateRequest("/v1/responses", line.body)).toEqual([]);
      expect(line.body).toMatchObject({ stream: false, text: { format: { type: "json_schema", strict: true } } });
    }
    const record = JSON.parse(readFileSync(join(out, "batch.json"), "utf8")) as {
      kind: string;
      lines: { customId: string; frame: { id: string; name: string }; fileStem: string }[];
    };
    expect(record.kind).toBe("code");
    expect(record.lines.map((l) => [l.customId, l.frame.id, l.fileStem])).toEqual([
      ["frame-1", "25:0", "1-0-bundle-figma-document"],
      ["frame-2", "160:199", "solution-pad-project-right-click-add"],
    ]);
    expect(readFileSync(join(out, "batch.json"), "utf8")).not.toContain("sk-test-batch-code");
  });

  it("sends the very body figment code --ai sends, except that it does not stream", async () => {
    const srv = await serve(responsesStream([ANSWER]));
    const direct = await figment(["code", DIALOG, "--node", "25:0", "--ai", "--out", fresh(), "--base-url", srv.url]);
    expect(direct.code).toBe(0);
    const streamed = srv.requests[0]!.body as Record<string, unknown>;
    await submitted(srv, ["--node", "25:0"]);
    const upload = srv.requests.find((r) => r.path === "/v1/files")!;
    const [line] = readBatchInput(upload.files[0]!.bytes.toString("utf8")).lines;
    expect(line!.body).toEqual({ ...streamed, stream: false });
  });

  it("--dry-run shows the standard and the Batch API price and sends nothing", async () => {
    const srv = await serve();
    const result = await figment(
      [
        "code",
        DIALOG,
        ...BOTH,
        "--ai",
        "--batch-api",
        "--dry-run",
        "--json",
        "--model",
        "gpt-4o",
        "--base-url",
        srv.url,
        "--out",
        fresh(),
      ],
      {},
    );
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as { requests: number; costUsd: number; batchCostUsd: number };
    expect(report.requests).toBe(2);
    expect(report.costUsd).toBeGreaterThan(0);
    expect(report.batchCostUsd).toBeCloseTo(report.costUsd / 2, 12);
    const plain = await figment(
      ["code", DIALOG, ...BOTH, "--ai", "--batch-api", "--dry-run", "--model", "gpt-4o", "--out", fresh()],
      {},
    );
    expect(plain.stdout).toMatch(
      /about \$\d+\.\d{4} at standard prices, about \$\d+\.\d{4} on the Batch API \(50% off\)/,
    );
    expect(srv.requests).toHaveLength(0);
  });

  it("names a frame as the layers panel does, a generated name too, in the plan and its folder", async () => {
    const design = join(tmp, "generated.json");
    const box = { x: 0, y: 0, width: 100, height: 100 };
    writeFileSync(
      design,
      JSON.stringify({
        document: {
          id: "0:0",
          type: "DOCUMENT",
          children: [
            {
              id: "0:1",
              type: "CANVAS",
              name: "Page 1",
              children: [
                {
                  id: "1:2",
                  type: "FRAME",
                  name: "Frame 8",
                  absoluteBoundingBox: box,
                  children: [
                    {
                      id: "1:3",
                      type: "TEXT",
                      name: "Hi",
                      characters: "Hi",
                      absoluteBoundingBox: { ...box, height: 20 },
                    },
                  ],
                },
              ],
            },
          ],
        },
      }),
    );
    const result = await figment(
      ["code", design, "--ai", "--batch-api", "--dry-run", "--json", "--model", "gpt-4o", "--out", fresh()],
      {},
    );
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as { frames: { id: string; name: string; folder: string }[] };
    expect(report.frames).toMatchObject([{ id: "1:2", name: "Frame 8", folder: "frame-8" }]);
  });

  it("the single-request --dry-run shows the Batch API price beside the standard one", async () => {
    const json = await figment(
      ["code", DIALOG, "--node", "25:0", "--ai", "--dry-run", "--json", "--model", "gpt-4o"],
      {},
    );
    const report = JSON.parse(json.stdout) as { costUsd: number; batchCostUsd: number };
    expect(report.batchCostUsd).toBeCloseTo(report.costUsd / 2, 12);
    const plain = await figment(["code", DIALOG, "--node", "25:0", "--ai", "--dry-run", "--model", "gpt-4o"], {});
    expect(plain.stdout).toMatch(
      /batch API {5}about \$\d+\.\d{4} for the input \(50% off, answers within 24 h: --batch-api\)/,
    );
    const help = await figment(["batch", "--help"], {});
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("figment batch collect DIR");
  });

  it("refuses another provider, and --image with several frames (exit 2, nothing sent)", async () => {
    const srv = await serve();
    const other = await figment(
      ["code", DIALOG, ...BOTH, "--ai", "--batch-api", "--provider", "openrouter", "--out", fresh()],
      { OPENROUTER_API_KEY: "k" },
    );
    expect(other.code).toBe(2);
    expect(other.stderr).toContain("--batch-api needs --provider openai");
    const image = await figment([
      "code",
      DIALOG,
      ...BOTH,
      "--ai",
      "--batch-api",
      "--image",
      fixturePath("grida-vector-frame.png"),
      "--base-url",
      srv.url,
      "--out",
      fresh(),
    ]);
    expect(image.code).toBe(2);
    expect(image.stderr).toContain("pick that frame with --node");
    expect(srv.requests).toHaveLength(0);
  });
});

describe("figment batch", () => {
  it("status moves step by step; collect writes every frame through the project pass and prettier, once", async () => {
    const srv = await serve();
    srv.batches.script({ answer: () => responsesJson(ANSWER) });
    const out = await submitted(srv);
    expect(await statuses(out)).toEqual(["in_progress", "finalizing", "completed"]);
    const human = await figment(["batch", "status", out]);
    expect(human.stdout).toMatch(/completed: 2 of 2 answered, 0 failed/);
    expect(human.stdout).toContain(`the batch has ended: write its answers with figment batch collect ${out}`);

    const first = await figment(["batch", "collect", out, "--json"]);
    expect(first.code).toBe(0);
    const report = JSON.parse(first.stdout) as {
      collected: { done: string[]; downloaded: string[] };
      counts: { done: number };
    };
    expect(report.collected.done).toEqual(["frame-1", "frame-2"]);
    expect(listFiles(join(out, "1-0-bundle-figma-document"))).toEqual(["src/App.tsx", "src/components/Header.tsx"]);
    // Through prettier: the model's one-liners come back formatted.
    expect(readFileSync(join(out, "1-0-bundle-figma-document", "src/App.tsx"), "utf8")).toContain(
      'import { Header } from "./components/Header";\n',
    );
    const counts = srv.routeCounts();
    expect(counts["GET /v1/files/{id}/content"]).toBe(1);

    const second = await figment(["batch", "collect", out]);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain("collected 0 now; 2 written, 0 failed, 0 pending (of 2); downloaded 0 files");
    expect(srv.routeCounts()).toEqual(counts);
    expect(existsSync(join(out, "solution-pad-project-right-click-add", "src/App.tsx"))).toBe(true);
  });

  it(
    "with the team's components: each request carries them as " +
      "--ai's does, and collect checks each answer's use of them",
    async () => {
      const components = join(REPO_ROOT, "test", "fixtures", "components");
      const own = JSON.stringify({
        notes: "",
        files: [
          {
            path: "src/App.tsx",
            content:
              'import { Button } from "@acme/ui";\n' +
              "export default function App() {\n" +
              '  return <main><Button type="button" variant="huge">Add</Button></main>;\n' +
              "}\n",
          },
          {
            path: "src/components/Button.tsx",
            content:
              "export function Button(props: { children?: string }) {\n" +
              "  return <button>{props.children}</button>;\n" +
              "}\n",
          },
        ],
      });
      const srv = await serve(responsesStream([ANSWER]));
      const flags = [
        "--node",
        "25:0",
        "--components",
        join(components, "components.json"),
        "--types",
        join(components, "acme-ui.d.ts"),
      ];
      const direct = await figment(["code", DIALOG, "--ai", "--out", fresh(), "--base-url", srv.url, ...flags]);
      expect(direct.code, direct.stderr).toBe(0);
      const streamed = srv.requests[0]!.body as Record<string, unknown>;
      srv.batches.script({ answer: () => responsesJson(own) });
      const out = await submitted(srv, flags);
      const upload = srv.requests.find((r) => r.path === "/v1/files")!;
      const [line] = readBatchInput(upload.files[0]!.bytes.toString("utf8")).lines;
      expect(line!.body).toEqual({ ...streamed, stream: false });
      expect(JSON.stringify(line!.body)).toContain('import { Button } from \\"@acme/ui\\";');

      await statuses(out);
      const collect = await figment(["batch", "collect", out]);
      expect(collect.code).toBe(0);
      // The library's types judge the prop; the mapping, the file that redraws the team's Button.
      expect(collect.stderr).toMatch(/src\/App\.tsx:5:\d+: <Button> prop variant: Type '"huge"' is not assignable/);
      expect(collect.stderr).toMatch(
        /src\/components\/Button\.tsx:1:17: defines its own Button, but the team's Button comes from "@acme\/ui"/,
      );
      const record = JSON.parse(readFileSync(join(out, "batch.json"), "utf8")) as { lines: { problems?: string[] }[] };
      expect(record.lines[0]!.problems!.join("\n")).toContain("defines its own Button");
    },
  );

  it("a frame whose files do not parse is written all the same, its problems listed with file and line", async () => {
    const srv = await serve();
    const broken = JSON.stringify({
      files: [
        APP,
        { ...HEADER, content: "export function Header(props:{title:string}){return <h1>{props.title}</h1>\n}}\n" },
      ],
      notes: "",
    });
    srv.batches.script({ answer: () => responsesJson(broken) });
    const out = await submitted(srv, ["--node", "25:0"]);
    await statuses(out);
    const collect = await figment(["batch", "collect", out]);
    expect(collect.code).toBe(0);
    expect(collect.stderr).toMatch(
      /figment: frame 1\.0\. Bundle Figma Document \(25:0\): error src\/components\/Header\.tsx:\d+/,
    );
    const record = JSON.parse(readFileSync(join(out, "batch.json"), "utf8")) as {
      lines: { state: string; problems?: string[] }[];
    };
    expect(record.lines[0]!.state).toBe("done");
    expect(record.lines[0]!.problems![0]).toMatch(/^src\/components\/Header\.tsx:\d+/);
  });

  it("a failed frame and an unusable answer exit 1 with their reasons; resubmit sends them alone", async () => {
    const srv = await serve();
    srv.batches.script({ fail: (id) => id === "frame-2", answer: () => responsesJson("not json at all") });
    const out = await submitted(srv);
    await statuses(out);
    const collect = await figment(["batch", "collect", out]);
    expect(collect.code).toBe(1);
    expect(collect.stderr).toMatch(
      /frame 1\.0\. Bundle Figma Document \(25:0\) failed: the answer held no usable files/,
    );
    expect(collect.stderr).toMatch(/frame Solution pad .* failed: 400: Invalid request for frame-2/);
    expect(collect.stderr).toContain(`figment batch resubmit ${out}`);

    srv.batches.script({ answer: () => responsesJson(ANSWER) });
    const again = await figment(["batch", "resubmit", out]);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/resubmitted 2 failed lines as batch batch-/);
    await statuses(out);
    const last = await figment(["batch", "collect", out]);
    expect(last.code).toBe(0);
    expect(listFiles(out).filter((f) => f.endsWith(".tsx"))).toHaveLength(4);
  });

  it("Ctrl-C (the signal) exits 130 and keeps the record", async () => {
    const srv = await serve();
    const out = await submitted(srv);
    const io = captureIo();
    const controller = new AbortController();
    srv.failRoute("GET /v1/batches/{id}", { kind: "hang" });
    const isStatus = (r: RecordedRequest): boolean => r.method === "GET" && r.path.startsWith("/v1/batches/");
    const before = srv.requests.filter(isStatus).length;
    const pending = run(["batch", "status", out], io, { env: ENV, signal: controller.signal });
    // Ctrl-C once the status request hangs (a state), not after a guessed time.
    await srv.requested(before + 1, isStatus);
    controller.abort();
    expect(await pending).toBe(130);
    expect(io.stderr()).toContain("batch.json keeps what was done");
    expect(JSON.parse(readFileSync(join(out, "batch.json"), "utf8")).runs[0].batchId).toMatch(/^batch-/);
  });

  it("bad input and refused keys exit 2; a 5xx exits 1", async () => {
    const srv = await serve();
    const none = await figment(["batch", "status", fresh()]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("batch.json is missing");
    const damaged = fresh();
    await figment(["code", DIALOG, ...BOTH, "--ai", "--batch-api", "--out", damaged, "--base-url", srv.url]);
    writeFileSync(join(damaged, "batch.json"), "{ not json");
    expect((await figment(["batch", "collect", damaged])).code).toBe(2);
    expect((await figment(["batch", "what", damaged])).code).toBe(2);

    const out = await submitted(srv);
    expect((await figment(["batch", "status", out], {})).code).toBe(2); // no OPENAI_API_KEY
    srv.failRoute("GET /v1/batches/{id}", { kind: "error", status: 401, message: "Incorrect API key provided" });
    const refused = await figment(["batch", "status", out]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("Check OPENAI_API_KEY");
    srv.failRoute("GET /v1/batches/{id}", { kind: "error", status: 404, message: "No batch found with id 'batch-x'." });
    const gone = await figment(["batch", "status", out]);
    expect(gone.code).toBe(2);
    expect(gone.stderr).toContain("The provider does not know this batch or file");
    srv.failRoute(
      "GET /v1/batches/{id}",
      ...Array.from({ length: 3 }, () => ({
        kind: "error" as const,
        status: 503,
        message: "overloaded",
        headers: { "retry-after-ms": "1" },
      })),
    );
    const down = await figment(["batch", "status", out]);
    expect(down.code).toBe(1);
    expect(down.stderr).toContain("answered 503");
  });
});

describe("a process killed for real (dist/cli.js, SIGKILL)", () => {
  it(
    "after the upload, while the batch was being created: " + "the next status creates it from the uploaded file",
    async () => {
      const srv = await serve();
      srv.failRoute("POST /v1/batches", { kind: "hang" });
      const out = fresh();
      const env: NodeJS.ProcessEnv = { ...process.env, OPENAI_API_KEY: ENV.OPENAI_API_KEY };
      delete env["OPENROUTER_API_KEY"];
      const child = spawn(
        process.execPath,
        [
          join(REPO_ROOT, "dist", "cli.js"),
          "code",
          DIALOG,
          ...BOTH,
          "--ai",
          "--batch-api",
          "--out",
          out,
          "--base-url",
          srv.url,
        ],
        { env, stdio: "ignore" },
      );
      const closed = new Promise((resolve) => child.on("close", resolve));
      // Killed once the batch is being created (its request hangs), however long the child takes to get there.
      await srv.requested(1, (r) => r.path === "/v1/batches");
      child.kill("SIGKILL");
      await closed;
      const record = JSON.parse(readFileSync(join(out, "batch.json"), "utf8")) as {
        runs: { inputFileId?: string; batchId?: string }[];
      };
      expect(record.runs[0]!.inputFileId).toMatch(/^file-/);
      expect(record.runs[0]!.batchId).toBeUndefined();

      const status = await figment(["batch", "status", out]);
      expect(status.code, status.stderr).toBe(0);
      expect(status.stderr).toContain("resuming an interrupted submit (uploaded, creating the batch)");
      expect(srv.routeCounts()).toMatchObject({ "POST /v1/files": 1, "GET /v1/batches": 1, "POST /v1/batches": 2 });
      expect(srv.requests.filter((r) => r.path === "/v1/batches").at(-1)!.body).toMatchObject({
        input_file_id: record.runs[0]!.inputFileId,
      });
      expect(status.stdout).toMatch(/batch batch-\S+ \(code, \/v1\/responses\) in_progress/);
    },
  );
});
