/**
 * `figment image --template … --provider sdnext|a1111|comfyui [--sweep …]`: plans the rows as for a hosted model (the
 * rows, rules and template checked before anything is sent; --dry-run prints the prompts and each grid cell's
 * request), expands a parameter grid, then runs every request on the local server one at a time (cli/image/rows-sd.ts,
 * on SD's API or ComfyUI's: rows-servers.ts) and prints what was written, each image with its seed and swept values,
 * and the server's checkpoint (--json). Exit codes as the hosted rows': 0 all written, 1 some row failed or --timeout
 * passed, 2 bad input or the server refusing what every row needs, 130 cancelled.
 */
import { CANCELLED, type Outcome, type Output, type RunContext } from "../common/design-files.js";
import { checkOutDir } from "../common/io.js";
import { cliSocket } from "../common/node-websocket.js";
import type { ImageRowsArgs } from "./rows-args.js";
import { cellParams, gridRequests } from "./rows-grid.js";
import type { RowRequest } from "../../ai/params/index.js";
import type { ModelError } from "../../ai/errors/classify.js";
import { readWorkflow, reportComfyError } from "./comfy-command.js";
import { planRows } from "./rows-plan.js";
import { printPrompts, printRowsResult, rowEventLine, type PlannedCell } from "./rows-report.js";
import type { RowsRunResult } from "./rows-run.js";
import { runSdRows, sdRowOptions } from "./rows-sd.js";
import { comfyRowsServer, sdRowsServer, type RowsServer } from "./rows-servers.js";
import { runStop } from "./run-stop.js";
import { SD_SERVER_NAME, sdSize, type SdImageArgs } from "./sd-args.js";
import { pollMs, readImageFlag, sdAuth } from "./sd-command.js";
import { reportSdError } from "./sd-report.js";
import { plural } from "../../kernel/plural.js";

/** The server the rows draw on, and how its failure that stopped the run is said. */
async function serverFor(
  sd: SdImageArgs,
  env: Readonly<Record<string, string | undefined>>,
): Promise<{ server: RowsServer; report: (error: ModelError, io: Output) => number }> {
  if (sd.provider === "comfyui") {
    const workflow = sd.workflow !== undefined ? await readWorkflow(sd.workflow) : undefined;
    const server = comfyRowsServer({
      baseUrl: sd.baseUrl,
      openSocket: cliSocket(),
      ...(sd.model !== undefined ? { model: sd.model } : {}),
      ...(sd.scheduler !== undefined ? { scheduler: sd.scheduler } : {}),
      ...(workflow ? { workflow } : {}),
    });
    return { server, report: (error, io) => reportComfyError(error, workflow !== undefined, io) };
  }
  const auth = sdAuth(env);
  const connection = { baseUrl: sd.baseUrl, server: sd.provider, ...(auth ? { auth } : {}) };
  return { server: sdRowsServer(connection, pollMs(env)), report: reportSdError };
}

export async function sdRowsCommand(
  args: ImageRowsArgs,
  sd: SdImageArgs,
  io: Output,
  context: RunContext = {},
): Promise<Outcome> {
  const env = context.env ?? process.env;
  const init = sd.ref !== undefined ? await readImageFlag("--ref", sd.ref) : undefined;
  const { server, report } = await serverFor(sd, env);
  const rowsPlan = await planRows(args, []);
  const gridPlan = args.sweeps.length ? gridRequests(rowsPlan.requests, args.sweeps) : undefined;
  const requests = gridPlan?.requests ?? rowsPlan.requests;
  for (const note of rowsPlan.computed.notes) io.err(`figment: note: ${note}`);
  if (args.consistent && args.sweeps.some((s) => s.param === "seed"))
    io.err(
      "figment: note: --consistent keeps one seed for every row, " +
        "but --sweep seed sets each cell's: the sweep's seeds are sent",
    );
  const { sent: size } = sdSize(sd, init);
  if (args.dryRun) {
    printPrompts(
      rowsPlan.computed,
      args.json,
      io,
      gridPlan
        ? {
            grid: gridPlan.grid,
            cells: gridPlan.requests.map((planned) =>
              plannedCell(planned, sd, size, init !== undefined, args.consistent),
            ),
          }
        : undefined,
    );
    return 0;
  }
  const out = args.out!;
  await checkOutDir(out);
  const what = gridPlan
    ? `a ${gridPlan.grid.columns}×${gridPlan.grid.rowLabels.length} grid, ${plural(requests.length, "image")}`
    : `${plural(requests.length, "row")}, one image each`;
  io.err(
    `figment: ${what} (${modeOf(sd, init !== undefined)}, ${size.width}×${size.height}), ` +
      `one at a time, on the ${SD_SERVER_NAME[sd.provider]} server at ` +
      `${sd.baseUrl}${args.consistent ? "; every row with the same seed" : ""}…`,
  );
  const stop = runStop(context.signal, sd.timeoutSec);
  let result: RowsRunResult;
  try {
    result = await runSdRows(requests, {
      sd,
      server,
      size,
      ...(init ? { init } : {}),
      out,
      consistent: args.consistent,
      signal: stop.signal,
      onEvent: (event) => io.err(rowEventLine(event, rowsPlan.computed)),
    });
  } finally {
    stop.dispose();
  }
  // --timeout is not a cancel: the rows not sent are listed and the run fails (exit 1), the images written kept.
  if (stop.by === "timeout") result.cancelled = false;
  // The checkpoint: as the answers named it (AUTOMATIC1111, ComfyUI), else the one the server has loaded; unknown,
  // it is left out.
  const model = result.model ?? (result.written.length > 0 ? await server.loadedModel() : undefined);
  printRowsResult(
    result,
    rowsPlan.computed,
    {
      out,
      json: args.json,
      provider: sd.provider,
      ...(model ? { model } : {}),
      api: sd.provider === "comfyui" ? "comfyui" : "sdapi",
      consistent: args.consistent,
      ...(gridPlan ? { grid: gridPlan.grid } : {}),
    },
    io,
  );
  if (result.cancelled) return CANCELLED;
  if (result.stopped) return report(result.stopped, io);
  if (stop.by === "timeout")
    io.err(
      `figment: the run took longer than --timeout ${sd.timeoutSec} s: the server was interrupted, ` +
        `the images written are kept and the rest were not sent`,
    );
  return result.failed.length === 0 && result.notSent.length === 0 ? 0 : 1;
}

/** How each image is made: the user's own ComfyUI workflow, else img2img from --ref, else txt2img. */
const modeOf = (sd: SdImageArgs, img2img: boolean): string =>
  sd.workflow !== undefined ? "workflow" : img2img ? "img2img" : "txt2img";

/** A grid cell as --dry-run shows it: what it sweeps and the request it would send (the server's defaults left out). */
function plannedCell(
  planned: RowRequest,
  sd: SdImageArgs,
  size: { width: number; height: number },
  img2img: boolean,
  consistent: boolean,
): PlannedCell {
  const fixedSeed = consistent && sd.seed !== undefined && sd.seed >= 0 ? sd.seed : undefined;
  const { strength, ...sent } = sdRowOptions(planned, { sd, size }, fixedSeed);
  const request: PlannedCell["request"] = {
    mode: modeOf(sd, img2img),
    size: `${sent.width}x${sent.height}`,
  };
  if (sd.model !== undefined) request["model"] = sd.model;
  if (sent.steps !== undefined) request["steps"] = sent.steps;
  if (sent.cfgScale !== undefined) request["cfg"] = sent.cfgScale;
  if (sent.sampler !== undefined) request["sampler"] = sent.sampler;
  if (sent.seed !== undefined) request["seed"] = sent.seed;
  if (img2img) request["strength"] = strength;
  if (sent.negativePrompt !== undefined) request["negative"] = sent.negativePrompt;
  return { row: planned.row, stem: planned.stem, params: planned.cell ? cellParams(planned.cell) : {}, request };
}
