/**
 * The shared words, one definition each: what the plugin's menu commands are, which providers a model can
 * come from, and (defined by codegen, which imports nothing of ours) the code targets and stylings.
 */
export { STYLINGS, TARGETS, type Styling, type Target } from "../codegen/load.js";

/** The plugin's menu commands (manifest.json `menu`), each opening its panel. */
export const COMMANDS = ["code", "image", "analyze", "search", "settings"] as const;
export type Command = (typeof COMMANDS)[number];

/** Where the model is: OpenAI (Responses API), OpenRouter, or any OpenAI-compatible endpoint. */
export const PROVIDERS = ["openai", "openrouter", "custom"] as const;
export type Provider = (typeof PROVIDERS)[number];
