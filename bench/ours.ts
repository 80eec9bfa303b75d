/** Our side of the token benchmark: the model hint for every top-level frame of a REST reply. */
import { normalize } from "../codegen/design/normalize.js";
import { printHint } from "../codegen/hint/print.js";
import { readRestReply } from "../codegen/rest/reply.js";

export function hintForFile(raw: unknown): string {
  const reply = readRestReply(raw);
  return printHint(normalize(reply.roots, reply.context).document);
}
