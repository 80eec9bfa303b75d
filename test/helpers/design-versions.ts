/**
 * Four real successive versions of one designer's file (test/fixtures/diff/SOURCES.md: psykolog-jenny, two frames
 * each) as files on disk, as file replies, and as a Figma file with a version history for the Figma-REST test
 * server: what `figment diff` and get_design_changes are tested on.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { FigmaTestFile } from "../figma-rest-server/server.js";
import { REPO_ROOT } from "./fixtures.js";

export const VERSIONS_DIR = join(REPO_ROOT, "test", "fixtures", "diff");

/** Oldest first: the commit each file was taken at, Figma's version id and its lastModified. */
export const VERSIONS = [
  { commit: "66a872a", version: "155070815", lastModified: "2019-07-29T14:32:38.278933Z", label: "Icons" },
  { commit: "8c76537", version: "155186170", lastModified: "2019-07-29T19:26:23.532609Z", label: null },
  { commit: "412cc73", version: "157999287", lastModified: "2019-08-06T11:08:21.347156Z", label: "Colours" },
  { commit: "c66ecf7", version: "159045606", lastModified: "2019-08-08T13:45:17.923089Z", label: "Newsletter" },
] as const;

export type Commit = (typeof VERSIONS)[number]["commit"];

/** The nodes reply of a version, on disk. */
export const versionPath = (commit: Commit): string => join(VERSIONS_DIR, `psykolog-jenny-${commit}.nodes.json`);

interface NodesReply {
  name: string;
  version: string;
  lastModified: string;
  nodes: Record<string, { document: { id: string }; components: object; styles: object }>;
}

/** A version as the whole-file reply GET /v1/files/:key gives: its two frames on one page. */
export function fileReply(commit: Commit): NonNullable<FigmaTestFile["document"]> {
  const reply = JSON.parse(readFileSync(versionPath(commit), "utf8")) as NodesReply;
  const entries = Object.values(reply.nodes);
  return {
    name: reply.name,
    version: reply.version,
    lastModified: reply.lastModified,
    document: {
      id: "0:0",
      children: [{ id: "0:1", name: "Pages", type: "CANVAS", children: entries.map((e) => e.document) }],
      type: "DOCUMENT",
      name: "Document",
    },
    ...{ components: entries[0]?.components ?? {}, styles: entries[0]?.styles ?? {} },
  };
}

/** The file for the test server: `current` as it is now (the newest by default), every version in its history. */
export function versionedFile(current: Commit = "c66ecf7"): FigmaTestFile {
  return {
    imageFills: {},
    svgs: {},
    document: fileReply(current),
    versions: [...VERSIONS].reverse().map((v, i) => ({
      id: v.version,
      created_at: v.lastModified.replace(/\.\d+Z$/, "Z"),
      label: v.label,
      description: null,
      user: { handle: i % 2 === 0 ? "Jenny" : "John" },
      reply: fileReply(v.commit),
    })),
  };
}
