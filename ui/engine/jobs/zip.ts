/**
 * The code section's download job: a file set packed as a zip here, so fflate (~9 KB) is not in ui.html. With the
 * result's record, the zip is its starter project with `.figment/` (codegen/project/recorded-project.ts), so the
 * unpacked folder can later be updated (`figment code --update`, the panel's "Download update").
 */
import { recordedProject } from "../../../codegen/project/recorded-project.js";
import { starterProject } from "../../../codegen/scaffold/vue-project.js";
import { zipFiles } from "../../lib/zip.js";
import type { Jobs } from "./job.js";
import { readGeneration } from "./update.js";

export const zipJobs: Jobs<"zip-files"> = {
  "zip-files": async ({ files, project, record }) => {
    const zipped = record
      ? recordedProject(files, readGeneration(record, "record"))
      : project
        ? starterProject(files, project)
        : files;
    return { zip: zipFiles(zipped), count: zipped.length };
  },
};
