/**
 * Rewrites codegen/fonts/catalog-data.ts from the devDependencies (google-font-metadata, @capsizecss/metrics): `npm run
 * fonts`.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { catalogFromPackages } from "./catalog-sources.js";

const out = join(process.cwd(), "codegen", "fonts", "catalog-data.ts");
const text = catalogFromPackages();
writeFileSync(out, text);
console.log(`fonts: wrote ${out} (${(text.length / 1024).toFixed(1)} KB)`);
