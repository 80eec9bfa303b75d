/**
 * The UI's engine worker (the code generator, ts-morph + prettier, and the model client; ~2 MB gzipped) travels with
 * the main thread and goes to the UI only when it first needs code: shipped inside ui.html it made the panel slow to
 * open, since the iframe must receive and parse all of it before the panel can render. esbuild.config.mjs defines it.
 */
import type { CodePart, PanelPart } from "../../contract/messages.js";
import { definedText } from "../../kernel/defined.js";

declare const __FIGMENT_ENGINE__: string;
declare const __FIGMENT_TOKENIZER__: string;
declare const __FIGMENT_CODE_PARTS__: Record<string, string>;
declare const __FIGMENT_SEARCH_WORKER__: string;
declare const __FIGMENT_DRAFT__: string;
declare const __FIGMENT_PANEL_PARTS__: Record<string, string>;

/** The gzip+base64 engine worker script, or undefined in a build without it (a unit test of the source). */
export function enginePayload(): string | undefined {
  return definedText(() => __FIGMENT_ENGINE__);
}

/** The gzip+base64 tokenizer script (loaded into the engine worker for estimates only), or undefined. */
export function tokenizerPayload(): string | undefined {
  return definedText(() => __FIGMENT_TOKENIZER__);
}

/**
 * A gzip+base64 code part (ui/engine/code-parts/; loaded into the engine worker before the jobs that need it), or
 * undefined.
 */
export function codePartPayload(part: CodePart): string | undefined {
  return definedText(() => __FIGMENT_CODE_PARTS__[part]);
}

/** The gzip+base64 search worker (orama; ui/search-worker/), sent when the Search panel first opens, or undefined. */
export function searchWorkerPayload(): string | undefined {
  return definedText(() => __FIGMENT_SEARCH_WORKER__);
}

/** The gzip+base64 emitters for the Code panel's draft (ui/code/draft-part.ts), sent on first use, or undefined. */
export function draftPayload(): string | undefined {
  return definedText(() => __FIGMENT_DRAFT__);
}

/**
 * The gzip+base64 panel parts (ui/<panel>/<panel>-part.tsx with their CSS; esbuild.panel-parts.mjs), by panel:
 * each is sent when its panel first opens, or in idle time after the first paint. Undefined when missing.
 */
export function panelPartPayload(part: PanelPart | "layers"): string | undefined {
  return definedText(() => __FIGMENT_PANEL_PARTS__[part]);
}
