import { describe, expect, it } from "vitest";
import { FILES_SCHEMA, parseFilesReply } from "./schema.js";

describe("FILES_SCHEMA", () => {
  it("is strict: every object closed and every property required", () => {
    const check = (node: unknown): void => {
      if (typeof node !== "object" || node === null) return;
      const n = node as Record<string, unknown>;
      if (n.type === "object") {
        expect(n.additionalProperties).toBe(false);
        expect([...(n.required as string[])].sort()).toEqual(Object.keys(n.properties as object).sort());
      }
      Object.values(n).forEach(check);
    };
    check(FILES_SCHEMA);
  });
});

describe("parseFilesReply", () => {
  const good = {
    files: [
      { path: "src/App.tsx", content: "export default function App() { return <div>{'}'}</div>; }" },
      { path: "src/App.module.css", content: ".root { color: red; }" },
    ],
    notes: "Used flexbox.",
  };

  it("reads a good reply", () => {
    expect(parseFilesReply(JSON.stringify(good))).toEqual({ ...good, problems: [] });
  });

  it("reads a reply in a markdown fence", () => {
    const reply = parseFilesReply("```json\n" + JSON.stringify(good) + "\n```");
    expect(reply.files).toHaveLength(2);
    expect(reply.problems).toEqual([]);
  });

  it("turns malformed JSON into a bad-output problem", () => {
    const reply = parseFilesReply("Sorry, I cannot do that.");
    expect(reply.files).toEqual([]);
    expect(reply.problems).toHaveLength(1);
    expect(reply.problems[0]).toMatchObject({ severity: "error", code: "bad-output" });
  });

  it("reports an empty reply and a non-object", () => {
    expect(parseFilesReply("").problems[0]?.code).toBe("bad-output");
    expect(parseFilesReply("[1,2]").problems[0]?.code).toBe("bad-output");
    expect(parseFilesReply('{"notes":"x"}').problems[0]?.message).toMatch(/files/);
  });

  it("skips malformed file entries with a warning", () => {
    const reply = parseFilesReply(JSON.stringify({ files: [{ path: "a.ts", content: "" }, { path: 3 }], notes: "" }));
    expect(reply.files).toEqual([{ path: "a.ts", content: "" }]);
    expect(reply.problems).toEqual([expect.objectContaining({ severity: "warning", code: "bad-output" })]);
  });

  it("salvages the complete files of a truncated reply", () => {
    const full = JSON.stringify({ notes: "done", files: good.files });
    const cut = full.slice(0, full.indexOf("color: red"));
    const reply = parseFilesReply(cut);
    expect(reply.files).toEqual([good.files[0]]);
    expect(reply.notes).toBe("done");
    expect(reply.problems).toHaveLength(1);
    expect(reply.problems[0]!.message).toMatch(/1 complete file/);
  });

  it("salvages at every cut point without throwing", () => {
    const full = JSON.stringify(good);
    for (let i = 0; i < full.length; i++) {
      const reply = parseFilesReply(full.slice(0, i));
      expect(reply.problems.length).toBeGreaterThan(0);
      expect(good.files.slice(0, reply.files.length)).toEqual(reply.files);
    }
  });

  it("passes unsafe paths through for the project pass to reject", () => {
    const files = [
      { path: "../etc/passwd", content: "x" },
      { path: "/abs.ts", content: "y" },
      { path: "a.ts", content: "1" },
      { path: "a.ts", content: "2" },
    ];
    expect(parseFilesReply(JSON.stringify({ files, notes: "" })).files).toEqual(files);
  });
});
