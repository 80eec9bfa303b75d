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
   * `holdAfter: n` writes n events, then nothing more, the stream left open until the client drops it (or close()):
   * a cancel test then knows exactly what was written however slow the machine is, and awaits the drop (a state).
   */
  | {
      kind: "sse";
      events: unknown[];
      cutAfter?: number;
      holdAfter?: number;
      /** Event indexes after which the stream waits for the server's next resume() (see OpenAiTestServer.resume). */
      pauseAfter?: number[];
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
  | { kind: "hang" }
  /**
   * An image answer shaped by the request it answers (image-replies.ts): the Images API's JSON or stream
   * (generations and edits), the Responses API's image_generation tool events, or a chat reply with
   * `images`; real PNG bytes of the requested size, as many images and partial images as asked for.
   */
  | { kind: "image"; options: ImageReplyOptions };

export interface ImageReplyOptions {
  /** Partial images per image (default: the request's `partial_images`). */
  partials?: number;
  /** The size served (default: the requested size; "auto" or none → 1024×1024). */
  size?: { width: number; height: number };
  /** Sent as the image's `revised_prompt` (Images JSON, the Responses image call). */
  revisedPrompt?: string;
  /** The Responses API response id (default a fresh `resp_…`). */
  responseId?: string;
  /** Reasoning summary chunks (Responses), or `delta.reasoning` chunks (chat). */
  reasoning?: string[];
  /** Message text chunks beside the image. */
  text?: string[];
  /** Responses: the image call fails with this error (e.g. `moderation_blocked`); the turn still completes. */
  failImage?: { code: string; message: string };
  /** Answer with text only, no image (a model that talks instead of drawing). */
  noImage?: boolean;
  /** Colour seed of the first final image (partials and later images get their own). Default 1. */
  seed?: number;
  delayMs?: number;
  cutAfter?: number;
  /** The stream's holdAfter (see the sse reply). */
  holdAfter?: number;
  /**
   * After each of the first n partial images the stream waits for the server's next resume(): a test sees each
   * partial on screen (a state) before the next one or the final image can replace it, however slow the machine.
   */
  pauseAtPartials?: number;
  headers?: Record<string, string>;
}
