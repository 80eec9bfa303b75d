/** `figment hints <design.json>`: the compact design hint a model is sent. */
import { modelHint } from "../../codegen/index.js";
import type { CliArgs } from "../common/args.js";
import { load, type Output } from "../common/design-files.js";

export async function hintsCommand(args: CliArgs, io: Output): Promise<number> {
  const design = await load(args, io);
  io.out(modelHint(design.document, args.exactLayout ? "exact" : "responsive").trimEnd());
  return 0;
}
