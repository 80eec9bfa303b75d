/**
 * One next step per SD problem, in words that name the server's own flags but no Figment surface (the panel and
 * the CLI add their own: Settings, --base-url, SDNEXT_AUTH). Kept apart from the errors, which only say what
 * happened (ai/errors/classify.ts's rule).
 */
import { AUTH_FLAGS, CORS_FLAGS, type SdProblem, type SdServerKind } from "./errors.js";

const both = (flags: Readonly<Record<SdServerKind, string>>, value: string): string =>
  `${flags.sdnext}${value} (SD.Next) or ${flags.a1111}${value} (AUTOMATIC1111)`;

export function sdNextStep(problem: SdProblem): string {
  switch (problem.type) {
    case "unreachable":
      return (
        `Start the server with its API on (AUTOMATIC1111 needs --api; ` +
        `SD.Next serves it by default) and check the address ${problem.url}.`
      );
    case "cors":
      if (problem.server === "comfyui")
        return "Restart ComfyUI with --enable-cors-header (or --enable-cors-header null) so it answers the plugin.";
      return problem.server
        ? `Restart the server with ${CORS_FLAGS[problem.server]} null so it answers the plugin.`
        : `Restart the server with ${both(CORS_FLAGS, " null")} so it answers the plugin.`;
    case "unauthorized":
      return `Enter the user:password the server was started with (${both(AUTH_FLAGS, "")}).`;
    case "invalid-field":
      return `Change the value sent as "${problem.field}", or update the server if it does not know that field.`;
    case "out-of-memory":
      return "Ask for a smaller size or fewer images at once, or free GPU memory on the server.";
    case "empty-answer":
      return "Look at the server's console for the error of that run, then try again.";
    case "no-route":
      return (
        "Check the address: it must be the SD.Next or AUTOMATIC1111 " +
        "server itself (started with --api for AUTOMATIC1111)."
      );
    case "no-controlnet":
      return "Use SD.Next, or install the ControlNet extension (sd-webui-controlnet) in AUTOMATIC1111.";
    case "no-control-model":
      return (
        `Download a ControlNet model for ${problem.unit} into the ` +
        `server's ControlNet folder, or pick another unit type.`
      );
    case "server-error":
      return "Try again; if it fails again, look at the server's console.";
    case "node-error":
      return `Change the value of node ${problem.node}'s ${problem.input ?? "inputs"}, or load it on the server.`;
    case "workflow-refused":
      return "Install the workflow's custom nodes on the server, or export the workflow again with Save (API).";
    case "node-failed":
      return `Look at the server's console for node ${problem.node}'s error, then try again.`;
    case "interrupted":
      return "Run it again; the run was stopped on the server.";
    case "unknown-name":
      return `Pick a ${problem.what} the server has, or put the file in the server's models folder and restart it.`;
  }
}
