/**
 * The Figma token and the time one request may take: apart from the code command's Figma path (figma-extras.ts),
 * which loads the codegen, so that `figment mcp` reads them without loading it at start.
 */
import { FigmentError } from "../../kernel/errors.js";

/** Seconds one Figma request may take (a render of many vectors can be slow). */
export const FIGMA_TIMEOUT_SEC = 60;

/** The token: --figma-token, else FIGMA_TOKEN. Refused (without echoing it) when missing or not header-safe. */
export function figmaToken(
  args: { figmaToken?: string | undefined },
  env: Readonly<Record<string, string | undefined>>,
): string {
  const fromFlag = args.figmaToken !== undefined;
  const token = (fromFlag ? args.figmaToken : env["FIGMA_TOKEN"])?.trim() ?? "";
  const source = fromFlag ? "--figma-token" : "FIGMA_TOKEN";
  if (token === "") {
    throw new FigmentError(
      "input",
      `--file-key needs a Figma token: set FIGMA_TOKEN (or pass --figma-token); create one ` +
        `in Figma under Settings → Security → Personal access tokens, with file_content:read`,
    );
  }
  // Printable ASCII only: anything else cannot go in a header, and fetch's own error would quote it.
  if (!/^[\x21-\x7e]+$/.test(token))
    throw new FigmentError(
      "input",
      `${source} holds characters a Figma token cannot have (a space, line break or quote mark?)`,
    );
  return token;
}
