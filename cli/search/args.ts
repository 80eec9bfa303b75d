/** Command-line parsing for `figment search`, on cli/common/flags.ts. Bad flags are input errors (exit 2). */
import type { ProviderName } from "../common/args.js";
import { firstGiven, present, readFlags, wholeNumber } from "../common/flags.js";
import { baseUrlFlag, MODEL_FLAGS, providerFlag } from "../common/model-flags.js";
import { FigmentError } from "../../kernel/errors.js";

export const SEARCH_USAGE = `figment search — find the top-level frames of a design by words (and by meaning, with --ai)

Usage:
  figment search <design.json> QUERY [--top K] [--json]
  figment search <design.json> QUERY --ai [--cache FILE] [--provider openai|openrouter|custom] [--base-url URL]
               [--model M] [--dimensions N] [--timeout SECONDS]

Every top-level frame of every page is indexed: its name, page, texts, component names and a summary of its
structure (size, buttons, inputs, images, headings). Offline, frames are ranked by full-text BM25 (@orama/orama).
  --top K        how many frames to list (default 10)
  --json         print { "results": [{ id, name, page, score }] }, best first
--ai adds embeddings of the frames and the query (hybrid ranking: words and meaning).
  --model        the embedding model (default text-embedding-3-small; openai/text-embedding-3-small on OpenRouter)
  --dimensions   the embeddings' length, for models that can shorten them (text-embedding-3-*)
  --cache FILE   keeps the frames' embeddings by frame id + content hash: a second run embeds only new or
                 changed frames (deleted frames drop out of the file); and the last 50 queries' embeddings, so
                 an identical run sends nothing
  --timeout      seconds one embeddings request may take (default 60)
Keys come from the environment only: OPENAI_API_KEY (openai, custom) or OPENROUTER_API_KEY (openrouter).

Exit codes: 0 frames found; 1 no frame matches (said on stderr), a model failure or an internal error; 2 bad
usage (an unknown flag, a missing or non-Figma file, an empty query, a missing or refused API key); 130 cancelled.`;

export interface SearchArgs {
  help: boolean;
  input?: string;
  query: string;
  top: number;
  json: boolean;
  ai: boolean;
  cache?: string;
  provider: ProviderName;
  baseUrl?: string;
  model?: string;
  dimensions?: number;
  timeoutSec: number;
}

/** The flags `figment search` takes (help.test.ts holds SEARCH_USAGE to them). */
export const SEARCH_FLAGS = {
  boolean: ["json", "ai"],
  string: ["top", "cache", "dimensions", ...MODEL_FLAGS],
} as const;

export function parseSearchArgs(argv: string[]): SearchArgs {
  const { values, positionals } = readFlags(argv, {
    ...SEARCH_FLAGS,
    positionals: true,
    hint: "figment search --help lists the flags",
  });
  const help = values.help ?? false;
  if (positionals.length > 2)
    throw new FigmentError(
      "input",
      `unexpected argument: ${positionals[2]} (quote a query of ` +
        `several words: figment search design.json "login form")`,
    );
  const query = positionals[1]?.trim() ?? "";
  if (!help && positionals[0] === undefined)
    throw new FigmentError("input", "search needs a design file and a query: figment search <design.json> QUERY");
  if (!help && !query) throw new FigmentError("input", "search needs a query: figment search <design.json> QUERY");
  const provider = providerFlag(values.provider);
  const baseUrl = baseUrlFlag(values["base-url"]);
  const ai = values.ai ?? false;
  const aiOnly = ai
    ? undefined
    : firstGiven(values, ["cache", "provider", "base-url", "model", "dimensions", "timeout"]);
  if (aiOnly) throw new FigmentError("input", `--${aiOnly} works with --ai only`);
  const dimensions = wholeNumber("--dimensions", values.dimensions, { min: 1 });
  const model = values.model?.trim();
  if (model === "") throw new FigmentError("input", "--model needs a model name such as text-embedding-3-small");
  return {
    help,
    query,
    top: wholeNumber("--top", values.top, { min: 1 }) ?? 10,
    json: values.json ?? false,
    ai,
    provider,
    ...present({ input: positionals[0], cache: values.cache, baseUrl, model, dimensions }),
    timeoutSec: wholeNumber("--timeout", values.timeout, { min: 1 }) ?? 60,
  };
}
