/**
 * The help of `figment` and of the commands parsed by cli/common/args.ts (frames, code, hints, fidelity, demo). The
 * other commands keep their help beside their own parser (cli/search/args.ts, cli/image/args.ts, …). help.test.ts holds
 * every command's help against its parser's flags, so neither can gain a flag the other lacks.
 */
import { DEFAULT_OUT_ROOT } from "./common/out-dir.js";

/** Exit codes, one wording for every command's help (and docs/cli.md). */
export const EXIT_CODES =
  `Exit codes: 0 done; 1 nothing found, checks failed, ` +
  `or a failure (a model, Figma, an internal error);
2 bad usage (an unknown flag, a missing argument, a bad value, an unusable file or folder); 130 cancelled.`;

const DESIGN_JSON =
  `<design.json> is a Figma REST reply (GET /v1/files/:key ` +
  `or /nodes), or a node exported by a plugin with
exportAsync({ format: "JSON_REST_V1" }).`;

/** Every command, as the top-level help lists it: its forms, then what it does. */
export const COMMANDS: readonly { name: string; forms: string[]; does: string }[] = [
  {
    name: "frames",
    forms: ["figment frames <design.json> [--json]"],
    does: "the top-level frames (frames, components, sections) by page, with size and node count",
  },
  {
    name: "code",
    forms: [
      "figment code <design.json> [--node ID]... [--target react|html|vue|svelte|angular|react-native] " +
        "[--styling css-modules|css|tailwind] [--out DIR] …",
      "figment code --from-hint <hint.txt> [--assets DIR] [same options]",
      "figment code <design.json> --ai [--image frame.png] [--verify] [--batch-api] … | --file-key KEY …",
    ],
    does:
      "multi-file code for the frames (offline; a vision model's " +
      "with --ai; Figma's images and SVGs with --file-key)",
  },
  {
    name: "diff",
    forms: [
      "figment diff <old.json> <new.json> [--node ID]... [--json]",
      "figment diff --file-key KEY --version ID [--version ID] | --versions | --since DIR [<new.json>] …",
    ],
    does: "what changed in a design between two versions (files, Figma versions, a generated folder's record)",
  },
  {
    name: "hints",
    forms: ["figment hints <design.json> [--node ID]... [--images DIR] [--assets DIR] [--exact-layout]"],
    does: "the compact design hint a model is sent",
  },
  {
    name: "fidelity",
    forms: ["figment fidelity <design.json> [--node ID]... [--widths 390,768,design,1920] [--json]"],
    does: "how closely figment's own code matches the design, per viewport width",
  },
  {
    name: "score",
    forms: ["figment score <design.json> --dir DIR [--node ID] [--widths …] [--json]"],
    does: "any code (hand-written, a model's) measured against the design",
  },
  {
    name: "layers",
    forms: ["figment layers <page.html | folder> [--width W]... [--out layers.json] [--json]"],
    does: "a rendered page back as Figma layers (a REST reply score, code and frames read)",
  },
  {
    name: "analyze",
    forms: [
      "figment analyze <design.json> [--node ID]... [--json]",
      "figment analyze <design.json> --node ID --ai [--task describe|critique|text|compare] …",
    ],
    does: "contrast, target and text size, names (a vision model's review with --ai)",
  },
  {
    name: "search",
    forms: ["figment search <design.json> QUERY [--top K] [--json] [--ai [--cache FILE] …]"],
    does: "the frames of every page by words (and by meaning with --ai)",
  },
  {
    name: "image",
    forms: [
      "figment image --prompt TEXT --out DIR [--ref FILE]... [--size WxH] [--n N] [--dry-run] …",
      "figment image --template TEXT --rows FILE --out DIR …",
    ],
    does: "images from a model or a local Stable Diffusion server (one per row with --template)",
  },
  {
    name: "batch",
    forms: ["figment batch status|collect|resubmit|cancel DIR [--json] [--base-url URL] [--timeout SECONDS]"],
    does: "a Batch API batch submitted with --batch-api: where it stands, collect, resubmit the failed lines, cancel",
  },
  {
    name: "mcp",
    forms: ["figment mcp [--http [PORT]] [--host HOST] [--root DIR]... [--bearer-env NAME]"],
    does: "an MCP server for coding agents: frames, hints, code, score, analyze, search, images, changes as tools",
  },
  { name: "demo", forms: ["figment demo [--out DIR]"], does: "React and HTML for the bundled sample designs" },
];

export const USAGE = `figment — Figma designs to multi-file React or HTML/CSS

Usage:
${COMMANDS.map((c) => [...c.forms.map((f) => `  ${f}`), `      ${c.does}`].join("\n")).join("\n")}
  figment help [COMMAND] | figment COMMAND --help | figment --version

Every command has its own help, with all of its flags: figment COMMAND --help (or figment help COMMAND).
${DESIGN_JSON}

${EXIT_CODES}`;

export const FRAMES_USAGE = `figment frames — the top-level frames of a design, by page

Usage:
  figment frames <design.json> [--json]

Lists what Figma calls top-level frames: the frames, components, component sets, instances and sections on
each page, and the frames inside a top-level section (loose shapes, lines, vectors and texts are not frames).
One line each, tab-separated: id, page (› section), name, type, size, node count; the page column is left
out for a nodes or export reply, which has no pages. figment code converts the same frames (a section's
frames rather than the section; a section without frames as one page); a note names those it skips (no
size, or no visible layers).
Then the frames that draw one page at several widths ("Home • Desktop", "Home • Tablet", "Home • Mobile";
"Cart" and "Mobile / Cart"), found by their names and what they draw: a line each ("3 frames → one responsive
page: Desktop 1440, Tablet 768, Phone 375"), then its frames, widest first. figment code makes each one page.
  --json     print { "frames": [{ id, name, type, page, sections, converted, width, height, nodes }],
             "groups": [{ by, frames: [{ id, name, width, label }] }] }
${DESIGN_JSON}

Exit codes: 0 listed; 1 no top-level frames; 2 bad usage (a missing, unreadable or non-Figma file, a flag
figment frames does not take).`;

export const CODE_USAGE = `figment code — multi-file React or HTML/CSS from a design

Usage:
  figment code <design.json> [--node ID]... [--target react|html|vue|svelte|angular|react-native]
               [--styling css-modules|css|tailwind]
               [--images DIR] [--out DIR] [--node-ids] [--project [nextjs|expo]] [--variables VARS.json]
               [--exact-layout] [--score] [--json] [--components FILE] [--code-connect DIR] [--types PATH]...
               [--breakpoints | --no-breakpoints]
  figment code --from-hint <hint.txt> [--assets DIR] [same options]
  figment code <design.json> --ai [--image frame.png] [--provider openai|openrouter|custom] [--model M]
               [--base-url URL] [--instructions TEXT] [--draft] [--timeout SECONDS] [--dry-run] [same options]
               [--verify [--rounds N]] [--batch-api] [--sections auto|off] [--section-concurrency N]
               [--clarify [--answers FILE]]
  figment code <design.json> --file-key KEY [--figma-token T] [--figma-base-url URL] [same options]
  figment code [<new-design.json> | --file-key KEY] [--node ID]... --update DIR [--dry-run] [--json]

${DESIGN_JSON}
Without --node, every top-level frame figment frames lists is converted; --node ID (12:34 or 12-34, repeatable)
picks frames or any layer.
A page drawn at several widths is one responsive page: a whole file's groups (figment frames lists them) are
found by name and content and each made one page, a note naming its frames.
  --breakpoints     the --node frames (two or more, one per width: --node DESKTOP --node PHONE) are one page
  --no-breakpoints  every frame its own page, none grouped
  --out DIR      where the files go. Without it: ./${DEFAULT_OUT_ROOT}/<frame>/<target>/ (the frame's name as a
                 folder name; one folder per frame for a whole file, each converted on its own), so React and
                 HTML, and different frames, never share a folder. A --out that already holds files of the
                 other target is said, with the files, before they mix.
  --target       react (default), html, vue (Vue 3 single-file components), svelte (Svelte 5 components),
                 angular (Angular standalone components, signals) or react-native
                 (React Native components with StyleSheet styles, for Expo; --score renders them
                 through react-native-web)
  --styling      css-modules (default) or tailwind (React, Vue, Svelte, Angular: the HTML output is plain CSS);
                 for Vue, Svelte and Angular, css (= css-modules) is each component's own (scoped) styles
  --node-ids     mark each element with its layer's id (data-node-id), as --score and figment score need
  --json         print { out, files: [{ path, bytes }], problems, … } instead of the list of files
--project writes a runnable project around the code (React: a Vite app with package.json, index.html and
src/main.tsx rendering the first screen; \`npm install && npm run dev\` in the folder), as the plugin's zip does.
With --target vue or svelte it is a Vite app too; with --target angular an Angular CLI project (angular.json,
the application builder, strict templates, zoneless; \`npm run build\` writes dist/<name>/browser/).
With --target react-native it is an Expo project (--project expo; SDK 57, Expo Router: app/_layout.tsx loads
the design's Google fonts from @expo-google-fonts with expo-font, app/index.tsx is the first screen; \`npm start\`,
\`npm run build\` exports the web build with expo export, which writes dist/).
--project nextjs writes a Next.js App Router project instead (React only): src/app/page.tsx for the first screen,
src/app/<route>/page.tsx per other, links as next/link; \`npm run build\` writes the static site to out/.
--images DIR supplies the image fills' bytes, which Figma's JSON never carries: DIR/<imageRef>.png (or .jpg,
.jpeg, .gif, .webp; the format is read from the bytes). The code then references real files (React
src/assets/<layer>.<ext>, HTML assets/<layer>.<ext>; identical images once); a fill without its file stays a
grey placeholder and is listed as a note.
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
After the files, problems (errors, warnings) are listed one a line, then the notes counted by kind (images
without their bytes, vectors drawn as boxes, imports added…) and a tip for each kind that has one.
Beside the code, DIR/.figment/ records what it was made from (the design file, Figma's file key and version,
the node ids, the options, each layer's facts) and every file as generated. Keep it in version control.

--update DIR brings a changed design into code the team has edited: it generates again with the options DIR's
record holds (--target, --styling, --project and --exact-layout cannot be given again; --node picks the frames
when their ids changed) and merges each file three ways (the record's copy, the folder now, the new code), as git
merges: a file you did not touch becomes the new code; a file you and the design both changed is merged, with
<<<<<<< yours / ======= / >>>>>>> design markers only where you both changed the same lines, listed as
file:line (exit 1). Files you added are left alone; files the design no longer has are removed when untouched,
kept and listed when edited; a component renamed in Figma renames its files. What changed in the design is
printed first (figment diff's lines). The record follows only a finished update; an update that fails, or is
killed, half-way leaves the folder as it was (the next one puts it back first); the same design again changes
no byte.
  --dry-run      print the changes and the unified diff the update would make; write nothing
Without <new-design.json>, Figma's current version of the recorded frames is fetched: --file-key KEY, or the key
the record holds (FIGMA_TOKEN). Code made with --file-key is updated with Figma's images and SVGs again.

--ai asks a vision model for the code instead (the design hint, plus the frame's PNG with --image; without
it only the structure is sent and the model does not see the frame). --from-hint works with --ai too.
--from-hint builds from what the hint says; its vectors, pictures and tokens are files beside it, which
--assets DIR (written by figment hints --assets DIR) supplies: without them a vector is drawn as its parts'
boxes and a picture as a grey placeholder, and the code is otherwise the code of the design.
  --image        the frame's PNG; a page drawn at several widths takes one per drawing (by width)
  --provider     openai (Responses API, default), openrouter or custom (chat completions at --base-url)
  --model        default gpt-5.4-image-2 (openai/gpt-5.4-image-2 on OpenRouter)
  --base-url     the endpoint (custom; or a proxy)
  --instructions your own words for the model (focus, conventions)
  --draft        send the offline output as a draft for the model to improve
  --timeout      seconds one model request may take (default 180)
  --dry-run      print the estimated tokens and cost, the endpoint and model; send nothing (without --ai, with
                 --update: the diff)
  --verify       render the answer in Chromium, measure it against the design, and send the measured
                 differences back for a fix that is kept only if it measures better (implies --node-ids;
                 one frame); --rounds N: up to N such rounds (default 1, at most 3)
  --sections     auto (default): a frame the provider would shrink below half size, or whose hint is over the
                 token budget, goes section by section (layout's top-level sections, each request with its crop
                 at full resolution and its part of the hint), then one page renders them; off: one request
  --section-concurrency  how many section requests at once (default 3)
  --clarify      first let the model ask up to three questions the design leaves open (is this a button, which
                 layers repeat), each with a default; printed on stderr, and the run goes on with the defaults
  --answers      FILE (JSON: question id → answer, e.g. {"q1": "a link"}) answers --clarify's questions; an id
                 the model did not ask is refused by name. Answers and defaults go with the code request(s)
  --batch-api    one request per top-level frame on OpenAI's Batch API (half the price, answers within
                 24 h): submits and records DIR/batch.json under --out; then figment batch status|collect DIR
Keys come from the environment only: OPENAI_API_KEY (openai, custom) or OPENROUTER_API_KEY (openrouter).
Ctrl-C cancels the request.

--file-key fetches the design's image fills and vector SVGs from Figma's REST API, so the code has the real
pictures and icons: KEY is the part after /design/ (or /file/) in the file's URL, or the whole URL.
  --figma-token  a personal access token (file_content:read); better: set FIGMA_TOKEN in the environment
  --figma-base-url  the API's address (default https://api.figma.com)
A 429 is retried after Figma's Retry-After (up to 3 times, at most 2 min each); a missing image or SVG is a
listed problem.

Exit codes: 0 written; 1 a model or Figma failure (Figma failing or still rate-limiting), an update that left
conflicts, or an internal error; 2 bad usage: an unknown flag, a missing argument, a bad value (--target html with
--styling tailwind), an unusable file or folder (--out naming a file; --update naming a folder with no record, or
one of a newer Figment), a missing or refused API key or Figma token, an unknown file key, a frame the new design
no longer has; 130 cancelled.`;

export const HINTS_USAGE = `figment hints — the compact design hint a model is sent, on stdout

Usage:
  figment hints <design.json> [--node ID]... [--images DIR] [--assets DIR] [--exact-layout]
                [--breakpoints | --no-breakpoints]

A header line, shared text styles ($1 …), then one line per layer, indented by depth: kind, id, name,
position and size, layout and style — the format figment code --from-hint reads back.
Without --node, every top-level frame figment frames lists, a page drawn at several widths once (as figment code).
  --images DIR     the image fills' bytes (DIR/<imageRef>.png …), so the hint names real asset files
  --assets DIR     also write the files the hint names but does not carry into DIR: each vector's SVG, each
                   picture given with --images, the design tokens (in hint-assets.json); figment code --from-hint
                   <hint.txt> --assets DIR then makes the design's own code
  --breakpoints    the --node frames (two or more, one per width) are one page
  --no-breakpoints every frame its own page
  --exact-layout   the layers where they were drawn (no rows and columns inferred for an absolute design)
${DESIGN_JSON}

${EXIT_CODES}`;

export const FIDELITY_USAGE = `figment fidelity — how closely figment's own HTML matches the design, per viewport width

Usage:
  figment fidelity <design.json> [--node ID]... [--widths 390,768,design,1920] [--json]

Each frame's offline HTML is rendered in Chromium: IoU at the design width; per viewport width, what a reader
sees of the text, sideways overflow and blank space. Without --node, every top-level frame figment frames lists.
  --widths   viewport widths in px, comma-separated; "design" is the frame's own width
  --json     print the figures per frame and width
(figment score measures any code, a model's or hand-written, the same way.)
${DESIGN_JSON}

${EXIT_CODES}`;

export const DEMO_USAGE = `figment demo — React and HTML for the bundled sample designs

Usage:
  figment demo [--out DIR]

Writes DIR/<sample>/react/, DIR/<sample>/html/ and DIR/<sample>/hint.txt for each sample (real Figma files,
test/fixtures/figma/SOURCES.md); DIR is ./${DEFAULT_OUT_ROOT} unless --out names another folder.

${EXIT_CODES}`;

/** The help of each command cli/common/args.ts parses. */
export const MAIN_HELP: Record<"frames" | "code" | "hints" | "fidelity" | "demo", string> = {
  frames: FRAMES_USAGE,
  code: CODE_USAGE,
  hints: HINTS_USAGE,
  fidelity: FIDELITY_USAGE,
  demo: DEMO_USAGE,
};
