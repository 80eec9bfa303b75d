/** Figment's main thread (dist/code.js). Everything happens in start(); this only reports a failed start. */
import { errorText } from "./errors.js";
import { start } from "./start.js";

start().catch((error: unknown) => {
  console.error("Figment could not start:", error);
  figma.notify(`Figment could not start: ${errorText(error)}`, { error: true });
  figma.closePlugin();
});
