/**
 * Issue 71's worker jobs through the protocol's checks, on a real frame changed as a designer would: `generate` says
 * the frame's design facts; `design-changes` says what changed since, from the facts or from the export; the zip of a
 * result with its record holds `.figment/`; `update-patch` takes a folder unpacked from the earlier result's zip to
 * the new result's zip under real `git apply`, byte for byte.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { unzipSync } from "fflate";
import { afterAll, describe, expect, it } from "vitest";
import type { DesignFacts } from "../../../codegen/design/design-diff.js";
import type { PluginGeneration } from "../../../codegen/project/recorded-project.js";
import { changedSelfieReply, SELFIE_FRAME, selfieReply } from "../../../test/helpers/changed-design.js";
import { parseEngineMessage, parseEngineRequest, type ReplyOf, type RequestOf } from "../protocol/index.js";
import { codeJobs } from "./code.js";
import { runJob } from "./run.js";
import { updateJobs } from "./update.js";
import { zipJobs } from "./zip.js";
import type { Jobs } from "./job.js";

type UpdateKind = "generate" | "zip-files" | "design-changes" | "update-patch";
const JOBS: Jobs<UpdateKind> = { ...codeJobs, ...zipJobs, ...updateJobs };
const KINDS: readonly string[] = Object.keys(JOBS);

let n = 0;
async function call<K extends UpdateKind>(kind: K, body: Record<string, unknown>): Promise<ReplyOf<K>> {
  const request = parseEngineRequest({ kind, id: `u${++n}`, ...body });
  if (!KINDS.includes(request.kind)) throw new Error(`not a job of these: ${request.kind}`);
  const message = parseEngineMessage(
    await runJob(JOBS, request as RequestOf<UpdateKind>, {
      signal: new AbortController().signal,
      emit: () => undefined,
    }),
  );
  if (!("reply" in message) || !message.reply.ok || message.reply.kind !== kind)
    throw new Error(`expected ${kind}, got ${JSON.stringify(message).slice(0, 400)}`);
  return message.reply as unknown as ReplyOf<K>;
}

const exportsOf = (reply: { nodes: Record<string, unknown> }) =>
  Object.entries(reply.nodes).map(([id, json]) => ({ id, json }));
const OPTIONS = { target: "react", styling: "css-modules", nodeIds: false };

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function readTree(dir: string, at = dir): Record<string, Buffer> {
  const files: Record<string, Buffer> = {};
  for (const name of readdirSync(at)) {
    if (name === ".git") continue;
    const path = join(at, name);
    if (statSync(path).isDirectory()) Object.assign(files, readTree(dir, path));
    else files[relative(dir, path).split("\\").join("/")] = readFileSync(path);
  }
  return files;
}

describe("design changes and updates in the worker", () => {
  it("says what changed; the update patch takes the earlier zip's folder to the new zip under git apply", async () => {
    const first = await call("generate", { exports: exportsOf(selfieReply()), options: OPTIONS });
    const then = first.design as DesignFacts;
    expect(then.frames).toEqual([SELFIE_FRAME]);
    expect(first.figment).toBe("dev");
    const changed = exportsOf(changedSelfieReply());
    const second = await call("generate", { exports: changed, options: OPTIONS });

    // From the export (before Generate) and from the new result's facts (after it): the same changes.
    const fromExport = await call("design-changes", { before: then, exports: changed });
    expect(fromExport.summary).toBe("1 moved, 1 re-texted, 1 added");
    expect(fromExport.lines).toContain("added “Badge” (RECTANGLE 33459:9001)");
    expect(fromExport.lines.join("\n")).toMatch(
      /re-texted “Label” \(TEXT [^)]+\): "Place your face in the frame" → "Hold/,
    );
    const fromFacts = await call("design-changes", { before: then, after: second.design });
    expect([fromFacts.summary, fromFacts.lines]).toEqual([fromExport.summary, fromExport.lines]);
    expect((await call("design-changes", { before: then, after: then })).lines).toEqual([]);

    const frames = [{ id: SELFIE_FRAME, name: "Selfie" }];
    const record = (createdAt: string, design: unknown): PluginGeneration =>
      ({
        figment: "0.1.0",
        createdAt,
        frames,
        nodeIds: false,
        target: "react",
        styling: "css-modules",
        design,
      }) as PluginGeneration;
    const earlier = record("2026-11-28T14:02:00.000Z", then);
    const now = record("2026-11-29T09:30:00.000Z", second.design);
    const zipOf = async (files: unknown, made: PluginGeneration) =>
      unzipSync((await call("zip-files", { files, record: made })).zip);
    const oldZip = await zipOf(first.result.files, earlier);
    const newZip = await zipOf(second.result.files, now);
    expect(Object.keys(oldZip)).toEqual(expect.arrayContaining([".figment/record.json", ".figment/design.json"]));
    expect(JSON.parse(Buffer.from(oldZip[".figment/record.json"]!).toString())).toMatchObject({
      by: "plugin",
      figment: "0.1.0",
      source: { nodes: [SELFIE_FRAME], frames },
      options: { target: "react", styling: "css-modules", project: "vite" },
    });

    const { patch, name, files } = await call("update-patch", {
      before: { record: earlier, files: first.result.files.filter((f) => !f.bytes), assets: [] },
      after: now,
      files: second.result.files,
    });
    expect(name).toBe("figment-update-selfie.patch");
    expect(files).toBeGreaterThan(2);
    expect(patch).toMatch(/^# Figment update of “Selfie” \(react, css-modules\)/);
    expect(patch).toContain("# Design changes: 1 moved, 1 re-texted, 1 added.");
    expect(patch).toContain("diff --git a/.figment/record.json b/.figment/record.json");

    // The team's folder: the earlier zip unpacked into a repository.
    const dir = mkdtempSync(join(tmpdir(), "figment-update-"));
    dirs.push(dir);
    for (const [path, bytes] of Object.entries(oldZip)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), bytes);
    }
    const git = (...args: string[]) => execFileSync("/usr/bin/git", args, { cwd: dir, stdio: "pipe" });
    git("init", "-q");
    git("add", "-A");
    git("-c", "user.email=t@example.com", "-c", "user.name=t", "commit", "-qm", "the team's code");
    writeFileSync(join(dir, "..", `${name}-${n}`), patch);
    dirs.push(join(dir, "..", `${name}-${n}`));
    git("apply", "--check", join(dir, "..", `${name}-${n}`));
    git("apply", join(dir, "..", `${name}-${n}`));
    const after = readTree(dir);
    expect(Object.keys(after).sort()).toEqual(Object.keys(newZip).sort());
    for (const [path, bytes] of Object.entries(newZip)) expect(after[path], path).toEqual(Buffer.from(bytes));
  });
});
