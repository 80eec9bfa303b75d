/**
 * `figment image --template … --provider sdnext|a1111 [--sweep …]`: plans the rows as for a hosted model (the
 * rows, rules and template checked before anything is sent; --dry-run prints the prompts and each grid cell's
 * request), expands a parameter grid, then runs every request on the server one at a time (cli/image/rows-sd.ts)
 * and prints what was written, each image with its seed and swept values, and the server's checkpoint (--json). Exit
 * codes as the hosted rows': 0 all written, 1 some row failed, 2 bad input or the server refusing what every row needs,
 * 130 cancelled.
 */
import { CANCELLED, type Outcome, type Output, type RunContext } from "../common/design-files.js";
import { checkOutDir } from "../common/io.js";
import type { ImageRowsArgs } from "./rows-args.js";
import { cellParams, gridRequests } from "./rows-grid.js";
import type { RowRequest } from "../../ai/params/index.js";
import { loadedModel } from "../../ai/sdnext/index.js";
import { planRows } from "./rows-plan.js";
import { printPrompts, printRowsResult, rowEventLine, type PlannedCell } from "./rows-report.js";
import { runSdRows, sdRowOptions } from "./rows-sd.js";
import { SD_SERVER_NAME, sdSize, type SdImageArgs } from "./sd-args.js";
import { pollMs, readImageFlag, sdAuth } from "./sd-command.js";
import { reportSdError } from "./sd-report.js";
import { plural } from "../../kernel/plural.js";

export async function sdRowsCommand(
  args: ImageRowsArgs,
  sd: SdImageArgs,
  io: Output,
  context: RunContext = {},
): Promise<Outcome> {
  const env = context.env ?? process.env;
  const auth = sdAuth(env);
  const init = sd.ref !== undefined ? await readImageFlag("--ref", sd.ref) : undefined;
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
    `figment: ${what} (${init ? "img2img" : "txt2img"}, ${size.width}×${size.height}), ` +
      `one at a time, on the ${SD_SERVER_NAME[sd.provider]} server at ` +
      `${sd.baseUrl}${args.consistent ? "; every row with the same seed" : ""}…`,
  );
  // Rows run on the SD servers only (rows-args.ts does not take comfyui yet).
  const server = sd.provider === "comfyui" ? undefined : sd.provider;
  const connection = { baseUrl: sd.baseUrl, ...(server ? { server } : {}), ...(auth ? { auth } : {}) };
  const result = await runSdRows(requests, {
    sd,
    connection,
    size,
    ...(init ? { init } : {}),
    out,
    consistent: args.consistent,
    pollMs: pollMs(env),
    ...(context.signal ? { signal: context.signal } : {}),
    onEvent: (event) => io.err(rowEventLine(event, rowsPlan.computed)),
  });
  // The checkpoint: as the answers named it (AUTOMATIC1111), else the one the server has loaded; unknown, it is left
  // out.
  const model =
    result.model ?? (result.written.length > 0 ? await loadedModel(connection).catch(() => undefined) : undefined);
  printRowsResult(
    result,
    rowsPlan.computed,
    {
      out,
      json: args.json,
      provider: sd.provider,
      ...(model ? { model } : {}),
      api: "sdapi",
      consistent: args.consistent,
      ...(gridPlan ? { grid: gridPlan.grid } : {}),
    },
    io,
  );
  if (result.cancelled) return CANCELLED;
  if (result.stopped) return reportSdError(result.stopped, io);
  return result.failed.length === 0 && result.notSent.length === 0 ? 0 : 1;
}

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
    mode: img2img ? "img2img" : "txt2img",
    size: `${sent.width}x${sent.height}`,
  };
  if (sent.steps !== undefined) request["steps"] = sent.steps;
  if (sent.cfgScale !== undefined) request["cfg"] = sent.cfgScale;
  if (sent.sampler !== undefined) request["sampler"] = sent.sampler;
  if (sent.seed !== undefined) request["seed"] = sent.seed;
  if (img2img) request["strength"] = strength;
  if (sent.negativePrompt !== undefined) request["negative"] = sent.negativePrompt;
  return { row: planned.row, stem: planned.stem, params: planned.cell ? cellParams(planned.cell) : {}, request };
}
