/**
 * Reads a string that esbuild.config.mjs defines into a bundle (`__FIGMENT_ENGINE__` and the like). Outside
 * that bundle (unit tests, the CLI) the name is undeclared and reading it throws: that is "undefined" here.
 * Pass the read as `() => __NAME__`, so each bundle names the big string in exactly one place.
 */
export function definedText(read: () => unknown): string | undefined {
  let value: unknown;
  try {
    value = read();
  } catch {
    return undefined;
  }
  return typeof value === "string" && value.length > 0 ? value : undefined;
}
