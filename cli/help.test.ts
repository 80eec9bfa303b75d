/**
 * Every command's --help against its parser: the help names every flag the parser takes and no flag it
 * refuses as unknown, each command answers --help with its own text (not the top-level one), and the
 * top-level help names every command and every `batch` step.
 */
import { describe, expect, it } from "vitest";
import { captureIo } from "../test/helpers/fixtures.js";
import { COMMAND_FLAGS, MAIN_COMMANDS } from "./common/args.js";
import { ANALYZE_AI_FLAGS } from "./analyze/ai-args.js";
import { ANALYZE_FLAGS } from "./analyze/args.js";
import { BATCH_FLAGS, SUBCOMMANDS } from "./batch/args.js";
import { flagNames } from "./common/flags.js";
import { COMMANDS, USAGE } from "./help.js";
import { IMAGE_FLAGS } from "./image/args.js";
import { IMAGE_ROWS_FLAGS, SINGLE_ONLY } from "./image/rows-args.js";
import { run } from "./run.js";
import { SCORE_FLAGS } from "./score/args.js";
import { LAYERS_FLAGS } from "./layers/args.js";
import { COMMAND_TABLE } from "./commands.js";
import { SEARCH_FLAGS } from "./search/args.js";
import { MCP_FLAGS } from "./mcp/args.js";
import { DIFF_FLAGS } from "./diff/args.js";

async function figment(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const io = captureIo();
  const code = await run(argv, io);
  return { code, stdout: io.stdout(), stderr: io.stderr() };
}

/** The flags a help text names: every `--word`. */
function namedFlags(text: string): Set<string> {
  return new Set([...text.matchAll(/(?<![\w-])--([a-z][a-z0-9-]*)/g)].map((m) => m[1]!));
}

interface HelpCase {
  name: string;
  argv: string[];
  /** What the help starts with. */
  title: RegExp;
  flags: readonly string[];
  /** Flags the parser takes only to refuse them by name: the help need not list them. */
  refused?: readonly string[];
  /** Words in the help that look like flags and are not this parser's (another program's, a routing flag). */
  foreign?: readonly string[];
}

const main = MAIN_COMMANDS.map(
  (command): HelpCase => ({
    name: command,
    argv: [command, "--help"],
    title: new RegExp(`^figment ${command} — `),
    flags: ["help", ...COMMAND_FLAGS[command]],
  }),
);

const CASES: HelpCase[] = [
  // hints names figment code --from-hint, which reads its output back.
  ...main.map((c) => (c.name === "hints" ? { ...c, foreign: ["from-hint"] } : c)),
  { name: "search", argv: ["search", "--help"], title: /^figment search — /, flags: flagNames(SEARCH_FLAGS) },
  {
    name: "analyze",
    argv: ["analyze", "--help"],
    title: /^figment analyze — /,
    flags: flagNames(ANALYZE_FLAGS),
    foreign: ["other", "task", "image"],
  },
  {
    name: "analyze --ai",
    argv: ["analyze", "--ai", "--help"],
    title: /^figment analyze --ai — /,
    flags: flagNames(ANALYZE_AI_FLAGS),
    refused: ["json"],
  },
  {
    name: "score",
    argv: ["score", "--help"],
    title: /^figment score — /,
    flags: flagNames(SCORE_FLAGS),
    foreign: ["node-ids", "score"],
  },
  // diff's help names figment code's --out (what writes the record --since reads).
  {
    name: "diff",
    argv: ["diff", "--help"],
    title: /^figment diff — /,
    flags: flagNames(DIFF_FLAGS),
    foreign: ["out"],
  },
  { name: "layers", argv: ["layers", "--help"], title: /^figment layers — /, flags: flagNames(LAYERS_FLAGS) },
  { name: "mcp", argv: ["mcp", "--help"], title: /^figment mcp — /, flags: flagNames(MCP_FLAGS) },
  // --template and --rows send `figment image` to its per-row form; --auth and --api-auth are the SD servers' own.
  {
    name: "image",
    argv: ["image", "--help"],
    title: /^figment image — /,
    flags: flagNames(IMAGE_FLAGS),
    foreign: ["template", "rows", "auth", "api-auth"],
  },
  {
    name: "image --template",
    argv: ["image", "--template", "x", "--help"],
    title: /^figment image --template — /,
    flags: flagNames(IMAGE_ROWS_FLAGS),
    refused: SINGLE_ONLY,
  },
  {
    name: "batch",
    argv: ["batch", "--help"],
    title: /^figment batch — /,
    flags: flagNames(BATCH_FLAGS),
    foreign: ["ai", "batch-api", "out"],
  },
];

describe("each command's --help", () => {
  it.each(CASES)(
    "$name: its own help, naming every flag its parser takes and none it does not",
    async ({ argv, title, flags, refused = [], foreign = [] }) => {
      const { code, stdout, stderr } = await figment(...argv);
      expect(code, stderr).toBe(0);
      expect(stderr).toBe("");
      expect(stdout).toMatch(title);
      const named = namedFlags(stdout);
      const missing = flags.filter((f) => f !== "help" && !refused.includes(f) && !named.has(f));
      expect(missing, "flags the parser takes that the help does not name").toEqual([]);
      const unknown = [...named].filter((f) => !flags.includes(f) && !foreign.includes(f));
      expect(unknown, "flags the help names that the parser does not take").toEqual([]);
    },
  );

  it("figment help COMMAND is figment COMMAND --help", async () => {
    for (const command of ["frames", "code", "search", "batch"])
      expect((await figment("help", command)).stdout).toBe((await figment(command, "--help")).stdout);
  });

  it(
    "a flag of another command is refused by name, with " + "the command's help named (it was silently ignored)",
    async () => {
      const cases: [string[], string][] = [
        [
          ["frames", "d.json", "--node", "1:2"],
          "--node does not apply to figment frames (figment frames --help lists its flags)",
        ],
        [
          ["frames", "d.json", "--target", "html"],
          "--target does not apply to figment frames (figment frames --help lists its flags)",
        ],
        [
          ["hints", "d.json", "--json"],
          "--json does not apply to figment hints (figment hints --help lists its flags)",
        ],
        [
          ["fidelity", "d.json", "--out", "x"],
          "--out does not apply to figment fidelity (figment fidelity --help lists its flags)",
        ],
        [["demo", "--node-ids"], "--node-ids does not apply to figment demo (figment demo --help lists its flags)"],
      ];
      for (const [argv, message] of cases) {
        const { code, stdout, stderr } = await figment(...argv);
        expect(code, argv.join(" ")).toBe(2);
        expect(stdout).toBe("");
        expect(stderr).toBe(`figment: ${message}`);
      }
    },
  );
});

describe("the top-level help", () => {
  it("lists every command, each answering --help, and every batch step", async () => {
    const { code, stdout } = await figment("--help");
    expect(code).toBe(0);
    expect(stdout).toBe(USAGE);
    for (const { name } of COMMANDS) {
      expect(stdout).toContain(`  figment ${name} `);
      const own = await figment(name, "--help");
      expect(own.code, name).toBe(0);
      expect(own.stdout).toMatch(new RegExp(`^figment ${name} — `));
    }
    const batch = stdout.split("\n").find((l) => l.startsWith("  figment batch "))!;
    for (const step of SUBCOMMANDS) expect(batch).toContain(step);
    for (const step of SUBCOMMANDS)
      expect((await figment("batch", "--help")).stdout).toContain(`figment batch ${step} DIR`);
  });

  it("lists the dispatch table's commands, in its order", () => {
    expect(COMMANDS.map((c) => c.name)).toEqual(Object.keys(COMMAND_TABLE));
  });

  it("without a command: the usage on stderr and exit 2 (bad usage)", async () => {
    const { code, stdout, stderr } = await figment();
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toBe(USAGE);
  });
});
