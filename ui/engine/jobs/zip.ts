/** The code section's download job: a file set packed as a zip here, so fflate (~9 KB) is not in ui.html. */
import { starterProject } from "../../../codegen/scaffold/vue-project.js";
import { zipFiles } from "../../lib/zip.js";
import type { Jobs } from "./job.js";

export const zipJobs: Jobs<"zip-files"> = {
  "zip-files": async ({ files, project }) => {
    const zipped = project ? starterProject(files, project) : files;
    return { zip: zipFiles(zipped), count: zipped.length };
  },
};
