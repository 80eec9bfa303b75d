/**
 * The UI's codegen worker (ts-morph + prettier, ~2 MB gzipped) travels with the main thread and goes to
 * the UI only when it first needs code: shipped inside ui.html it made the panel slow to open, since the
 * iframe must receive and parse all of it before the panel can render. esbuild.config.mjs defines it.
 */
declare const __FIGMENT_WORKER__: string;
declare const __FIGMENT_TOKENIZER__: string;

/** Read in exactly one place, so the bundle holds one copy of the 2.8 MB string. */
function definedPayload(): unknown {
  try {
    return __FIGMENT_WORKER__;
  } catch {
    // Not defined: a unit test imported the source directly, without the build.
    return undefined;
  }
}

/** The gzip+base64 worker script, or undefined in a build without it. */
export function workerPayload(): string | undefined {
  const payload = definedPayload();
  return typeof payload === "string" && payload.length > 0 ? payload : undefined;
}

/** Read in exactly one place, like the worker. */
function definedTokenizer(): unknown {
  try {
    return __FIGMENT_TOKENIZER__;
  } catch {
    return undefined;
  }
}

/** The gzip+base64 tokenizer script (loaded into the worker for estimates only), or undefined. */
export function tokenizerPayload(): string | undefined {
  const payload = definedTokenizer();
  return typeof payload === "string" && payload.length > 0 ? payload : undefined;
}
