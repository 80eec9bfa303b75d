/** Command-line parsing for `figment`, on cli/common/flags.ts. */
import type { Styling, Target } from "../../codegen/index.js";
import { MAX_ROUNDS } from "../../ai/verify/rounds.js";
import { firstGiven, oneOfWords, present, readFlags, wholeNumber } from "./flags.js";
import { parseWidths } from "../../codegen/fidelity/responsive.js";
import { MODEL_FLAGS, modelConnectionArgs } from "./model-flags.js";
import { FigmentError } from "../../kernel/errors.js";
import { PROJECT_KINDS, type ProjectKind } from "../../codegen/scaffold/project-files.js";

/** The commands this parser reads (the others have parsers of their own), each with the flags it takes. */
export const MAIN_COMMANDS = ["frames", "code", "hints", "fidelity", "demo"] as const;
export type MainCommand = (typeof MAIN_COMMANDS)[number];

/** Every flag of this parser by kind (readFlags's spec); `--help`/`-h` and `--version`/`-v` go with any command. */
export const MAIN_FLAGS = {
  boolean: [
    "node-ids",
    "exact-layout",
    "json",
    "project",
    "version",
    "ai",
    "draft",
    "dry-run",
    "batch-api",
    "score",
    "verify",
    "breakpoints",
    "no-breakpoints",
    "clarify",
  ],
  string: [
    "target",
    "styling",
    "out",
    "from-hint",
    "assets",
    "variables",
    "images",
    "instructions",
    "file-key",
    "figma-token",
    "figma-base-url",
    "widths",
    "rounds",
    "sections",
    "section-concurrency",
    "answers",
    "components",
    "code-connect",
    "update",
    ...MODEL_FLAGS,
  ],
  list: ["node", "types", "image"],
} as const;

type MainFlag = (typeof MAIN_FLAGS)[keyof typeof MAIN_FLAGS][number];

/** The flags each command takes; any other is refused by name (help.test.ts holds each command's help to this). */
export const COMMAND_FLAGS: Record<MainCommand, readonly Exclude<MainFlag, "version">[]> = {
  frames: ["json"],
  code: [
    ...MAIN_FLAGS.boolean.filter((f) => f !== "version"),
    ...MAIN_FLAGS.string.filter((f) => f !== "widths"),
    ...MAIN_FLAGS.list,
  ],
  hints: ["node", "images", "assets", "exact-layout", "breakpoints", "no-breakpoints"],
  fidelity: ["node", "widths", "json"],
  demo: ["out"],
};

export type ProviderName = "openai" | "openrouter" | "custom";

export interface CliArgs {
  command: string;
  input?: string;
  nodes: string[];
  target: Target;
  styling: Styling;
  /** --out; absent, each command has its default (cli/common/out-dir.ts). */
  out?: string;
  nodeIds: boolean;
  /** Keep every layer where an absolute design put it (no inferred rows and columns). */
  exactLayout: boolean;
  json: boolean;
  /** Write a runnable project (the plugin zip's scaffold) around the generated files. */
  project: boolean;
  /** --project's starter (`--project nextjs`); Vite when --project stands alone. */
  projectKind: ProjectKind;
  fromHint?: string;
  /**
   * --assets DIR: `figment hints` writes the files its hint names there (vectors' SVGs, images, tokens.json);
   * `figment code --from-hint` reads them back in place of the hint's stand-ins (cli/common/hint-assets.ts).
   */
  assets?: string;
  /** A variables/local reply: bound variables become design tokens. */
  variables?: string;
  /** Folder of image fill bytes, `<imageRef>.<ext>`. */
  images?: string;
  help: boolean;
  version: boolean;
  /** The model path (`figment code --ai`); the fields below only apply with it. */
  ai: boolean;
  /**
   * --image: a PNG of the frame to send with the design; for a page drawn at several widths, one per drawing (matched
   * to the drawings by their widths, cli/code/ai.ts).
   */
  frameImages: string[];
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
  /** --sections auto|off: a frame too large for one request goes section by section (issue 74); default auto. */
  sections: "auto" | "off";
  /** --section-concurrency N: how many section requests at once (default 3). */
  sectionConcurrency?: number;
  /** --clarify: the model may ask up to three questions first (issue 74); off by default. */
  clarify: boolean;
  /** --answers FILE: the answers to --clarify's questions (JSON: question id → answer); without it, the defaults. */
  answers?: string;
  /** `figment fidelity --widths`: viewport widths in px, 0 for the design width. */
  widths?: number[];
  /** The team's own components: a mapping file, a folder of Code Connect files, the library's types (issue 26). */
  components?: string;
  codeConnect?: string;
  types: string[];
  /**
   * Pages drawn at several widths (cli/common/page-groups.ts): true, --breakpoints (the --node frames are one page);
   * false, --no-breakpoints (every frame its own page); absent, a whole file's groups are found and made one page.
   */
  breakpoints?: boolean;
  /**
   * `figment code --update DIR`: generate again with the options DIR's record (`.figment/`) holds and merge the new
   * code into the folder as the team has edited it (cli/code/update.ts).
   */
  update?: string;
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
  if (!/^[A-Za-z0-9]+$/.test(key))
    throw new FigmentError(
      "input",
      `--file-key needs a Figma file key (letters and digits, from ` +
        `the file's URL: figma.com/design/KEY/…), not ${text || '""'}`,
    );
  return key;
}

export function isMainCommand(word: string | undefined): word is MainCommand {
  return (MAIN_COMMANDS as readonly string[]).includes(word ?? "");
}

/** Options that only mean something with --ai. */
const AI_ONLY = [
  "image",
  "provider",
  "model",
  "base-url",
  "instructions",
  "draft",
  "timeout",
  "dry-run",
  "batch-api",
  "verify",
  "rounds",
  "sections",
  "section-concurrency",
  "clarify",
  "answers",
] as const;

/** `--project nextjs` / `--project=vite`: the starter's name taken out, so the flag itself stays a boolean. */
function projectKindOf(argv: string[]): { argv: string[]; kind: ProjectKind } {
  const at = argv.findIndex((a) => a === "--project" || a.startsWith("--project="));
  if (at < 0) return { argv, kind: "vite" };
  const given = argv[at]!.startsWith("--project=") ? argv[at]!.slice("--project=".length) : argv[at + 1];
  const kind = PROJECT_KINDS.find((k) => k === given);
  if (argv[at]!.startsWith("--project=") && kind === undefined)
    throw new FigmentError("input", `--project takes ${PROJECT_KINDS.join(", ")}, not ${given}`);
  if (kind === undefined) return { argv, kind: "vite" };
  const rest = argv[at]!.startsWith("--project=") ? argv.slice(at + 1) : argv.slice(at + 2);
  return { argv: [...argv.slice(0, at), "--project", ...rest], kind };
}

export function parseCliArgs(given: string[]): CliArgs {
  const { argv, kind } = projectKindOf(given);
  const named = isMainCommand(argv[0]) ? `figment ${argv[0]} --help` : "figment --help";
  const { values, positionals } = readFlags(argv, {
    ...MAIN_FLAGS,
    short: { version: "v" },
    positionals: true,
    hint: `${named} lists the flags`,
  });
  const target = oneOfWords(
    "target",
    ["react", "html", "vue", "svelte", "angular", "react-native"] as const,
    values.target,
    "react",
  );
  // `css` is Vue's and Svelte's word for their scoped styles (a component's own stylesheet, as React's CSS modules).
  const styling = oneOfWords("styling", ["css-modules", "css", "tailwind"] as const, values.styling, "css-modules");
  if (target === "react-native" && styling !== "css-modules")
    throw new FigmentError("input", "--target react-native is written with StyleSheet styles (leave out --styling)");
  if (styling === "css" && target !== "vue" && target !== "svelte" && target !== "angular")
    throw new FigmentError(
      "input",
      "--styling css applies to --target vue|svelte|angular (component styles): use css-modules",
    );
  if (kind === "nextjs" && target !== "react")
    throw new FigmentError("input", "--project nextjs is a React starter: use --target react (or --project alone)");
  if (kind === "expo" && target !== "react-native")
    throw new FigmentError("input", "--project expo is React Native's starter: use --target react-native");
  const command = positionals[0] ?? "";
  const extra = positionals[command === "demo" ? 1 : 2];
  if (extra !== undefined)
    throw new FigmentError(
      "input",
      `unexpected argument: ${extra}${command === "demo" ? " (figment demo converts its own samples)" : ""}`,
    );
  // HTML's output is plain CSS (codegen/emit/html/emit.ts); a model is asked for Tailwind classes in either target.
  if (target === "html" && styling === "tailwind" && !values.ai)
    throw new FigmentError(
      "input",
      "--styling tailwind applies to --target react only: the HTML output " +
        "is plain CSS (styles.css); leave out --styling, or use --target react",
    );
  if (values.project && command !== "code") throw new FigmentError("input", `--project only applies to figment code`);
  if (values.variables !== undefined && command !== "code")
    throw new FigmentError("input", `--variables only applies to figment code`);
  if (values.variables !== undefined && values["from-hint"] !== undefined)
    throw new FigmentError("input", "--variables needs the design file (bindings are in its JSON), not --from-hint");
  if (values.variables !== undefined && !values.variables.trim())
    throw new FigmentError("input", "--variables needs a file: --variables VARS.json");

  if (values.images !== undefined) {
    if (command !== "code" && command !== "hints")
      throw new FigmentError("input", `--images only applies to figment code and figment hints`);
    if (values.images.trim() === "") throw new FigmentError("input", "--images needs a folder: --images DIR");
    if (values["from-hint"] !== undefined)
      throw new FigmentError(
        "input",
        "--images needs the design's JSON (image fills are found by imageRef), not --from-hint: give a hint's " +
          "pictures with --assets DIR (figment hints --images DIR --assets DIR writes them)",
      );
  }

  assetsArgs(values, command);

  if (values.score && command !== "code")
    throw new FigmentError(
      "input",
      `--score only applies to figment code (figment fidelity measures without writing code)`,
    );
  if (values.score && values["from-hint"] !== undefined)
    throw new FigmentError(
      "input",
      "--score needs the design's JSON (the layers' boxes are compared with it), not --from-hint",
    );
  if (values.score && values["batch-api"])
    throw new FigmentError(
      "input",
      "--score cannot measure a Batch API submission (its code comes " +
        "later): score the collected files with figment code --score",
    );
  componentArgs(values, command);
  const breakpoints = breakpointArgs(values, command);
  if (values.widths !== undefined && command !== "fidelity")
    throw new FigmentError("input", `--widths only applies to figment fidelity`);
  const widths = values.widths !== undefined ? asWidths(values.widths) : undefined;

  const ai = values.ai ?? false;
  const update = updateArgs(values, command);
  if (!ai) {
    // --dry-run also goes with --update: the unified diff is printed and nothing is written.
    const stray = firstGiven(values, update !== undefined ? AI_ONLY.filter((f) => f !== "dry-run") : AI_ONLY);
    if (stray)
      throw new FigmentError(
        "input",
        `--${stray} only applies to the model path: add --ai (figment code <design.json> --ai …)`,
      );
  } else if (command !== "code" && !values.help && !values.version) {
    throw new FigmentError(
      "input",
      `--ai only applies to figment code, not ${command ? `figment ${command}` : "no command"}`,
    );
  }
  const connection = modelConnectionArgs(values);
  const verify = verifyArgs(values);

  // With --update, the folder's record may hold the file key the token and address are for.
  if (values["file-key"] === undefined && update === undefined) {
    const stray = firstGiven(values, ["figma-token", "figma-base-url"] as const);
    if (stray)
      throw new FigmentError(
        "input",
        `--${stray} only applies with --file-key KEY (the Figma file to fetch images and SVGs from)`,
      );
  } else {
    if (command !== "code" && !values.help && !values.version)
      throw new FigmentError(
        "input",
        `--file-key only applies to figment code, not ${command ? `figment ${command}` : "no command"}`,
      );
    if (values["from-hint"] !== undefined)
      throw new FigmentError(
        "input",
        "--file-key needs the design's JSON (it picks the images and vectors to fetch from it), not --from-hint",
      );
  }
  const fileKey = values["file-key"] !== undefined ? parseFileKey(values["file-key"]) : undefined;
  const figmaBaseUrl = values["figma-base-url"]?.trim();
  if (figmaBaseUrl !== undefined && !/^https?:\/\/[^\s/]+(\/[^\s]*)?$/.test(figmaBaseUrl))
    throw new FigmentError(
      "input",
      `--figma-base-url must be an http(s) URL such as ${FIGMA_API}, not ${figmaBaseUrl || '""'}`,
    );

  if (isMainCommand(command)) {
    const taken: readonly string[] = COMMAND_FLAGS[command];
    const stray = (Object.keys(values) as string[]).find(
      (flag) => flag !== "help" && flag !== "version" && !taken.includes(flag),
    );
    if (stray)
      throw new FigmentError(
        "input",
        `--${stray} does not apply to figment ${command} (figment ${command} --help lists its flags)`,
      );
  }

  return {
    command,
    nodes: values.node ?? [],
    types: values.types ?? [],
    frameImages: values.image ?? [],
    target,
    styling: styling === "css" ? "css-modules" : styling,
    // The measurement finds layers by their data-node-id.
    // The measurement finds layers by their ids: --verify and --score ask for them.
    nodeIds: (values["node-ids"] ?? false) || verify.verify || (values.score ?? false),
    exactLayout: values["exact-layout"] ?? false,
    json: values.json ?? false,
    project: values.project ?? false,
    projectKind: kind,
    help: values.help ?? false,
    version: values.version ?? false,
    ai,
    ...connection,
    draft: values.draft ?? false,
    dryRun: values["dry-run"] ?? false,
    batchApi: values["batch-api"] ?? false,
    score: values.score ?? false,
    ...verify,
    sections: oneOfWords("sections", ["auto", "off"] as const, values.sections, "auto"),
    clarify: clarifyArgs(values),
    ...present({
      sectionConcurrency: wholeNumber("--section-concurrency", values["section-concurrency"], { min: 1, max: 8 }),
    }),
    ...present({
      input: positionals[1],
      out: values.out,
      fromHint: values["from-hint"],
      assets: values.assets,
      variables: values.variables,
      images: values.images,
      instructions: values.instructions,
      answers: values.answers,
      fileKey,
      figmaToken: values["figma-token"],
      figmaBaseUrl,
      widths,
      components: values.components,
      codeConnect: values["code-connect"],
      breakpoints,
      update,
    }),
  };
}

/** --assets DIR: written by figment hints, read by figment code --from-hint (never with a design's JSON). */
function assetsArgs(values: { assets?: string; "from-hint"?: string }, command: string): void {
  if (values.assets === undefined) return;
  if (command !== "code" && command !== "hints")
    throw new FigmentError("input", "--assets only applies to figment hints and figment code --from-hint");
  if (values.assets.trim() === "") throw new FigmentError("input", "--assets needs a folder: --assets DIR");
  if (command === "code" && values["from-hint"] === undefined)
    throw new FigmentError(
      "input",
      "--assets reads the files a hint names: give it with --from-hint <hint.txt> (a design's JSON has them)",
    );
}

/** --clarify (and its --answers FILE): questions first, in one run that then generates (not on the Batch API). */
function clarifyArgs(values: { clarify?: boolean; answers?: string; "batch-api"?: boolean }): boolean {
  const clarify = values.clarify ?? false;
  if (values.answers !== undefined && !clarify)
    throw new FigmentError("input", "--answers FILE answers the questions of --clarify: give --clarify too");
  if (clarify && values["batch-api"])
    throw new FigmentError("input", "--clarify asks its questions before the code request: not with --batch-api");
  return clarify;
}

/** The options an update takes from the folder's record, never from the command line. */
const RECORDED = ["target", "styling", "project", "exact-layout", "node-ids", "out"] as const;

/** --update DIR: figment code only; the recorded options are not given again. */
function updateArgs(values: Partial<Record<string, unknown>>, command: string): string | undefined {
  const dir = values["update"];
  if (typeof dir !== "string") return undefined;
  if (command !== "code") throw new FigmentError("input", "--update only applies to figment code");
  if (dir.trim() === "") throw new FigmentError("input", "--update needs the generated folder: --update DIR");
  const given = RECORDED.find((flag) => values[flag] !== undefined);
  if (given === "out") throw new FigmentError("input", "--update DIR writes into DIR: leave out --out");
  if (given)
    throw new FigmentError(
      "input",
      `--${given} cannot go with --update: an update generates with the options DIR/.figment/record.json ` +
        "holds (generate into another folder to change them)",
    );
  for (const flag of ["batch-api", "score"] as const)
    if (values[flag] !== undefined) throw new FigmentError("input", `--${flag} cannot go with --update`);
  if (values["ai"] === true && values["dry-run"] === true)
    throw new FigmentError(
      "input",
      "--dry-run with --ai shows the model request; an update's dry run (the diff it would write) is offline only",
    );
  return dir;
}

/** --breakpoints (two or more --node frames made one page) and --no-breakpoints (each frame its own page). */
function breakpointArgs(
  values: { breakpoints?: boolean; "no-breakpoints"?: boolean; node?: string[]; "from-hint"?: string },
  command: string,
): boolean | undefined {
  const on = values.breakpoints === true;
  const off = values["no-breakpoints"] === true;
  if (!on && !off) return undefined;
  const flag = on ? "--breakpoints" : "--no-breakpoints";
  if (on && off) throw new FigmentError("input", "give --breakpoints or --no-breakpoints, not both");
  if (command !== "code" && command !== "hints")
    throw new FigmentError("input", `${flag} only applies to figment code and figment hints`);
  if (values["from-hint"] !== undefined)
    throw new FigmentError("input", `${flag} needs the design's JSON (it holds every frame drawn), not --from-hint`);
  const nodes = values.node?.length ?? 0;
  if (on && nodes < 2)
    throw new FigmentError(
      "input",
      `--breakpoints makes the frames given with --node one page: give two or more, one per width ` +
        "(--node DESKTOP --node PHONE)" +
        (nodes === 0 ? "; a whole file's pages drawn at several widths are found without it" : ""),
    );
  return on;
}

/**
 * --components, --code-connect, --types: `figment code` from the design's JSON (a hint carries no component
 * properties).
 */
function componentArgs(
  values: { components?: string; "code-connect"?: string; types?: string[]; "from-hint"?: string },
  command: string,
): void {
  const given = firstGiven(
    { components: values.components, "code-connect": values["code-connect"], types: values.types },
    ["components", "code-connect", "types"] as const,
  );
  if (given === undefined) return;
  if (command !== "code") throw new FigmentError("input", `--${given} only applies to figment code`);
  if (values["from-hint"] !== undefined)
    throw new FigmentError(
      "input",
      `--${given} needs the design's JSON (instances carry their component properties there), not --from-hint`,
    );
  for (const [flag, value] of [
    ["--components", values.components],
    ["--code-connect", values["code-connect"]],
  ] as const) {
    if (value !== undefined && value.trim() === "") throw new FigmentError("input", `${flag} needs a path`);
  }
}

/** --verify and --rounds: one frame's measured correction rounds, with --ai only (AI_ONLY refuses them without it). */
function verifyArgs(values: { verify?: boolean; rounds?: string; "batch-api"?: boolean; "from-hint"?: string }): {
  verify: boolean;
  rounds?: number;
} {
  const verify = values.verify ?? false;
  if (values.rounds !== undefined && !verify)
    throw new FigmentError(
      "input",
      "--rounds only applies with --verify (figment code <design.json> --ai --verify --rounds N)",
    );
  if (!verify) return { verify };
  if (values["batch-api"])
    throw new FigmentError("input", "--verify measures each answer as it arrives; it cannot go with --batch-api");
  if (values["from-hint"] !== undefined)
    throw new FigmentError(
      "input",
      "--verify needs the design's JSON (it measures the code against the design's layers), not --from-hint",
    );
  const rounds = wholeNumber("--rounds", values.rounds, { min: 1, max: MAX_ROUNDS });
  return { verify, ...(rounds !== undefined ? { rounds } : {}) };
}

function asWidths(text: string): number[] {
  try {
    return parseWidths(text);
  } catch (error) {
    throw new FigmentError("input", (error as Error).message);
  }
}
