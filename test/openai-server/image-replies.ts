// Image answers for the OpenAI-wire test server, shaped by the request they answer: the size, count,
// partial images, background and streaming it asked for. Every image is a real PNG of the served size
// (png.ts). A request for jpeg or webp still gets PNG bytes, labelled `output_format: "png"`: the server
// has no JPEG or WebP encoder, and a client must trust the bytes over the label anyway.
//
//   srv.push(imageReply());                                  // whatever the next image request asks for
//   srv.push(imageReply({ reasoning: ["Plan: "], text: ["Here it is."], revisedPrompt: "…" }));
//   srv.push(moderationError());                             // 400 moderation_blocked
import type { ImageEditStreamEvent, ImageGenStreamEvent, ImagesResponse } from "openai/resources/images";
import { chatImageReply } from "./image-chat.js";
import { b64, CREATED, record, sse, usage, type Asked, type Body } from "./image-kit.js";
import { responsesImageReply } from "./image-responses.js";
import type { ImageReplyOptions, ScriptedReply } from "./reply-types.js";

export type { ImageReplyOptions } from "./reply-types.js";

// The API answers with the size asked (gpt-image-2 takes any size within its limits); the SDK's types list only
// the standard sizes until openai 7 (which needs Node 22; we stay on 6.x).
type AnySize<T> = T extends unknown ? Omit<T, "size"> & { size?: string } : never;

/** An image answer resolved against the request it answers (see ImageReplyOptions). */
export function imageReply(options: ImageReplyOptions = {}): ScriptedReply & { kind: "image" } {
  return { kind: "image", options };
}

/** 400 `moderation_blocked`, as OpenAI's image models refuse a prompt. */
export function moderationError(violations = "violence"): ScriptedReply & { kind: "error" } {
  return {
    kind: "error",
    status: 400,
    message:
      `Your request was rejected by the safety system. If you believe this is an error, contact us ` +
      `at help.openai.com and include the request ID req_test. safety_violations=[${violations}].`,
    type: "image_generation_user_error",
    code: "moderation_blocked",
  };
}

function sizeFrom(text: unknown): { width: number; height: number } | undefined {
  const match = typeof text === "string" ? /^(\d+)\s*[x×]\s*(\d+)/.exec(text) : null;
  return match ? { width: Number(match[1]), height: Number(match[2]) } : undefined;
}

/** What the request asked for, wherever its API keeps it. */
function asked(pathname: string, body: Body, files: number, options: ImageReplyOptions): Asked {
  let params: Body = body;
  let size: { width: number; height: number } | undefined;
  let promptChars = typeof body.prompt === "string" ? body.prompt.length : 0;
  let inputImages = files + (Array.isArray(body.images) ? body.images.length : 0);
  if (pathname === "/v1/responses") {
    params = record(
      (Array.isArray(body.tools) ? (body.tools as unknown[]) : []).find((t) => record(t).type === "image_generation"),
    );
    const text = JSON.stringify(body.input ?? "");
    promptChars = text.length;
    inputImages = (text.match(/input_image/g) ?? []).length;
  } else if (pathname === "/v1/chat/completions") {
    const text = JSON.stringify(body.messages ?? "");
    promptChars = text.length;
    inputImages = (text.match(/"image_url"/g) ?? []).length;
    // Chat endpoints take no size parameter: Figment writes the wanted size into the message.
    size = sizeFrom(/Image wanted: (\d+×\d+)/.exec(text)?.[1]);
  }
  size = options.size ?? size ?? sizeFrom(params.size) ?? { width: 1024, height: 1024 };
  const requestedPartials = typeof params.partial_images === "number" ? params.partial_images : 0;
  return {
    ...size,
    n: pathname.startsWith("/v1/images/") && typeof body.n === "number" ? body.n : 1,
    partials: options.partials ?? (pathname === "/v1/chat/completions" ? 0 : requestedPartials),
    stream: body.stream === true,
    transparent: params.background === "transparent",
    quality: typeof params.quality === "string" && params.quality !== "auto" ? params.quality : "high",
    promptChars,
    inputImages,
  };
}

function imagesApi(pathname: string, a: Asked, o: ImageReplyOptions): ScriptedReply {
  const seed = o.seed ?? 1;
  const common = {
    created_at: CREATED,
    size: `${a.width}x${a.height}`,
    quality: a.quality as "high",
    background: a.transparent ? ("transparent" as const) : ("opaque" as const),
    output_format: "png" as const,
  };
  const edit = pathname === "/v1/images/edits";
  if (!a.stream) {
    const body: AnySize<ImagesResponse> = {
      created: CREATED,
      data: Array.from({ length: a.n }, (_, i) => ({
        b64_json: b64(a, seed + 10 * i),
        ...(o.revisedPrompt ? { revised_prompt: o.revisedPrompt } : {}),
      })),
      background: common.background === "transparent" ? "transparent" : "opaque",
      output_format: "png",
      quality: common.quality,
      size: common.size,
      usage: usage(a),
    };
    return { kind: "json", body, ...(o.headers ? { headers: o.headers } : {}) };
  }
  const events: AnySize<ImageGenStreamEvent | ImageEditStreamEvent>[] = [];
  for (let i = 0; i < a.n; i++) {
    for (let p = 0; p < a.partials; p++) {
      const partial = { ...common, b64_json: b64(a, seed + 10 * i + p + 1), partial_image_index: p };
      events.push(
        edit
          ? { ...partial, type: "image_edit.partial_image" }
          : { ...partial, type: "image_generation.partial_image" },
      );
    }
    const done = { ...common, b64_json: b64(a, seed + 10 * i), usage: usage({ ...a, n: 1 }) };
    events.push(edit ? { ...done, type: "image_edit.completed" } : { ...done, type: "image_generation.completed" });
  }
  return sse(events, o);
}

/** Turns an `image` reply into the JSON or stream its request's API speaks; other replies pass unchanged. */
export function resolveImageReply(reply: ScriptedReply, pathname: string, body: unknown, files: number): ScriptedReply {
  if (reply.kind !== "image") return reply;
  const o = reply.options;
  const a = asked(pathname, record(body), files, o);
  if (pathname === "/v1/images/generations" || pathname === "/v1/images/edits") return imagesApi(pathname, a, o);
  if (pathname === "/v1/responses") return responsesImageReply(a, o, record(body));
  if (pathname === "/v1/chat/completions") return chatImageReply(a, o);
  return { kind: "error", status: 400, message: `openai-server: an image reply cannot answer ${pathname}` };
}
