/**
 * Svelte and React of the same frame score alike (issue 54): the Svelte page is the components Svelte's own compiler
 * made (codegen/preview/svelte-preview.ts). The frames and the goals: test/helpers/framework-parity.ts; the bench's
 * `frameworks` section does the same over every fixture and real frame.
 */
import { compileSvelteFiles } from "../../codegen/preview/svelte-preview.js";
import { frameworkParityTests } from "../../test/helpers/framework-parity.js";

frameworkParityTests({
  target: "svelte",
  name: "Svelte",
  compile: compileSvelteFiles,
  inlineStyle: /\sstyle:/,
  ext: ".svelte",
});
