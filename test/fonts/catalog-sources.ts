/**
 * Reads the catalog's sources from the devDependencies (Node only): google-font-metadata's data files and
 * @capsizecss/metrics' whole collection. Used by the regenerator and by the test that checks the committed
 * catalog is what they give.
 */
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import {
  buildGoogleCatalog,
  buildSystemCatalog,
  catalogModule,
  type CapsizeMetrics,
  type GoogleFontMetadata,
  type VariableFontMetadata,
} from "../../codegen/fonts/catalog-build.js";

const require = createRequire(import.meta.url);

/** The package's folder: above its main entry (google-font-metadata exports no ./package.json). */
function packageDir(name: string): string {
  let dir = dirname(require.resolve(name));
  while (!existsSync(join(dir, "package.json")) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

const version = (name: string): string =>
  (JSON.parse(readFileSync(join(packageDir(name), "package.json"), "utf8")) as { version: string }).version;

/** The text of codegen/fonts/catalog-data.ts as today's devDependencies give it. */
export function catalogFromPackages(): string {
  const gfm = packageDir("google-font-metadata");
  const google = JSON.parse(readFileSync(join(gfm, "data", "google-fonts-v2.json"), "utf8")) as Record<
    string,
    GoogleFontMetadata
  >;
  const variable = JSON.parse(readFileSync(join(gfm, "data", "variable.json"), "utf8")) as Record<
    string,
    VariableFontMetadata
  >;
  const metrics = require("@capsizecss/metrics/entireMetricsCollection") as {
    entireMetricsCollection: Record<string, CapsizeMetrics>;
  };
  const versions =
    `google-font-metadata ${version("google-font-metadata")} ` +
    `and @capsizecss/metrics ${version("@capsizecss/metrics")}`;
  return catalogModule(
    buildGoogleCatalog(google, variable, metrics.entireMetricsCollection),
    buildSystemCatalog(metrics.entireMetricsCollection),
    versions,
  );
}
