/** Command-line parsing for `figment`, on cli/flags.ts. */
import type { Styling, Target } from "../codegen/index.js";
import { MAX_ROUNDS } from "../ai/verify/rounds.js";
import { firstGiven, oneOfWords, present, readFlags, wholeNumber } from "./flags.js";
import { UsageError } from "./io.js";
import { parseWidths } from "../codegen/fidelity/responsive.js";
import { MODEL_FLAGS, modelConnectionArgs } from "./model-flags.js";

export const USAGE = `figment — Figma designs to multi-file React or HTML/CSS

Usage:
  figment frames <design.json> [--json]
  figment code <design.json> [--node ID]... [--target react|html] [--styling css-modules|tailwind]
               [--images DIR] [--out DIR] [--node-ids] [--project] [--variables VARS.json] [--exact-layout] [--score] [--json]
               [--components FILE] [--code-connect DIR] [--types PATH]...
  figment code --from-hint <hint.txt> [same options]
  figment code <design.json> --ai [--image frame.png] [--provider openai|openrouter|custom] [--model M]
               [--base-url URL] [--instructions TEXT] [--draft] [--timeout SECONDS] [--dry-run] [same options]
               [--verify [--rounds N]]
  figment code <design.json> --file-key KEY [--figma-token T] [--figma-base-url URL] [same options]
  figment hints <design.json> [--node ID]... [--images DIR]
  figment fidelity <design.json> [--node ID]... [--widths 390,768,design,1920] [--json]
               (IoU at the design width; per viewport width: what a reader sees of the text, overflow, blank space)
  figment score <design.json> --dir DIR [--node ID] [--widths …] [--json]
               (any code — hand-written, a model's — measured against the design; figment score --help)
  figment analyze <design.json> [--node ID]... [--json]
               (contrast, target and text size, names; figment analyze --help lists the findings)
  figment search <design.json> QUERY [--top K] [--json] [--ai] [--cache FILE]
               (frames of every page by words, and by meaning with --ai; figment search --help lists its flags)
  figment image --prompt TEXT --out DIR [--ref FILE]... [--size WxH] [--n N] [--partials N] [--dry-run] …
               (figment image --help lists its flags)
  figment batch status|collect|resubmit DIR [--json] [--base-url URL]
               (a batch submitted with --batch-api; figment batch --help)
  figment demo [--out DIR]

<design.json> is a Figma REST reply (GET /v1/files/:key or /nodes), or a node exported by a plugin with
exportAsync({ format: "JSON_REST_V1" }). Without --node, every top-level frame is converted.
--project writes a runnable project around the code (React: a Vite app with package.json, index.html and
src/main.tsx rendering the first screen; \`npm install && npm run dev\` in --out), as the plugin's zip does.
--images DIR supplies the image fills' bytes, which Figma's JSON never carries: DIR/<imageRef>.png (or .jpg,
.jpeg, .gif, .webp; the format is read from the bytes). The code then references real files (React
src/assets/<layer>.<ext>, HTML assets/<layer>.<ext>; identical images once); a fill without its file stays a
grey placeholder and is listed as a problem.
--exact-layout keeps every layer of an absolute design (no auto layout) where it was drawn; by default such
screens wider than a phone get rows and columns inferred, so the code reflows on narrow screens.
--score renders each frame's code in Chromium after writing it and prints how closely it matches the design:
IoU×matched of the layers' boxes at the design width, and at 390, 768 and 1920 px the share of text a reader
sees (and each text cut off, covered, illegible, too small or missing), sideways scroll, blank page below the
content, content pinned to one side, and fonts that did not load; then the layers furthest off (with --json:
"score" per frame). The same figures the plugin shows.
--variables takes the file's GET /v1/files/:key/variables/local reply (or the plugin's export of it):
properties bound to variables become design tokens — CSS custom properties (a block per mode: light/dark
by prefers-color-scheme and [data-theme]) or, with --styling tailwind, the @theme — used as var(--…).

--components FILE (a mapping file, codegen/components-map/components.schema.json) and --code-connect DIR (Figma
Code Connect files, *.figma.tsx, read without running them) name the team's own code components: React output
imports them (import { Button } from "@acme/ui") for the instances they map, with the mapped props, and writes
no file for them. --types PATH (the library's .d.ts, or its package folder; MODULE=PATH to say which module)
type-checks that use: an unknown prop or a wrong value is a problem with file:line.

--ai asks a vision model for the code instead (the design hint, plus the frame's PNG with --image; without
it only the structure is sent and the model does not see the frame). --from-hint works with --ai too.
  --provider     openai (Responses API, default), openrouter or custom (chat completions at --base-url)
  --model        default gpt-5.4-image-2 (openai/gpt-5.4-image-2 on OpenRouter)
  --draft        send the offline output as a draft for the model to improve
  --timeout      seconds one model request may take (default 180)
  --dry-run      print the estimated tokens and cost, the endpoint and model; send nothing
  --verify       render the answer in Chromium, measure it against the design, and send the measured
                 differences back for a fix that is kept only if it measures better (implies --node-ids;
                 one frame); --rounds N: up to N such rounds (default 1, at most 3)
  --batch-api    one request per top-level frame on OpenAI's Batch API (half the price, answers within
                 24 h): submits and records DIR/batch.json under --out; then figment batch status|collect DIR
Keys come from the environment only: OPENAI_API_KEY (openai, custom) or OPENROUTER_API_KEY (openrouter).
Ctrl-C cancels the request.

--file-key fetches the design's image fills and vector SVGs from Figma's REST API, so the code has the real
pictures and icons: KEY is the part after /design/ (or /file/) in the file's URL, or the whole URL.
  --figma-token  a personal access token (file_content:read); better: set FIGMA_TOKEN in the environment
  --figma-base-url  the API's address (default https://api.figma.com)
A 429 is retried after Figma's Retry-After (up to 3 times, at most 2 min each); a missing image or SVG is a
listed problem. A refused token or an unknown file key exits 2, Figma failing or still rate-limiting exits 1.

Exit codes: 0 done, 1 internal error, model or Figma failure, 2 bad input or configuration (including a
missing or refused API key or Figma token), 130 cancelled.`;

export type ProviderName = "openai" | "openrouter" | "custom";

export interface CliArgs {
  command: string;
  input?: string;
  nodes: string[];
  target: Target;
  styling: Styling;
  out: string;
  nodeIds: boolean;
  /** Keep every layer where an absolute design put it (no inferred rows and columns). */
  exactLayout: boolean;
  json: boolean;
  /** Write a runnable project (the plugin zip's scaffold) around the generated files. */
  project: boolean;
  fromHint?: string;
  /** A variables/local reply: bound variables become design tokens. */
  variables?: string;
  /** Folder of image fill bytes, `<imageRef>.<ext>`. */
  images?: string;
  help: boolean;
  version: boolean;
  /** The model path (`figment code --ai`); the fields below only apply with it. */
  ai: boolean;
  /** A PNG of the frame to send with the design. */
  image?: string;
  provider: ProviderName;
  model?: string;
  baseUrl?: string;
  instructions?: string;
  /** Send the offline output as a draft. */
  draft: boolean;
  /** Seconds one model request may take. */
  timeoutSec?: number;
  dryRun: boolean;
  /** Send one request per top-level frame on OpenAI's Batch API (answers within 24 h, half the price). */
  batchApi: boolean;
  /** Fetch image fills and vector SVGs from Figma's REST API for this file (key already taken out of a URL). */
  fileKey?: string;
  /** The Figma token from --figma-token (FIGMA_TOKEN in the environment otherwise). */
  figmaToken?: string;
  /** Figma's REST API address, default https://api.figma.com. */
  figmaBaseUrl?: string;
  /** Render the code in Chromium after writing it and print how closely it matches the design (issue 25). */
  score: boolean;
  /** `figment code --ai --verify`: measured correction rounds, kept only when they measure better. */
  verify: boolean;
  /** How many verify rounds at most (1..3); only with --verify. */
  rounds?: number;
  /** `figment fidelity --widths`: viewport widths in px, 0 for the design width. */
  widths?: number[];
  /** The team's own components: a mapping file, a folder of Code Connect files, the library's types (issue 26). */
  components?: string;
  codeConnect?: string;
  types: string[];
}

export const FIGMA_API = "https://api.figma.com";

/**
 * The file key from `--file-key`: a bare key, or a Figma URL (`/design/KEY/…`, `/file/KEY/…`, and a branch's
 * `/design/KEY/branch/BRANCH/…`, whose branch key is what the API wants).
 */
export function parseFileKey(value: string): string {
  const text = value.trim();
  let key = text;
  if (/^https?:\/\//i.test(text)) {
    let path: string[] = [];
    try {
      path = new URL(text).pathname.split("/").filter(Boolean);
    } catch {
      // not a URL after all: refused below
    }
    const at = path.findIndex((p) => ["design", "file", "proto", "board", "slides", "make"].includes(p));
    key = at >= 0 ? (path[at + 2] === "branch" && path[at + 3] ? path[at + 3]! : (path[at + 1] ?? "")) : "";
  }
  if (!/^[A-Za-z0-9]+$/.test(key)) throw new UsageError(`--file-key needs a Figma file key (letters and digits, from the file's URL: figma.com/design/KEY/…), not ${text || '""'}`);
  return key;
}

/** Options that only mean something with --ai. */
const AI_ONLY = ["image", "provider", "model", "base-url", "instructions", "draft", "timeout", "dry-run", "batch-api", "verify", "rounds"] as const;

export function parseCliArgs(argv: string[]): CliArgs {
  const { values, positionals } = readFlags(argv, {
    boolean: ["node-ids", "exact-layout", "json", "project", "version", "ai", "draft", "dry-run", "batch-api", "score", "verify"],
    short: { version: "v" },
    string: ["target", "styling", "out", "from-hint", "variables", "images", "image", "instructions", "file-key", "figma-token", "figma-base-url", "widths", "rounds", "components", "code-connect", ...MODEL_FLAGS],
    list: ["node", "types"],
    positionals: true,
  });
  const target = oneOfWords("target", ["react", "html"] as const, values.target, "react");
  const styling = oneOfWords("styling", ["css-modules", "tailwind"] as const, values.styling, "css-modules");
  if (positionals.length > 2) throw new UsageError(`unexpected argument: ${positionals[2]}`);
  const command = positionals[0] ?? "";
  if (values.project && command !== "code") throw new UsageError(`--project only applies to figment code`);
  if (values.variables !== undefined && command !== "code") throw new UsageError(`--variables only applies to figment code`);
  if (values.variables !== undefined && values["from-hint"] !== undefined) throw new UsageError("--variables needs the design file (bindings are in its JSON), not --from-hint");
  if (values.variables !== undefined && !values.variables.trim()) throw new UsageError("--variables needs a file: --variables VARS.json");

  if (values.images !== undefined) {
    if (command !== "code" && command !== "hints") throw new UsageError(`--images only applies to figment code and figment hints`);
    if (values.images.trim() === "") throw new UsageError("--images needs a folder: --images DIR");
    if (values["from-hint"] !== undefined) throw new UsageError("--images needs the design's JSON (image fills are found by imageRef), not --from-hint");
  }

  if (values.score && command !== "code") throw new UsageError(`--score only applies to figment code (figment fidelity measures without writing code)`);
  if (values.score && values["from-hint"] !== undefined) throw new UsageError("--score needs the design's JSON (the layers' boxes are compared with it), not --from-hint");
  if (values.score && values["batch-api"]) throw new UsageError("--score cannot measure a Batch API submission (its code comes later): score the collected files with figment code --score");
  componentArgs(values, command);
  if (values.widths !== undefined && command !== "fidelity") throw new UsageError(`--widths only applies to figment fidelity`);
  const widths = values.widths !== undefined ? asWidths(values.widths) : undefined;

  const ai = values.ai ?? false;
  if (!ai) {
    const stray = firstGiven(values, AI_ONLY);
    if (stray) throw new UsageError(`--${stray} only applies to the model path: add --ai (figment code <design.json> --ai …)`);
  } else if (command !== "code" && !values.help && !values.version) {
    throw new UsageError(`--ai only applies to figment code, not ${command ? `figment ${command}` : "no command"}`);
  }
  const connection = modelConnectionArgs(values);
  const verify = verifyArgs(values);

  if (values["file-key"] === undefined) {
    const stray = firstGiven(values, ["figma-token", "figma-base-url"] as const);
    if (stray) throw new UsageError(`--${stray} only applies with --file-key KEY (the Figma file to fetch images and SVGs from)`);
  } else {
    if (command !== "code" && !values.help && !values.version) throw new UsageError(`--file-key only applies to figment code, not ${command ? `figment ${command}` : "no command"}`);
    if (values["from-hint"] !== undefined) throw new UsageError("--file-key needs the design's JSON (it picks the images and vectors to fetch from it), not --from-hint");
  }
  const fileKey = values["file-key"] !== undefined ? parseFileKey(values["file-key"]) : undefined;
  const figmaBaseUrl = values["figma-base-url"]?.trim();
  if (figmaBaseUrl !== undefined && !/^https?:\/\/[^\s/]+(\/[^\s]*)?$/.test(figmaBaseUrl)) throw new UsageError(`--figma-base-url must be an http(s) URL such as ${FIGMA_API}, not ${figmaBaseUrl || '""'}`);

  return {
    command,
    nodes: values.node ?? [],
    types: values.types ?? [],
    target,
    styling,
    out: values.out ?? "out",
    // The measurement finds layers by their data-node-id.
    // The measurement finds layers by their ids: --verify and --score ask for them.
    nodeIds: (values["node-ids"] ?? false) || verify.verify || (values.score ?? false),
    exactLayout: values["exact-layout"] ?? false,
    json: values.json ?? false,
    project: values.project ?? false,
    help: values.help ?? false,
    version: values.version ?? false,
    ai,
    ...connection,
    draft: values.draft ?? false,
    dryRun: values["dry-run"] ?? false,
    batchApi: values["batch-api"] ?? false,
    score: values.score ?? false,
    ...verify,
    ...present({
      input: positionals[1],
      fromHint: values["from-hint"],
      variables: values.variables,
      images: values.images,
      image: values.image,
      instructions: values.instructions,
      fileKey,
      figmaToken: values["figma-token"],
      figmaBaseUrl,
      widths,
      components: values.components,
      codeConnect: values["code-connect"],
    }),
  };
}

/** --components, --code-connect, --types: `figment code` from the design's JSON (a hint carries no component properties). */
function componentArgs(values: { components?: string; "code-connect"?: string; types?: string[]; "from-hint"?: string }, command: string): void {
  const given = firstGiven({ components: values.components, "code-connect": values["code-connect"], types: values.types }, ["components", "code-connect", "types"] as const);
  if (given === undefined) return;
  if (command !== "code") throw new UsageError(`--${given} only applies to figment code`);
  if (values["from-hint"] !== undefined) throw new UsageError(`--${given} needs the design's JSON (instances carry their component properties there), not --from-hint`);
  for (const [flag, value] of [["--components", values.components], ["--code-connect", values["code-connect"]]] as const) {
    if (value !== undefined && value.trim() === "") throw new UsageError(`${flag} needs a path`);
  }
}

/** --verify and --rounds: one frame's measured correction rounds, with --ai only (AI_ONLY refuses them without it). */
function verifyArgs(values: { verify?: boolean; rounds?: string; "batch-api"?: boolean; "from-hint"?: string }): { verify: boolean; rounds?: number } {
  const verify = values.verify ?? false;
  if (values.rounds !== undefined && !verify) throw new UsageError("--rounds only applies with --verify (figment code <design.json> --ai --verify --rounds N)");
  if (!verify) return { verify };
  if (values["batch-api"]) throw new UsageError("--verify measures each answer as it arrives; it cannot go with --batch-api");
  if (values["from-hint"] !== undefined) throw new UsageError("--verify needs the design's JSON (it measures the code against the design's layers), not --from-hint");
  const rounds = wholeNumber("--rounds", values.rounds, { min: 1, max: MAX_ROUNDS });
  return { verify, ...(rounds !== undefined ? { rounds } : {}) };
}

function asWidths(text: string): number[] {
  try {
    return parseWidths(text);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}
