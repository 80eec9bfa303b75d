/** Issue 72: axe-core clean in Vue, Svelte and Angular on every real frame (test/helpers/axe-suite.ts). */
import { axeSuite } from "./helpers/axe-suite.js";

axeSuite(["vue", "svelte", "angular"]);
