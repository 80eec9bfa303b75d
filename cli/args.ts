/** Command-line parsing for `figment`, on node:util's parseArgs. */
import { parseArgs } from "node:util";
import type { Styling, Target } from "../codegen/index.js";
import { UsageError } from "./io.js";

export const USAGE = `figment — Figma designs to multi-file React or HTML/CSS

Usage:
  figment frames <design.json> [--json]
  figment code <design.json> [--node ID]... [--target react|html] [--styling css-modules|tailwind]
               [--out DIR] [--node-ids] [--json]
  figment code --from-hint <hint.txt> [same options]
  figment hints <design.json> [--node ID]...
  figment fidelity <design.json> [--node ID]... [--json]
  figment demo [--out DIR]

<design.json> is a Figma REST reply (GET /v1/files/:key or /nodes), or a node exported by a plugin with
exportAsync({ format: "JSON_REST_V1" }). Without --node, every top-level frame is converted.
Exit codes: 0 done, 1 internal error, 2 bad input.`;

export interface CliArgs {
  command: string;
  input?: string;
  nodes: string[];
  target: Target;
  styling: Styling;
  out: string;
  nodeIds: boolean;
  json: boolean;
  fromHint?: string;
  help: boolean;
  version: boolean;
}

export function parseCliArgs(argv: string[]): CliArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        node: { type: "string", multiple: true },
        target: { type: "string" },
        styling: { type: "string" },
        out: { type: "string" },
        "node-ids": { type: "boolean" },
        json: { type: "boolean" },
        "from-hint": { type: "string" },
        help: { type: "boolean", short: "h" },
        version: { type: "boolean", short: "v" },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  const target = values.target ?? "react";
  if (target !== "react" && target !== "html") throw new UsageError(`--target must be react or html, not ${target}`);
  const styling = values.styling ?? "css-modules";
  if (styling !== "css-modules" && styling !== "tailwind") throw new UsageError(`--styling must be css-modules or tailwind, not ${styling}`);
  if (positionals.length > 2) throw new UsageError(`unexpected argument: ${positionals[2]}`);
  return {
    command: positionals[0] ?? "",
    ...(positionals[1] !== undefined ? { input: positionals[1] } : {}),
    nodes: values.node ?? [],
    target,
    styling,
    out: values.out ?? "out",
    nodeIds: values["node-ids"] ?? false,
    json: values.json ?? false,
    ...(values["from-hint"] !== undefined ? { fromHint: values["from-hint"] } : {}),
    help: values.help ?? false,
    version: values.version ?? false,
  };
}
