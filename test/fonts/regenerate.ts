/**
 * Rewrites codegen/fonts/catalog-data.ts from the devDependencies (google-font-metadata, @capsizecss/metrics): `npm run
 * fonts`. `npm run fonts -- expo` also asks the npm registry which families the Expo starter can install
 * (codegen/scaffold/expo-font-packages.ts).
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { catalogFromPackages } from "./catalog-sources.js";
import { expoPackagesSource } from "./expo-packages.js";

const out = join(process.cwd(), "codegen", "fonts", "catalog-data.ts");
const text = catalogFromPackages();
writeFileSync(out, text);
console.log(`fonts: wrote ${out} (${(text.length / 1024).toFixed(1)} KB)`);

if (process.argv.includes("expo")) {
  const expoOut = join(process.cwd(), "codegen", "scaffold", "expo-font-packages.ts");
  writeFileSync(expoOut, await expoPackagesSource());
  console.log(`fonts: wrote ${expoOut}`);
}
