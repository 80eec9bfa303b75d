/**
 * The draft emitters, loaded once per panel: their script comes packed from the main thread (`get-ui-part` "draft"),
 * is unpacked (base64 + gunzip) and run as a Blob script, which leaves its functions on `globalThis`. The
 * Code panel starts loading it with the export, so it is usually in before the export is.
 */
import type { MainRequests } from "../channel/requests.js";
import { runScript } from "../parts/run-script.js";
import { decodeWorkerScript } from "../engine/source.js";
import { DRAFT_GLOBAL, type DraftModule } from "./draft-global.js";

const SOURCE_TIMEOUT_MS = 30_000;
let loading: Promise<DraftModule> | undefined;

async function load(requests: MainRequests): Promise<DraftModule> {
  const { data } = await requests.call(
    "get-ui-part",
    { part: "draft" },
    { timeoutMs: SOURCE_TIMEOUT_MS, timeoutMessage: "the main thread did not send the code draft in time" },
  );
  await runScript(await decodeWorkerScript(data), "code draft");
  const module = (globalThis as unknown as Partial<Record<typeof DRAFT_GLOBAL, DraftModule>>)[DRAFT_GLOBAL];
  if (!module) throw new Error("the code draft script ran but left nothing to call");
  return module;
}

/** The draft functions; a failed load is forgotten, so the next job tries again. */
export function loadDraft(requests: MainRequests): Promise<DraftModule> {
  loading ??= load(requests).catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}
