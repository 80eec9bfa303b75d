/** SD.Next / AUTOMATIC1111 client: generation, previews, cancel, lists, ControlNet, and its errors. */
export {
  txt2img,
  img2img,
  img2imgBody,
  controlRender,
  detectControl,
  listModels,
  listSamplers,
  loadedModel,
  testConnection,
  roundTo8,
} from "./client.js";
export type {
  SdGenerateOptions,
  SdImg2ImgOptions,
  SdMask,
  SdMaskFill,
  SdControlOptions,
  SdControlType,
  SdControlUnit,
  SdControlSupport,
  SdConnectionReport,
} from "./client.js";
export type { SdConnection } from "./http.js";
export { basicAuth } from "./http.js";
export type { SdJobOptions, SdProgress, SdResult } from "./job.js";
export type { SdImage, SdModel } from "./read.js";
export { SdError, CORS_FLAGS, AUTH_FLAGS, type SdProblem, type SdServerKind } from "./errors.js";
export { sdNextStep } from "./next-step.js";
