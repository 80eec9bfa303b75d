/** The page skeleton every generated HTML file shares (pages, the runnable project's index.html). */
import { escapeHtml } from "./escape.js";

/** A UTF-8, responsive HTML document; `head` and `body` are lines already indented for their place. */
export function htmlDocument(title: string, head: readonly string[], body: readonly string[]): string {
  return [
    "<!doctype html>",
    '<html lang="en">',
    "  <head>",
    '    <meta charset="utf-8" />',
    '    <meta name="viewport" content="width=device-width, initial-scale=1" />',
    `    <title>${escapeHtml(title)}</title>`,
    ...head,
    "  </head>",
    "  <body>",
    ...body,
    "  </body>",
    "</html>",
    "",
  ].join("\n");
}
