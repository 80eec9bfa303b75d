/**
 * The search worker's answer to one message, apart from the messaging (so a test drives it in-process): the
 * request is checked, run by the index keeper, and whatever goes wrong comes back as a failed reply; this never
 * throws (the worker's queue of requests would stop). A JavaScript error of the worker's own (orama's, a
 * decoder's) reaches the panel as one sentence, its details in the worker's console.
 */
import { SearchIndexError, type SearchIndexKeeper } from "./index-keeper.js";
import {
  parseSearchRequest,
  ProtocolError,
  type SearchWorkerRequest,
  type SearchWorkerReply,
} from "./index-protocol.js";

export const INTERNAL_SEARCH_FAILURE =
  "the search worker hit an internal error and could not answer; the details are in the browser console";

export async function answerRequest(keeper: SearchIndexKeeper, data: unknown): Promise<SearchWorkerReply> {
  let request: SearchWorkerRequest;
  try {
    request = parseSearchRequest(data);
  } catch (error) {
    // Without an id it could echo the refusal goes out with none, and the panel fails what it waits for.
    if (error instanceof ProtocolError) return { id: error.id ?? "", ok: false, error: error.message };
    return failure("", error);
  }
  try {
    return await keeper.handle(request);
  } catch (error) {
    return failure(request.id, error);
  }
}

function failure(id: string, error: unknown): SearchWorkerReply {
  if (error instanceof SearchIndexError) return { id, ok: false, error: error.message };
  console.error("Figment search worker: internal error", error);
  return { id, ok: false, error: INTERNAL_SEARCH_FAILURE };
}
