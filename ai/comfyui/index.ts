/** ComfyUI client: discovery, the built-in workflows, the user's own workflow, runs watched over its WebSocket. */
export { comfyGenerate } from "./client.js";
export type { ComfyControlType, ComfyGenerateOptions, ComfyImage, ComfyJobOptions, ComfyResult } from "./client.js";
export { discover, pickName, comboValues, type ComfyServerInfo } from "./discover.js";
export { DEFAULT_COMFY_URL, type ComfyConnection } from "./http.js";
export { runWorkflow, previewOf, imagesOf, type ComfyProgress, type ComfyRunResult, type ImageRef } from "./run.js";
export { globalSocket, type OpenSocket, type SocketHandlers } from "./socket.js";
export { fillWorkflow, parseWorkflow, placeholdersIn, PLACEHOLDERS } from "./workflow-file.js";
export { buildGraph, roundSide, OUTPUT_PREFIX, type ComfyGraph, type ComfySampling } from "./workflows.js";
