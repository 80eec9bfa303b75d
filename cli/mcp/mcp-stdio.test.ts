/**
 * `figment mcp` over stdio, the built binary (dist/cli.js) as an agent starts it, with the SDK's own client: every
 * tool on the fixtures, each result checked against its output schema by the client; the CLI's sentences as tool
 * errors; the folders (working folder, --root, the client's roots) and nothing else; the server keeps serving after
 * each error.
 */
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import {
  type JSONRPCMessage,
  ListRootsRequestSchema,
  LoggingMessageNotificationSchema,
} from "@modelcontextprotocol/sdk/types.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { captureIo, REPO_ROOT } from "../../test/helpers/fixtures.js";
import { homeDesign } from "../../test/helpers/update-designs.js";
import { run } from "../run.js";
import { designFacts } from "../../codegen/design/design-diff.js";
import { recordFiles } from "../../codegen/project/record.js";
import type { DesignNode } from "../../codegen/design/types.js";
import { parseHint } from "../../codegen/hint/parse.js";
import { countTextTokens, loadTokenizer } from "../../ai/estimate/estimate.js";
import type { SectionPage } from "./hint-sections.js";

const FIXTURES = join(REPO_ROOT, "test", "fixtures");
const PROMO = join(FIXTURES, "real", "over-promo.nodes.json");
const LOGIN = join(FIXTURES, "figma", "figmasharp-login.file.json");
const SECRET = "sk-test-not-a-real-key-0123456789";
/** flora's "Home • Desktop", 1440 × 5594: a real landing page whose hint is about 8,000 tokens. */
const FLORA = join(FIXTURES, "real", "flora.file.json");
const FLORA_HOME = "8203:59903";

/** Each text layer's id and characters in a hint, read back by the parser. */
function hintTexts(hint: string): string[] {
  const out: string[] = [];
  const walk = (n: DesignNode): void => {
    if (n.kind === "text") out.push(`${n.id} ${n.text?.chars}`);
    for (const c of n.children ?? []) walk(c);
  };
  for (const f of parseHint(hint).document.frames) walk(f);
  return out;
}

type ToolResult = Awaited<ReturnType<Client["callTool"]>>;
const text = (result: ToolResult): string =>
  (result.content as { type: string; text?: string }[]).map((c) => c.text ?? "").join("\n");

let work: string;
let clientRoot: string;
let client: Client;
const logs: string[] = [];
/** Called with each log line as it comes (nextLog's waiters). */
const logListeners = new Set<(line: string) => void>();

/**
 * The first log line, seen or to come, that starts with `prefix`; rejects after `ms` naming the lines that came
 * (a line that never comes fails the test with what the server said instead, not at vitest's bound).
 */
function nextLog(prefix: string, ms: number): Promise<string> {
  const seen = logs.find((line) => line.startsWith(prefix));
  if (seen !== undefined) return Promise.resolve(seen);
  return new Promise((resolve, reject) => {
    const listener = (line: string): void => {
      if (!line.startsWith(prefix)) return;
      finish();
      resolve(line);
    };
    const timer = setTimeout(() => {
      finish();
      reject(new Error(`no log line "${prefix}…" in ${ms / 1000} s; the server logged:\n${logs.join("\n")}`));
    }, ms);
    const finish = (): void => {
      clearTimeout(timer);
      logListeners.delete(listener);
    };
    logListeners.add(listener);
  });
}
/** Every message the server sent, as read off the pipe, before the SDK's client dispatches it. */
const wire: JSONRPCMessage[] = [];

/** A client over stdio to `figment mcp --root test/fixtures`, its working folder `work`, declaring `roots`. */
async function connect(roots: readonly string[]): Promise<Client> {
  const connected = new Client({ name: "figment-test", version: "1.0.0" }, { capabilities: { roots: {} } });
  connected.setRequestHandler(ListRootsRequestSchema, () => ({
    roots: roots.map((dir) => ({ uri: pathToFileURL(dir).href, name: "client root" })),
  }));
  connected.setNotificationHandler(LoggingMessageNotificationSchema, (note) => {
    const line = String(note.params.data);
    logs.push(line);
    for (const listener of logListeners) listener(line);
  });
  const env = { ...(process.env as Record<string, string>), OPENAI_API_KEY: SECRET };
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [join(REPO_ROOT, "dist", "cli.js"), "mcp", "--root", FIXTURES],
    cwd: work,
    env,
    stderr: "pipe",
  });
  await connected.connect(transport);
  const deliver = transport.onmessage;
  transport.onmessage = (message: JSONRPCMessage) => {
    wire.push(message);
    deliver?.(message);
  };
  // The tools' output schemas, so each callTool below is checked against its tool's by the client.
  await connected.listTools();
  return connected;
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "figment-mcp-work-"));
  clientRoot = mkdtempSync(join(tmpdir(), "figment-mcp-root-"));
  client = await connect([clientRoot]);
}, 60_000);

afterAll(async () => {
  await client?.close();
  rmSync(work, { recursive: true, force: true });
  rmSync(clientRoot, { recursive: true, force: true });
});

describe("figment mcp over stdio", () => {
  it("lists every tool with an input schema, an output schema and its annotations", async () => {
    const { tools } = await client.listTools();
    const byName = new Map(tools.map((t) => [t.name, t]));
    const names = [
      "list_frames",
      "get_design_hint",
      "get_code",
      "update_code",
      "score_code",
      "analyze",
      "search_frames",
      "get_variables",
      "get_design_changes",
    ];
    for (const name of [...names, "generate_image"]) {
      const tool = byName.get(name);
      expect(tool?.inputSchema.type, name).toBe("object");
      expect(tool?.outputSchema?.type, name).toBe("object");
    }
    expect(byName.get("list_frames")?.annotations).toMatchObject({ readOnlyHint: true, openWorldHint: false });
    expect(byName.get("get_code")?.annotations).toMatchObject({ readOnlyHint: false, destructiveHint: true });
    expect(byName.get("generate_image")?.annotations).toMatchObject({ openWorldHint: true });
  });

  it("list_frames: the frames figment frames --json lists", async () => {
    const result = await client.callTool({ name: "list_frames", arguments: { design: PROMO } });
    expect(result.isError).toBeFalsy();
    const io = captureIo();
    expect(await run(["frames", PROMO, "--json"], io)).toBe(0);
    const cli = JSON.parse(io.stdout()) as { frames: unknown[] };
    expect(result.structuredContent).toEqual({ frames: cli.frames, groups: [], total: cli.frames.length });
    // A design without top-level frames (figment frames exits 1 with its empty list): an empty list, no error.
    const none = await client.callTool({
      name: "list_frames",
      arguments: { design: join(FIXTURES, "figma", "grida-stroke.file.json") },
    });
    expect(none.isError, text(none)).toBeFalsy();
    expect(none.structuredContent).toEqual({ frames: [], groups: [], total: 0 });
  });

  it("get_design_changes: since a generated folder's record to a design, as figment diff --json says it", async () => {
    const [old, now] = ["412cc73", "c66ecf7"].map((c) => join(FIXTURES, "diff", `psykolog-jenny-${c}.nodes.json`));
    const folder = join(work, "generated-site");
    const design = designFacts(JSON.parse(readFileSync(old!, "utf8")) as unknown);
    const record = {
      figment: "0.1.0",
      createdAt: "2026-11-27T12:00:00.000Z",
      by: "cli" as const,
      source: { file: "site.json", nodes: [], frames: [] },
      options: { target: "react" as const, styling: "css-modules" as const, nodeIds: false },
    };
    for (const file of recordFiles(record, [{ path: "src/App.tsx", content: "export {};\n" }], design)) {
      mkdirSync(dirname(join(folder, file.path)), { recursive: true });
      writeFileSync(join(folder, file.path), file.content);
    }
    const result = await client.callTool({ name: "get_design_changes", arguments: { folder, design: now } });
    expect(result.isError, text(result)).toBeFalsy();
    const io = captureIo();
    expect(await run(["diff", old!, now!, "--json"], io)).toBe(0);
    const cli = JSON.parse(io.stdout()) as { changes: unknown[]; summary: string };
    expect(result.structuredContent).toMatchObject({ changes: cli.changes, summary: cli.summary });
    expect(text(result).split("\n")[0]).toBe("moved “Vector 2” (VECTOR 55:55): 64.6,3150.6 → 64.6,3330.6");
  });

  it("list_frames' groups and get_code's breakpoints: frames drawing one page at several widths", async () => {
    const flora = join(FIXTURES, "real", "flora.file.json");
    const listed = await client.callTool({ name: "list_frames", arguments: { design: flora } });
    const { groups } = listed.structuredContent as { groups: { frames: { id: string; label: string }[] }[] };
    expect(groups.map((g) => g.frames.map((f) => f.label))).toHaveLength(4);
    // The order modal's desktop and phone drawings, made one page as the agent asks.
    const nodes = ["8211:116360", "8238:19230"];
    const code = await client.callTool({
      name: "get_code",
      arguments: { design: flora, nodes, breakpoints: true, target: "html", out: "modal" },
    });
    expect(code.isError, text(code)).toBeFalsy();
    const { problems } = code.structuredContent as { problems: { code: string; message: string }[] };
    expect(problems.find((p) => p.code === "breakpoints")?.message).toBe(
      "“Order Modal” and “Order Modal Mobile”: 2 frames → one responsive page: Desktop 1440, Phone 375 (as " +
        "--breakpoints asks)",
    );
    const one = await client.callTool({
      name: "get_code",
      arguments: { design: flora, nodes: nodes.slice(0, 1), breakpoints: true, out: "modal" },
    });
    expect(one.isError).toBe(true);
    expect(text(one)).toContain("--breakpoints makes the frames given with --node one page: give two or more");
  }, 120_000);

  it("get_design_hint: figment hints' text with its tokens, a page at a time", async () => {
    const whole = await client.callTool({ name: "get_design_hint", arguments: { design: LOGIN } });
    const all = whole.structuredContent as { hint: string; tokens: number; totalTokens: number; totalLines: number };
    const io = captureIo();
    expect(await run(["hints", LOGIN], io)).toBe(0);
    expect(all.hint).toBe(io.stdout().trimEnd());
    expect(all.tokens).toBe(all.totalTokens);
    expect(all.totalTokens).toBeGreaterThan(500);
    // Within the page: the whole hint, as it always was (no sections, no cursor, one text).
    expect(Object.keys(all).sort()).toEqual(["fromLine", "hint", "lines", "tokens", "totalLines", "totalTokens"]);
    expect(whole.content).toHaveLength(1);
    const pages: string[] = [];
    let fromLine: number | undefined = 0;
    while (fromLine !== undefined) {
      const part = await client.callTool({
        name: "get_design_hint",
        arguments: { design: LOGIN, fromLine, maxTokens: 500 },
      });
      const got = part.structuredContent as { hint: string; tokens: number; nextLine?: number };
      expect(got.tokens).toBeLessThanOrEqual(500);
      pages.push(got.hint);
      fromLine = got.nextLine;
    }
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.join("\n")).toBe(all.hint);
  }, 60_000);

  it("get_design_hint: a tall page over maxTokens by sections, each page within it, with nextCursor", async () => {
    await loadTokenizer();
    const arguments_ = { design: FLORA, nodes: [FLORA_HOME], maxTokens: 2_000 };
    const got: SectionPage[] = [];
    let cursor: string | undefined;
    do {
      const result = await client.callTool({
        name: "get_design_hint",
        arguments: { ...arguments_, ...(cursor ? { cursor } : {}) },
      });
      expect(result.isError, text(result)).toBeFalsy();
      const page = result.structuredContent as SectionPage;
      expect(page.tokens).toBeLessThanOrEqual(2_000);
      expect(page.tokens).toBe(countTextTokens(page.hint) + (page.shared ? countTextTokens(page.shared) : 0));
      // The next cursor said in the text an agent reads, too.
      expect(text(result)).toContain(page.nextCursor ? `cursor "${page.nextCursor}"` : "This is the last page.");
      got.push(page);
      cursor = page.nextCursor;
    } while (cursor !== undefined && got.length < 50);
    expect(cursor).toBeUndefined();
    expect(got.length).toBeGreaterThanOrEqual(3);
    expect(got.flatMap((p) => p.sections.map((s) => s.index))).toEqual([...Array(got[0]!.sectionCount).keys()]);
    const io = captureIo();
    expect(await run(["hints", FLORA, "--node", FLORA_HOME], io)).toBe(0);
    const paged = got.flatMap((p) => (p.hint === "" ? [] : hintTexts(p.hint)));
    expect(paged.sort()).toEqual(hintTexts(io.stdout()).sort());

    const refused = async (args: Record<string, unknown>): Promise<string> => {
      const result = await client.callTool({ name: "get_design_hint", arguments: args });
      expect(result.isError).toBe(true);
      return text(result);
    };
    expect(await refused({ ...arguments_, cursor: "not-a-cursor" })).toContain(
      "the cursor is not one get_design_hint gave",
    );
    const second = got[0]!.nextCursor!;
    expect(await refused({ design: LOGIN, cursor: second })).toContain("the cursor is stale");
    expect(await refused({ ...arguments_, maxTokens: 3_000, cursor: second })).toContain("pages at 2000 tokens");
    expect(await refused({ ...arguments_, fromLine: 0, cursor: second })).toContain("not both");
    expect(await refused({ ...arguments_, maxTokens: 1_000_000 })).toMatch(/maxTokens|50000/);
  }, 240_000);

  it("get_code: written to a folder inside the working folder, or kept as resources the client reads", async () => {
    const out = join(work, "code");
    const written = await client.callTool({ name: "get_code", arguments: { design: LOGIN, out: "code" } });
    expect(written.isError, text(written)).toBeFalsy();
    const files = (written.structuredContent as { files: { path: string }[] }).files;
    expect(files.length).toBeGreaterThan(1);
    for (const f of files) expect(existsSync(join(out, f.path)), f.path).toBe(true);

    const kept = await client.callTool({ name: "get_code", arguments: { design: LOGIN, target: "html" } });
    const links = (kept.content as { type: string; uri?: string }[]).filter((c) => c.type === "resource_link");
    expect(links.length).toBeGreaterThan(0);
    const html = links.find((l) => l.uri?.endsWith(".html"));
    const read = await client.readResource({ uri: html!.uri! });
    expect((read.contents[0] as { text: string }).text).toMatch(/<html/i);
    const listed = await client.listResources();
    expect(listed.resources.map((r) => r.uri)).toEqual(expect.arrayContaining(links.map((l) => l.uri)));
  }, 120_000);

  it("update_code: a changed design merged into an edited folder get_code wrote; conflicts listed", async () => {
    writeFileSync(join(work, "home-1.json"), JSON.stringify(homeDesign()));
    writeFileSync(join(work, "home-2.json"), JSON.stringify(homeDesign({ title: "Welcome back", cardTitle: "Figs" })));
    const made = await client.callTool({
      name: "get_code",
      arguments: { design: "home-1.json", out: "shop", nodes: ["1:1"] },
    });
    expect(made.isError, text(made)).toBeFalsy();
    expect(existsSync(join(work, "shop", ".figment", "record.json"))).toBe(true);
    const home = join(work, "shop", "src", "screens", "Home.tsx");
    writeFileSync(home, readFileSync(home, "utf8").replace("return (", "// team\n  return ("));
    const card = join(work, "shop", "src", "components", "Card.tsx");
    writeFileSync(card, readFileSync(card, "utf8").replace('"Fresh fruit"', '"Apples"'));
    const updated = await client.callTool({
      name: "update_code",
      arguments: { design: "home-2.json", folder: "shop" },
    });
    expect(updated.isError, text(updated)).toBeFalsy();
    const result = updated.structuredContent as { conflicts: string[]; update: { summary: string } };
    expect(result.update.summary).toBe("2 re-texted");
    expect(readFileSync(home, "utf8")).toContain("// team");
    expect(readFileSync(home, "utf8")).toContain("Welcome back");
    // The team and the design both changed the card's default title: the one conflict, by file and line.
    const line = readFileSync(card, "utf8").split("\n").indexOf("<<<<<<< yours") + 1;
    expect(result.conflicts).toEqual([`src/components/Card.tsx:${line}`]);
    const bare = await client.callTool({ name: "update_code", arguments: { design: "home-2.json", folder: "." } });
    expect(bare.isError).toBe(true);
    expect(text(bare)).toContain("has no .figment/record.json");
  }, 120_000);

  it("score_code: figment score --json of code written with its layer ids", async () => {
    await client.callTool({
      name: "get_code",
      arguments: { design: LOGIN, out: "scored", target: "html", nodeIds: true },
    });
    const result = await client.callTool({
      name: "score_code",
      arguments: { design: LOGIN, dir: "scored", widths: [375] },
    });
    expect(result.isError, text(result)).toBeFalsy();
    const io = captureIo();
    expect(await run(["score", LOGIN, "--dir", join(work, "scored"), "--widths", "375", "--json"], io)).toBe(0);
    const cli = JSON.parse(io.stdout()) as { score: { iouMatched: number } };
    const got = (result.structuredContent as { score: { iouMatched: number } }).score;
    expect(Math.abs(got.iouMatched - cli.score.iouMatched)).toBeLessThanOrEqual(0.02);
  }, 180_000);

  it("resources/list in pages of 100: each generated file once; a bad cursor refused", async () => {
    const design = join(FIXTURES, "figma", "figmagic-design-system.file.json");
    const made = await client.callTool({ name: "get_code", arguments: { design } });
    expect(made.isError, text(made)).toBeFalsy();
    const uris: string[] = [];
    let pages = 0;
    let cursor: string | undefined;
    do {
      const listed = await client.listResources(cursor === undefined ? {} : { cursor });
      expect(listed.resources.length).toBeLessThanOrEqual(100);
      uris.push(...listed.resources.map((r) => r.uri));
      cursor = listed.nextCursor;
      pages++;
    } while (cursor !== undefined);
    expect(pages).toBeGreaterThan(1);
    expect(new Set(uris).size).toBe(uris.length);
    const links = (made.content as { type: string; uri?: string }[]).filter((c) => c.type === "resource_link");
    expect(links.length).toBeGreaterThan(100);
    expect(uris).toEqual(expect.arrayContaining(links.map((l) => l.uri)));
    await expect(client.listResources({ cursor: "not-a-cursor" })).rejects.toThrow(/cursor/);
  }, 120_000);

  it("a score_code cancelled while Chromium measures stops there; the server answers the next call", async () => {
    await client.callTool({
      name: "get_code",
      arguments: { design: LOGIN, out: "to-cancel", target: "html", nodeIds: true },
    });
    const controller = new AbortController();
    // Four hundred widths, each a step the command stops before when cancelled: the cancel reaches the server while
    // the page is still being measured, however slow the machine. With thirty, a starved client's cancel once came
    // after the server had measured them all and answered: nothing was cancelled, so nothing was logged.
    const widths = Array.from({ length: 400 }, (_, i) => 320 + i * 4);
    const call = client.callTool(
      { name: "score_code", arguments: { design: LOGIN, dir: "to-cancel", widths } },
      undefined,
      {
        signal: controller.signal,
        // The command's own step: Chromium is up and the page is being measured, width by width.
        onprogress: (note) => {
          if (note.message?.includes("measuring")) controller.abort("the test cancels");
        },
      },
    );
    await expect(call).rejects.toThrow();
    const notice = await nextLog("score_code: cancelled", 60_000);
    // Stopped inside the measurement (the command's own Cancelled), not after a finished one.
    expect(notice).toBe("score_code: cancelled while measuring the code; its work stopped");
    const after = await client.callTool({ name: "list_frames", arguments: { design: LOGIN } });
    expect(after.isError).toBeFalsy();
  }, 120_000);

  it("the first progress goes out before any work: before the design is checked, even before its error", async () => {
    const events: string[] = [];
    const onprogress = (note: { progress: number; message?: string }): void =>
      void events.push(`${note.progress} ${note.message ?? ""}`);
    // Refused at the design's path, the first step of the call: its progress came first all the same.
    const refused = await client.callTool({ name: "get_code", arguments: { design: "/etc/passwd" } }, undefined, {
      onprogress,
    });
    events.push(refused.isError ? "error" : "result");
    expect(events).toEqual(["0 get_code: started", "error"]);
    events.length = 0;
    wire.length = 0;
    const made = await client.callTool({ name: "get_design_hint", arguments: { design: LOGIN } }, undefined, {
      onprogress,
    });
    events.push(made.isError ? "error" : "result");
    expect(events[0]).toBe("0 get_design_hint: started");
    expect(events.filter((e) => e.endsWith("started"))).toHaveLength(1);
    // The last progress, 100, goes out before the result. Read off the wire: the SDK's client runs a notification's
    // handler a microtask late but a response at once, so when both come in one read it drops that progress
    // ("unknown token"), which is the client's doing, not the order the server sent.
    const sent = wire.flatMap((message) => {
      if ("method" in message && message.method === "notifications/progress") {
        const params = message.params as { progress: number; message?: string };
        return [`${params.progress} ${params.message ?? ""}`];
      }
      return "result" in message ? ["result"] : [];
    });
    expect(sent[0]).toBe("0 get_design_hint: started");
    expect(sent.slice(-2)).toEqual(["100 get_design_hint: done", "result"]);
  }, 60_000);

  it("analyze and search_frames: figment analyze --json and search --json", async () => {
    const analyzed = await client.callTool({ name: "analyze", arguments: { design: PROMO } });
    expect((analyzed.structuredContent as { findings: unknown[] }).findings.length).toBeGreaterThan(0);
    const found = await client.callTool({ name: "search_frames", arguments: { design: LOGIN, query: "log in" } });
    expect((found.structuredContent as { results: { id: string }[] }).results[0]?.id).toBe("101:3");
    const none = await client.callTool({ name: "search_frames", arguments: { design: LOGIN, query: "zzqqxx" } });
    expect(none.isError).toBeFalsy();
    expect(none.structuredContent).toEqual({ results: [] });
  }, 60_000);

  it("get_variables: the tokens figment code defines: each with its custom property,, the stylesheet", async () => {
    const result = await client.callTool({ name: "get_variables", arguments: { design: PROMO } });
    expect(result.isError, text(result)).toBeFalsy();
    const got = result.structuredContent as { tokens: { name: string; value: string }[]; css: string };
    expect(got.tokens.length).toBeGreaterThan(5);
    const io = captureIo();
    const out = join(work, "promo-html");
    expect(await run(["code", PROMO, "--target", "html", "--out", out], io)).toBe(0);
    // Whitespace aside: the written stylesheet is formatted (a long value wraps after its name).
    const flat = (css: string): string => css.replace(/\s+/g, " ").trim();
    const styles = flat(readFileSync(join(out, "styles.css"), "utf8"));
    for (const token of got.tokens) expect(styles, token.name).toContain(flat(`${token.name}: ${token.value}`));
    expect(styles).toContain(flat(got.css));
  }, 60_000);

  it("get_screenshot: a PNG of the frame's HTML at the frame's size", async () => {
    const result = await client.callTool({ name: "get_screenshot", arguments: { design: LOGIN } });
    expect(result.isError, text(result)).toBeFalsy();
    expect(result.structuredContent).toEqual({
      frameId: "101:3",
      frameName: "Log-In Page",
      width: 375,
      height: 667,
      source: "figment",
      scale: 1,
    });
    const image = (result.content as { type: string; data?: string; mimeType?: string }[]).find(
      (c) => c.type === "image",
    );
    expect(image?.mimeType).toBe("image/png");
    const png = Buffer.from(image!.data!, "base64");
    expect(png.subarray(1, 4).toString()).toBe("PNG");
    // The IHDR chunk's width and height (device pixels: 1 per CSS pixel here).
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([375, 667]);
    const several = await client.callTool({ name: "get_screenshot", arguments: { design: PROMO, node: "1:1" } });
    expect(several.isError).toBe(true);
  }, 120_000);

  it("generate_image --dry-run: the estimate, sending nothing, without the key in the answer or the log", async () => {
    const result = await client.callTool({
      name: "generate_image",
      arguments: { prompt: "a lighthouse", out: "images", dryRun: true },
    });
    expect(result.isError, text(result)).toBeFalsy();
    expect(result.structuredContent).toMatchObject({ dryRun: true, model: "gpt-image-2" });
    expect(JSON.stringify(result)).not.toContain(SECRET);
    expect(logs.join("\n")).not.toContain(SECRET);
  });
});

describe("figment mcp's errors: the CLI's sentences, and the server keeps serving", () => {
  it("a missing design file: the sentence figment frames prints", async () => {
    const missing = join(FIXTURES, "no-such-design.json");
    const result = await client.callTool({ name: "list_frames", arguments: { design: missing } });
    const io = captureIo();
    expect(await run(["frames", missing], io)).toBe(2);
    expect(result.isError).toBe(true);
    expect(text(result)).toBe(io.stderr().trim());
  });

  it("an unknown node, a missing argument, a refused flag value: each a tool error", async () => {
    const unknown = await client.callTool({ name: "analyze", arguments: { design: PROMO, nodes: ["999:999"] } });
    expect(unknown.isError).toBe(true);
    expect(text(unknown)).toMatch(/999:999/);
    const missing = await client.callTool({ name: "list_frames", arguments: {} });
    expect(missing.isError).toBe(true);
    expect(text(missing)).toMatch(/design/);
    const both = await client.callTool({
      name: "get_code",
      arguments: { design: LOGIN, out: "x", target: "html", styling: "tailwind" },
    });
    expect(both.isError).toBe(true);
    expect(text(both)).toMatch(/tailwind/);
  });

  it("files outside the folders: /etc/passwd, a design copied elsewhere, an output folder elsewhere", async () => {
    const elsewhere = mkdtempSync(join(tmpdir(), "figment-mcp-outside-"));
    try {
      copyFileSync(LOGIN, join(elsewhere, "login.json"));
      for (const design of ["/etc/passwd", join(elsewhere, "login.json"), "../../../../../../etc/passwd"]) {
        const result = await client.callTool({ name: "list_frames", arguments: { design } });
        expect(result.isError, design).toBe(true);
        expect(text(result)).toMatch(/is outside the folders this server may use/);
      }
      const out = await client.callTool({ name: "get_code", arguments: { design: LOGIN, out: elsewhere } });
      expect(out.isError).toBe(true);
      expect(readdirSync(elsewhere)).toEqual(["login.json"]);
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
    const still = await client.callTool({ name: "list_frames", arguments: { design: LOGIN } });
    expect(still.isError).toBeFalsy();
  });

  it("a design in a root the client declares is read; one the client does not declare is not", async () => {
    copyFileSync(LOGIN, join(clientRoot, "login.json"));
    const inRoot = await client.callTool({
      name: "list_frames",
      arguments: { design: join(clientRoot, "login.json") },
    });
    expect(inRoot.isError, text(inRoot)).toBeFalsy();
    const other = await connect([]);
    try {
      const refused = await other.callTool({
        name: "list_frames",
        arguments: { design: join(clientRoot, "login.json") },
      });
      expect(refused.isError).toBe(true);
    } finally {
      await other.close();
    }
  }, 60_000);
});
