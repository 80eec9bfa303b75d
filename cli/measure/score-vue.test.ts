/**
 * Vue and React of the same frame score alike (issue 54): the Vue page is the components Vue's own compiler made
 * (codegen/preview/vue-preview.ts). The frames and the goals: test/helpers/framework-parity.ts; the bench's
 * `frameworks` section does the same over every fixture and real frame.
 */
import { compileVueFiles } from "../../codegen/preview/vue-preview.js";
import { frameworkParityTests } from "../../test/helpers/framework-parity.js";

frameworkParityTests({ target: "vue", name: "Vue", compile: compileVueFiles, inlineStyle: /:style=/, ext: ".vue" });
