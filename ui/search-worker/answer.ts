/**
 * The search worker's answer to one message, apart from the messaging (so a test drives it in-process): the
 * request is checked, run by the index keeper, and whatever goes wrong comes back as a failed reply; this never
 * throws (the worker's queue of requests would stop). A JavaScript error of the worker's own (orama's, a
 * decoder's) reaches the panel as one sentence, its details in the worker's console.
 */
import { toFailure } from "../../contract/failure.js";
import type { SearchIndexKeeper } from "./index-keeper.js";
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
    return failure(error instanceof ProtocolError ? (error.id ?? "") : "", error);
  }
  try {
    return await keeper.handle(request);
  } catch (error) {
    return failure(request.id, error);
  }
}

/**
 * What a request failed with, in the one failure shape (contract/failure.ts): a FigmentError of the worker's (the
 * keeper's refusals, kind `input`) with its kind, reason and sentence; anything else is `internal`, one sentence.
 */
function failure(id: string, error: unknown): SearchWorkerReply {
  const { kind, reason, message } = toFailure(error, (raw) => {
    console.error("Figment search worker: internal error", raw);
    return INTERNAL_SEARCH_FAILURE;
  });
  return { id, ok: false, failure: { kind, ...(reason ? { reason } : {}), message: oneLine(message) } };
}

/** The reply's sentence: one line of at most 1,000 characters (a FigmentError's own text may be longer). */
const oneLine = (text: string): string => {
  const line = text.replace(/[\r\n]+/g, " ");
  return line.length > 1000 ? `${line.slice(0, 999)}…` : line;
};
