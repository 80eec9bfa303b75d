/**
 * An answer's body that stops arriving ends the request. The SDK's `timeout` covers the wait for the answer's
 * headers; a stream that sends 30 % of its bytes and then nothing would otherwise be read forever. `idleGuard` wraps
 * a fetch so that each read of the body waits at most `idleMs` for its next bytes, then fails with a "timeout"
 * ModelError. Pure: only fetch and streams, so it runs in the UI iframe, the worker and Node.
 */
import { ModelError } from "../errors/model-error.js";

/** No byte of the answer's body came for `idleMs`: a timeout, as the classifier (ai/errors/) would call it. */
export function bodyStalled(idleMs: number): ModelError {
  return new ModelError(
    "timeout",
    `The answer stopped arriving: nothing came for ` +
      `${idleMs >= 1000 ? `${Math.round(idleMs / 1000)} s` : `${idleMs} ms`}.`,
  );
}

/** Statuses whose Response may not carry a body (the constructor refuses one). */
const NO_BODY = new Set([101, 204, 205, 304]);

/** `fetchFn`, with every answer's body guarded: a read that waits longer than `idleMs` fails the body. */
export function idleGuard(fetchFn: typeof fetch, idleMs: number): typeof fetch {
  return async (input, init) => {
    const response = await fetchFn(input, init);
    if (!response.body || NO_BODY.has(response.status)) return response;
    const guarded = new Response(guardedBody(response.body, idleMs), {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
    // The SDK reads the URL of the answer it got (redirects); a constructed Response has none of its own.
    Object.defineProperty(guarded, "url", { value: response.url });
    return guarded;
  };
}

function guardedBody(body: ReadableStream<Uint8Array>, idleMs: number): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const stalled = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(bodyStalled(idleMs)), idleMs);
      });
      try {
        const chunk = await Promise.race([reader.read(), stalled]);
        if (chunk.done) controller.close();
        else controller.enqueue(chunk.value);
      } catch (error) {
        // The connection is let go: a stalled server holds it open otherwise.
        reader.cancel(error).catch(() => undefined);
        controller.error(error);
      } finally {
        clearTimeout(timer);
      }
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
}
