/** `figment layers`: a page → layers (contract/layers.ts) → a Figma REST reply on disk or stdout. */
import { mkdir, stat, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import type { Output } from "../common/design-files.js";
import { launchChromium } from "../measure/browser.js";
import { FigmentError } from "../../kernel/errors.js";
import type { LayersArgs } from "./args.js";
import { pageOf, readPage } from "./read-page.js";
import { layersToRest, restImages } from "./rest.js";
import { layerVariables, variablesFileFor } from "./variables.js";

/** Where the images of `out` go: `layers.json` → `layers-images/` beside it. */
export const imagesDirFor = (out: string): string =>
  join(dirname(out), `${basename(out).replace(/\.json$/i, "")}-images`);

export async function layersCommand(args: LayersArgs, io: Output): Promise<number> {
  const info = await stat(args.input).catch(() => undefined);
  if (!info) throw new FigmentError("input", `no such page: ${args.input}`);
  const page = info.isDirectory() ? pageOf(args.input) : args.input;
  if (info.isDirectory() && !(await stat(page).catch(() => undefined)))
    throw new FigmentError("input", `${args.input} has no index.html: name the page (figment layers folder/page.html)`);
  const name = info.isDirectory() ? basename(args.input) : basename(page).replace(/\.html?$/i, "");
  // Read before the browser starts: a bad variables or design file is a usage error with nothing launched.
  const vars = await layerVariables(args, io);
  const variables = vars?.chooser;
  const browser = await launchChromium();
  try {
    const pages = await readPage(browser, page, args.widths, { name });
    const rest = layersToRest(
      pages.map((p) => p.document),
      name,
      variables,
    );
    const text = `${JSON.stringify(rest, null, 2)}\n`;
    if (args.out) await writeFile(args.out, text);
    else if (!args.json) io.out(text.trimEnd());
    if (args.json)
      io.out(
        JSON.stringify({
          frames: pages.map(({ document: d, readMs }) => ({
            width: d.width,
            elements: d.elements,
            truncated: d.truncated,
            readMs: Math.round(readMs * 10) / 10,
            notes: d.notes,
          })),
          ...(variables ? { variables: variables.bound } : {}),
        }),
      );
    for (const { document: d } of pages) {
      for (const note of d.notes) io.err(`note (${d.width}px): ${note.message}`);
      if (args.out && !args.json)
        io.out(`${d.width}px: ${d.elements} elements read${d.truncated ? " (limit reached)" : ""}`);
    }
    if (variables && !args.json) io.err(`${variables.bound} values bound to the file's variables`);
    if (args.out && !args.json) io.out(`wrote ${args.out}`);
    // The variables the layers are bound to beside the reply, as GET …/variables/local returns them.
    if (args.out && vars) {
      const file = variablesFileFor(args.out);
      await writeFile(file, `${JSON.stringify(vars.reply, null, 2)}\n`);
      if (!args.json) io.out(`wrote ${file} (figment code ${args.out} --variables ${file})`);
    }
    // The page's images beside the reply, by imageRef, as `--images DIR` reads them: a round trip keeps them.
    const images = restImages(pages.map((p) => p.document));
    if (args.out && images.length > 0) {
      const dir = imagesDirFor(args.out);
      await mkdir(dir, { recursive: true });
      for (const image of images) await writeFile(join(dir, `${image.ref}.${image.ext}`), image.bytes);
      if (!args.json) io.out(`wrote ${images.length} images to ${dir} (figment code ${args.out} --images ${dir})`);
    }
    return 0;
  } finally {
    await browser.close();
  }
}
