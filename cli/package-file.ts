/**
 * Files of the package itself (package.json, the bundled sample designs), found from this module: the bundled CLI
 * (dist/cli.js) and this file (cli/package-file.ts) both sit one folder below the package's root.
 */
import { readFile } from "node:fs/promises";

export function packageFile(path: string): URL {
  return new URL(`../${path}`, import.meta.url);
}

/** The version package.json declares (`figment --version`). */
export async function version(): Promise<string> {
  const json = JSON.parse(await readFile(packageFile("package.json"), "utf8")) as { version?: unknown };
  if (typeof json.version !== "string") throw new Error("package.json has no version");
  return json.version;
}
