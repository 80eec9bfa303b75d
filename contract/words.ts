/**
 * The shared words, one definition each: what the plugin's menu commands are, which providers a model can
 * come from, and (defined by codegen, which imports nothing of ours) the code targets and stylings.
 */
export { STYLINGS, TARGETS, type Styling, type Target } from "../codegen/load.js";

/** The plugin's menu commands (manifest.json `menu`), each opening its panel. */
export const COMMANDS = ["code", "image", "analyze", "search", "settings"] as const;
export type Command = (typeof COMMANDS)[number];

/** What a menu command opens inside its panel: the Code panel's "Design from a prompt" box. */
export const PANEL_OPENINGS = ["prompt"] as const;
export type PanelOpening = (typeof PANEL_OPENINGS)[number];

/**
 * The menu commands beside the panels' (manifest.json `menu`): the panel each opens and what it opens there, told to
 * the panel in `init.open`.
 */
export const MENU_ACTIONS = {
  "design-page": { panel: "code", open: "prompt" },
} as const satisfies Record<string, { panel: Command; open: PanelOpening }>;
export type MenuAction = keyof typeof MENU_ACTIONS;

/** Where the model is: OpenAI (Responses API), OpenRouter, or any OpenAI-compatible endpoint. */
export const PROVIDERS = ["openai", "openrouter", "custom"] as const;
export type Provider = (typeof PROVIDERS)[number];

/**
 * Where the Image panel's pictures come from: the hosted model of the provider above, or a server the user runs:
 * a Stable Diffusion server (SD.Next or AUTOMATIC1111's API, /sdapi/v1) or ComfyUI (its /prompt API).
 */
export const IMAGE_SOURCES = ["hosted", "sd", "comfyui"] as const;
export type ImageSource = (typeof IMAGE_SOURCES)[number];

/** A ControlNet unit's type, as "Render this frame" sends the frame's picture (ai/sdnext SdControlType). */
export const SD_CONTROL_TYPES = ["canny", "lineart", "scribble"] as const;
export type SdControlTypeWord = (typeof SD_CONTROL_TYPES)[number];

/** How an image is drawn: OpenAI Images API, Responses API with the image_generation tool, or chat completions. */
export const IMAGE_APIS = ["images", "responses", "chat"] as const;
export type ImageApi = (typeof IMAGE_APIS)[number];

export const IMAGE_QUALITIES = ["low", "medium", "high", "auto"] as const;
export type ImageQuality = (typeof IMAGE_QUALITIES)[number];

export const IMAGE_BACKGROUNDS = ["auto", "opaque", "transparent"] as const;
export type ImageBackground = (typeof IMAGE_BACKGROUNDS)[number];

/** Output formats one can ask a model for. */
export const IMAGE_FORMATS = ["png", "jpeg", "webp"] as const;
export type ImageFormat = (typeof IMAGE_FORMATS)[number];

/** What a relaunch button on a generated image asks the image panel to do with it. */
export const IMAGE_ACTIONS = ["refine", "regenerate"] as const;
export type ImageAction = (typeof IMAGE_ACTIONS)[number];

/**
 * The relaunch buttons (manifest.json `relaunchButtons`): the command Figma passes as `figma.command`, the
 * panel it opens and, for generated images, what to do there.
 */
export const RELAUNCH_BUTTONS = {
  code: { panel: "code" },
  "refine-image": { panel: "image", action: "refine" },
  "regenerate-image": { panel: "image", action: "regenerate" },
} as const satisfies Record<string, { panel: Command; action?: ImageAction }>;
export type RelaunchCommand = keyof typeof RELAUNCH_BUTTONS;
