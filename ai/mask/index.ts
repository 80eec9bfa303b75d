/**
 * The mask model (255 = repaint, at the image's resolution), made from the canvas or a file, as each provider's PNG.
 */
export { emptyMask, maskExtent, maskSizeProblem, type Mask, type MaskExtent, type MaskSize } from "./mask.js";
export { encodeOpenAiMask, maskFromPng, openAiMaskPng, sdMaskPng, type MaskConvention } from "./convert.js";
export { maskFromSource } from "./from-source.js";
export { decodePng, encodePng, encodePngAsync, type PngChannels, type PngFilter, type RgbaImage } from "./png.js";
