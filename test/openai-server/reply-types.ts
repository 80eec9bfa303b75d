/** What the OpenAI-wire test server can be scripted to answer (shared by server.ts and replies.ts). */
export type ScriptedReply =
  /** Non-streamed JSON reply (status defaults to 200). */
  | { kind: "json"; status?: number; body: unknown; headers?: Record<string, string> }
  /**
   * Streamed reply (text/event-stream). On /v1/responses each event object with a
   * string `type` is framed as `event: <type>\ndata: <json>\n\n` and no `[DONE]`
   * follows (as the Responses API does); elsewhere events are `data: <json>\n\n`
   * followed by `data: [DONE]\n\n`. `done` overrides whether `[DONE]` is sent.
   * `cutAfter: n` destroys the socket after n events (mid-stream, no terminating chunk).
   * `delayMs` waits before each event.
   */
  | {
      kind: "sse";
      events: unknown[];
      cutAfter?: number;
      delayMs?: number;
      done?: boolean;
      headers?: Record<string, string>;
    }
  /** Error reply in OpenAI's shape `{ error: { message, type, param, code } }`. */
  | {
      kind: "error";
      status: number;
      message: string;
      type?: string;
      code?: string | null;
      headers?: Record<string, string>;
    }
  /** Never answers (for client timeouts); close() destroys the connection. */
  | { kind: "hang" };
