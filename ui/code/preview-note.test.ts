import { describe, expect, it } from "vitest";
import { previewNote } from "./preview-note.js";

describe("the preview's caption", () => {
  it("says a React result's HTML stand-in is not the React files, while drafting and when they cannot run", () => {
    const converted = { status: "ready" as const, files: [], converted: true };
    const draft = previewNote(converted, true, "react")?.text ?? "";
    const fallback = previewNote(converted, false, "react")?.text ?? "";
    for (const text of [draft, fallback]) {
      expect(text).toMatch(/Plain HTML/);
      expect(text).toMatch(/React files/);
      expect(text).not.toMatch(/HTML rendering of the design/);
    }
    expect(draft).toMatch(/once checked/);
    expect(fallback).toMatch(/could not run/);
  });

  it("names the React files when they run, and HTML output as what it is", () => {
    expect(previewNote({ status: "scripted", html: "", problems: [] }, false, "react")).toEqual({
      text: "React preview: the files run in a sandbox without network",
      quiet: false,
    });
    expect(previewNote({ status: "ready", files: [], converted: false }, false, "html")).toEqual({
      text: "HTML preview, no scripts",
      quiet: true,
    });
    expect(previewNote({ status: "loading" }, true, "react")).toBeUndefined();
    // Vue's and Svelte's files run compiled by their own compiler: the caption names them.
    expect(previewNote({ status: "scripted", html: "", problems: [] }, false, "vue")?.text).toBe(
      "Vue preview: the files run in a sandbox without network",
    );
    expect(previewNote({ status: "ready", files: [], converted: true }, true, "svelte")?.text).toBe(
      "Plain HTML draft: the Svelte files run once checked",
    );
  });
});
