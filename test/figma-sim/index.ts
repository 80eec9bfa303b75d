/** The simulated `figma` global (browser-safe: no Node imports). Node helpers are in ./node.ts. */
export { createFigmaSim, installFigmaSim, PLUGIN_DATA_MAX_BYTES, SimNode, SimPage, SimUi, storedBytes } from "./sim.js";
export type {
  FigmaSim,
  FigmaSimOptions,
  SimRecord,
  ExportRecord,
  SimCodegenPreferences,
  SimCodegenResult,
  Json,
} from "./sim.js";
export { variantPairs, type SimDefinitions, type SimPropertyDefinition } from "./components.js";
export { encodeBlankPng, readPngSize } from "./png.js";
export {
  checkImageBytes,
  readImageHeader,
  sha1Hex,
  SIM_IMAGE_MAX_SIDE,
  type SimImage,
  type SimImageFormat,
  type SimImageInfo,
} from "./image.js";
export { checkedUiMessages, sendToMain, uiMessages, waitForUi, type UiOf } from "./contract.js";
