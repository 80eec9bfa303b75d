/**
 * A file set zipped for a download, in the engine worker (`zip-files`, ui/engine/jobs/zip.ts): fflate and its
 * tables live there, not in ui.html, whose every open would compile them. The worker is running by the time a
 * result is shown (it formats the code); History's export starts it if it is not.
 */
import type { SourceFile } from "../../codegen/types.js";
import type { CodeRecord } from "../../contract/history.js";
import type { Styling, Target } from "../../contract/words.js";
import type { Engine } from "./engine.js";

export async function zipFilesLater(worker: Pick<Engine, "call">, files: SourceFile[]): Promise<Uint8Array> {
  return (await worker.call("zip-files", { files })).zip;
}

/**
 * The files made a runnable project (package.json, entry, config) and zipped, both in the worker; with the result's
 * `record`, the project holds it (`.figment/`).
 */
export async function zipProjectLater(
  worker: Pick<Engine, "call">,
  files: SourceFile[],
  project: { target: Target; styling: Styling; name: string },
  record?: CodeRecord,
): Promise<{ zip: Uint8Array; count: number }> {
  const { target, styling } = project;
  return worker.call("zip-files", { files, project, ...(record ? { record: { ...record, target, styling } } : {}) });
}
