/**
 * Answers as the wire carries them, recorded once from the OpenAI-wire test server and replayed, mutated, through a
 * fetch the SDK is given: the real `openai` SDK and the project's readers see exactly the bytes, chunking and
 * endings of a broken server, thousands of times a second, without a socket per case.
 */
import {
  startOpenAiServer,
  type OpenAiTestServer,
  type ScriptFn,
  type ScriptedReply,
} from "../openai-server/server.js";

export interface WireAnswer {
  status: number;
  headers: Record<string, string>;
  body: Uint8Array;
}

/** How a replayed body ends: closed, the connection dropped (undici's "terminated"), or held open (a stall). */
export type BodyEnd = "close" | "error" | "hold";

export interface ReplayedAnswer extends WireAnswer {
  /** The body in these pieces (default one). */
  chunks?: Uint8Array[];
  end?: BodyEnd;
}

export interface Endpoint {
  baseURL: string;
  apiKey: string;
}

/**
 * Runs `drive` once against the test server scripted with `script` and records each answer's status, headers and
 * whole body, in the order the requests were made (what `drive` returned is returned too, to check it was a success).
 */
export async function recordAnswers<T>(
  script: ScriptedReply[] | ScriptFn,
  drive: (endpoint: Endpoint, fetchFn: typeof fetch) => Promise<T>,
  setup?: (server: OpenAiTestServer) => void,
): Promise<{ answers: WireAnswer[]; paths: string[]; result: T }> {
  const server = await startOpenAiServer(script);
  setup?.(server);
  const { answers, paths, fetchFn: recording } = recordingFetch();
  try {
    const result = await drive({ baseURL: server.url, apiKey: "sk-fuzz" }, recording);
    return { answers, paths, result };
  } finally {
    await server.close();
  }
}

/**
 * A fetch that passes each request on to the real fetch and keeps its answer (status, headers without the
 * connection's own, whole body) and path, in request order: the recorder of any test server (recordAnswers is
 * this around the OpenAI-wire server).
 */
export function recordingFetch(): { answers: WireAnswer[]; paths: string[]; fetchFn: typeof fetch } {
  const answers: WireAnswer[] = [];
  const paths: string[] = [];
  const fetchFn: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    const body = new Uint8Array(await response.arrayBuffer());
    const headers: Record<string, string> = {};
    response.headers.forEach((value, key) => {
      if (
        key !== "content-length" &&
        key !== "transfer-encoding" &&
        key !== "connection" &&
        key !== "keep-alive" &&
        key !== "date"
      )
        headers[key] = value;
    });
    answers.push({ status: response.status, headers, body });
    paths.push(new URL(typeof input === "string" || input instanceof URL ? input : input.url).pathname);
    return new Response(NO_BODY.has(response.status) ? null : body, { status: response.status, headers });
  };
  return { answers, paths, fetchFn };
}

const NO_BODY = new Set([101, 204, 205, 304]);

/**
 * A fetch that answers the n-th request with `answers[n]` (a 404 in OpenAI's error shape past the end), its body in
 * the answer's chunks and ending as it says. It honours the request's abort signal as fetch does.
 */
export function replayFetch(answers: readonly ReplayedAnswer[]): typeof fetch & { requests: number } {
  let n = 0;
  const replay = async (_input: Parameters<typeof fetch>[0], init?: RequestInit): Promise<Response> => {
    const signal = init?.signal ?? undefined;
    if (signal?.aborted) throw signal.reason ?? new DOMException("aborted", "AbortError");
    const answer = answers[n] ?? notFound();
    n += 1;
    replay.requests = n;
    if (NO_BODY.has(answer.status)) return new Response(null, { status: answer.status, headers: answer.headers });
    return new Response(bodyStream(answer, signal), { status: answer.status, headers: answer.headers });
  };
  replay.requests = 0;
  return replay as typeof fetch & { requests: number };
}

function notFound(): ReplayedAnswer {
  return {
    status: 404,
    headers: { "content-type": "application/json" },
    body: new TextEncoder().encode(
      '{"error":{"message":"No such route in this replay.","type":"invalid_request_error","code":null}}',
    ),
  };
}

function bodyStream(answer: ReplayedAnswer, signal: AbortSignal | undefined): ReadableStream<Uint8Array> {
  const chunks = [...(answer.chunks ?? [answer.body])];
  const end = answer.end ?? "close";
  let stop: (() => void) | undefined;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      // A held body ends only when the reader lets it go or the request is aborted.
      const onAbort = (): void => {
        try {
          controller.error(signal?.reason ?? new DOMException("aborted", "AbortError"));
        } catch {
          // already closed
        }
      };
      signal?.addEventListener("abort", onAbort, { once: true });
      stop = () => signal?.removeEventListener("abort", onAbort);
    },
    pull(controller) {
      const chunk = chunks.shift();
      if (chunk) {
        controller.enqueue(chunk);
        return;
      }
      if (end === "close") {
        stop?.();
        controller.close();
      } else if (end === "error") {
        stop?.();
        controller.error(new TypeError("terminated"));
      } else return new Promise<void>(() => undefined); // hold: never another byte
    },
    cancel() {
      stop?.();
    },
  });
}
