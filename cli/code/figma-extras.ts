/**
 * `figment code --file-key KEY`: the glue between the CLI and cli/figma-rest — the token from --figma-token
 * or FIGMA_TOKEN (checked, never printed), progress and retry notices on stderr, and Figma's refusals as the
 * CLI's exit codes (2 for a refused token or unknown file, 1 for Figma failing or still rate-limiting).
 */
import { loadDesign, type DesignDocument, type LoadedDesign } from "../../codegen/index.js";
import { FIGMA_API, type CliArgs } from "../common/args.js";
import { load, readDesign, requireInput, WHOLE_FILE, type Output, type RunContext } from "../common/design-files.js";
import { formatWait } from "../figma-rest/errors.js";
import { fetchDesignExtras, type FetchedExtras } from "../figma-rest/fetch-extras.js";
import { DEFAULT_RETRY_POLICY, realSleep } from "../figma-rest/retry.js";
import { missingImageFiles, readImagesDir } from "../common/images-dir.js";
import { withPageGroups } from "../common/page-groups.js";
import { FIGMA_TIMEOUT_SEC, figmaToken } from "../figma-rest/token.js";
import { Cancelled } from "../../kernel/cancelled.js";

export async function fetchFigmaExtras(
  args: CliArgs & { fileKey: string },
  document: DesignDocument,
  io: Output,
  context: RunContext,
  skipImageRefs?: ReadonlySet<string>,
): Promise<FetchedExtras> {
  // figment mcp without FIGMA_TOKEN: only what its cache folder holds (fetchDesignExtras sends no request).
  const storeOnly = context.figma?.storeOnly === true && context.figma.store !== undefined;
  const token = storeOnly ? "" : figmaToken(args, context.env ?? process.env);
  try {
    return await fetchDesignExtras(document, {
      token,
      ...(storeOnly ? { storeOnly } : {}),
      baseUrl: args.figmaBaseUrl ?? FIGMA_API,
      fileKey: args.fileKey,
      ...(skipImageRefs ? { skipImageRefs } : {}),
      ...(context.figma?.store ? { store: context.figma.store } : {}),
      timeoutMs: context.figma?.timeoutMs ?? FIGMA_TIMEOUT_SEC * 1000,
      policy: context.figma?.policy ?? DEFAULT_RETRY_POLICY,
      sleep: context.figma?.sleep ?? realSleep,
      ...(context.signal ? { signal: context.signal } : {}),
      progress: (line) => io.err(line),
      onRetry: (n) =>
        io.err(
          `figma: ${n.status === 429 ? "rate-limited (429)" : `Figma answered ${n.status}`} ` +
            `on ${n.what}; retrying in ${formatWait(n.waitSec)} (${n.attempt} of ${n.of})`,
        ),
    });
  } catch (error) {
    if (context.signal?.aborted) throw new Cancelled("cancelled; nothing was written");
    // A FigmaRestError's kind gives its exit code: 2 for the token, access or file key, 1 for Figma failing.
    throw error;
  }
}

/**
 * The design for `figment code`: with --file-key, loaded once to learn which images and vectors the selected
 * frames use, then again with what Figma returned for them; without it, as `load` reads it. Its pages drawn at
 * several widths are made one page each (cli/common/page-groups.ts).
 */
export async function loadForCode(args: CliArgs, io: Output, context: RunContext): Promise<LoadedDesign> {
  return withPageGroups(await loadWithExtras(args, io, context), args, io);
}

async function loadWithExtras(args: CliArgs, io: Output, context: RunContext): Promise<LoadedDesign> {
  const { fileKey } = args;
  if (fileKey === undefined) return load(args, io);
  if (args.dryRun) {
    io.err("figma: --dry-run sends nothing: the images and SVGs are not fetched from Figma");
    return load(args, io);
  }
  const json = await readDesign(requireInput(args), io);
  // --images DIR and --file-key together: the folder's files win, Figma supplies the rest.
  const fromDir = args.images !== undefined ? await readImagesDir(args.images, json) : {};
  const first = loadDesign(json, args.nodes, {}, WHOLE_FILE);
  const fetched = await fetchFigmaExtras(
    { ...args, fileKey },
    first.document,
    io,
    context,
    new Set(Object.keys(fromDir)),
  );
  const images = { ...fetched.extras.images, ...fromDir };
  const design = loadDesign(json, args.nodes, { ...fetched.extras, images }, WHOLE_FILE);
  const missing = args.images !== undefined ? missingImageFiles(design.document, images, args.images) : [];
  return { ...design, problems: [...design.problems, ...fetched.problems, ...missing] };
}
