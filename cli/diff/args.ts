/**
 * Command-line parsing for `figment diff`, on cli/common/flags.ts: which two designs are compared (two files, a file
 * and a Figma version, two versions, a generated folder's record and the design now) or the file's versions listed.
 * Flags that do not fit the form asked for are input errors (exit 2) that say why.
 */
import { FIGMA_API, parseFileKey } from "../common/args.js";
import { present, readFlags } from "../common/flags.js";
import { FigmentError } from "../../kernel/errors.js";

export const DIFF_USAGE = `figment diff — what changed in a design between two versions, layer by layer

Usage:
  figment diff <old.json> <new.json> [--node ID]... [--json]
  figment diff --file-key KEY --version ID [--version ID] [--node ID]... [--json]
  figment diff <old.json> --file-key KEY [--version ID] [--node ID]... [--json]
  figment diff --since DIR [<new.json> | --file-key KEY] [--json]
  figment diff --file-key KEY --versions [--json]

Lists the layers added, removed, moved, resized, recoloured, re-texted, renamed, hidden and shown, and the
components renamed, by name and id, one a line (\`moved “Button” (FRAME 1:3): 20,60 → 40,60\`), then a summary
("3 re-texted, 1 moved, 2 added", or "no changes"). A change that an instance's layers show with their main
component's is listed once, on the component's layer, with the number of instances; a move of less than half a
pixel is none. Without --node, every top-level frame figment frames lists is compared; --node ID (12:34 or 12-34,
repeatable) compares those frames or layers, and one missing from either side is an error that names it.
  --json          print { "changes": [{ kind, id, name, type, from?, to?, also? }], "summary", "before", "after" }
  --since DIR     the design a folder's code was generated from (its .figment/ record, written by figment code
                  --out DIR) against <new.json>, or against the file's current version on Figma (--file-key KEY,
                  or the file key the record holds)
Figma's version history (a personal access token with file_content:read, as for figment code --file-key):
  --file-key KEY  the Figma file (its key, or its URL): without a --version, its current version is the new side
  --version ID    a version of that file: one, compared with the current version (or with <old.json> before it:
                  then it is the new side); two, the first against the second
  --versions      list the file's versions, newest first: id, when, label, who saved it (the ids --version takes)
  --figma-token   a personal access token; better: set FIGMA_TOKEN in the environment
  --figma-base-url  the API's address (default ${FIGMA_API})
<old.json> and <new.json> are Figma REST replies (GET /v1/files/:key or /nodes) or a plugin's JSON_REST_V1 export.

Exit codes: 0 compared (changes or none) or listed; 1 Figma failing or still rate-limiting, or an internal error;
2 bad usage: a missing or unreadable design, a layer missing from one side, a folder without a record, a missing
or refused Figma token, an unknown file key or version; 130 cancelled.`;

export interface DiffArgs {
  help: boolean;
  /** The design files given (old, then new). */
  inputs: string[];
  nodes: string[];
  json: boolean;
  fileKey?: string;
  /** The --version ids, in the order given (old, then new). */
  versions: string[];
  /** --versions: list the file's versions. */
  listVersions: boolean;
  /** --since DIR: a generated folder whose record is the old side. */
  since?: string;
  figmaToken?: string;
  figmaBaseUrl?: string;
}

/** The flags `figment diff` takes (help.test.ts holds DIFF_USAGE to them). */
export const DIFF_FLAGS = {
  boolean: ["json", "versions"],
  string: ["file-key", "since", "figma-token", "figma-base-url"],
  list: ["node", "version"],
} as const;

const fail = (message: string): never => {
  throw new FigmentError("input", message);
};

/** A version id as Figma gives them (digits, for saved versions); anything with a space or a slash is refused. */
function versionId(value: string): string {
  const id = value.trim();
  if (!/^[A-Za-z0-9_.-]+$/.test(id))
    fail(
      "--version needs a version id of the file (figment diff --file-key KEY --versions lists them), " +
        `not ${value || '""'}`,
    );
  return id;
}

function baseUrl(value: string | undefined): string | undefined {
  const url = value?.trim();
  if (url !== undefined && !/^https?:\/\/[^\s/]+(\/[^\s]*)?$/.test(url))
    fail(`--figma-base-url must be an http(s) URL such as ${FIGMA_API}, not ${url || '""'}`);
  return url;
}

/** The forms' rules, in the order a user meets them; each refusal says what the form takes instead. */
function checkForm(args: DiffArgs): void {
  const { inputs, versions, fileKey, since, nodes } = args;
  if (inputs.length > 2) fail(`unexpected argument: ${inputs[2]} (figment diff compares two designs)`);
  if (versions.length > 2) fail("--version is given once (since it, to now) or twice (from the first to the second)");
  if (since !== undefined) {
    if (since.trim() === "") fail("--since needs the folder figment code --out wrote");
    if (args.listVersions) fail("--versions lists the file's versions and compares nothing: leave out --since");
    if (versions.length > 0)
      fail("--version does not apply with --since DIR: the record is the old side; the new is <new.json> or now");
    if (nodes.length > 0) fail("--node does not apply with --since DIR: the frames compared are the record's");
    if (inputs.length > 1) fail(`unexpected argument: ${inputs[1]} (--since DIR takes one design, the new one)`);
    if (inputs.length === 1 && fileKey !== undefined)
      fail("--since DIR compares with <new.json> or with the Figma file (--file-key KEY), not both");
    return;
  }
  if (fileKey === undefined) {
    const stray = args.listVersions ? "--versions" : versions.length > 0 ? "--version" : undefined;
    if (stray) fail(`${stray} needs the Figma file: --file-key KEY (the part after /design/ in its URL)`);
    if (args.figmaToken !== undefined || args.figmaBaseUrl !== undefined)
      fail("--figma-token and --figma-base-url only apply with --file-key KEY or --since DIR");
    if (inputs.length < 2)
      fail(
        "diff needs two designs: figment diff <old.json> <new.json>, or a Figma file's versions (--file-key KEY " +
          "--version ID), or a generated folder's record (--since DIR)",
      );
    return;
  }
  if (args.listVersions) {
    if (inputs.length > 0 || versions.length > 0 || since !== undefined || nodes.length > 0)
      fail("--versions lists the file's versions and compares nothing: figment diff --file-key KEY --versions");
    return;
  }
  if (inputs.length === 2) fail("two designs are compared with each other: --file-key does not apply");
  if (inputs.length === 1 && versions.length > 1)
    fail("<old.json> is compared with one version of the file (--version ID) or with its current version");
  if (inputs.length === 0 && versions.length === 0)
    fail(
      "--file-key KEY needs the version to compare from: --version ID (figment diff --file-key KEY --versions " +
        "lists them), or the old design: figment diff <old.json> --file-key KEY",
    );
}

export function parseDiffArgs(argv: string[]): DiffArgs {
  const { values, positionals } = readFlags(argv, {
    ...DIFF_FLAGS,
    positionals: true,
    hint: "figment diff --help lists the flags",
  });
  const args: DiffArgs = {
    help: values.help ?? false,
    inputs: positionals,
    nodes: values.node ?? [],
    json: values.json ?? false,
    versions: (values.version ?? []).map(versionId),
    listVersions: values.versions ?? false,
    ...present({
      fileKey: values["file-key"] !== undefined ? parseFileKey(values["file-key"]) : undefined,
      since: values.since,
      figmaToken: values["figma-token"],
      figmaBaseUrl: baseUrl(values["figma-base-url"]),
    }),
  };
  if (!args.help) checkForm(args);
  return args;
}
