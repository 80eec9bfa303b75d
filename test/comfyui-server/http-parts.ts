/**
 * What the ComfyUI test server needs of HTTP beside node:http: the request body, JSON answers, multipart form
 * parts (aiohttp's `request.post()` for /upload/image) and the WebSocket upgrade of /ws.
 */
import { websocketAccept } from "../../cli/common/node-websocket.js";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Duplex } from "node:stream";
import { encodeFrame, FrameReader, OPCODE } from "../../ai/comfyui/ws-frames.js";

export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(text),
  });
  res.end(text);
}

export interface FormPart {
  name: string;
  filename?: string;
  data: Buffer;
}

/** multipart/form-data parts; [] when the body is not one. */
export function parseMultipart(body: Buffer, contentType: string | undefined): FormPart[] {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType ?? "");
  const mark = boundary ? `--${boundary[1] ?? boundary[2]}` : undefined;
  if (!mark) return [];
  const parts: FormPart[] = [];
  let at = body.indexOf(mark);
  while (at >= 0) {
    const start = at + mark.length;
    if (body.subarray(start, start + 2).toString() === "--") break;
    const next = body.indexOf(mark, start);
    if (next < 0) break;
    const part = body.subarray(start + 2, next - 2); // after CRLF, before CRLF
    const split = part.indexOf("\r\n\r\n");
    const head = part.subarray(0, split).toString("utf8");
    const name = /name="([^"]*)"/i.exec(head)?.[1];
    const filename = /filename="([^"]*)"/i.exec(head)?.[1];
    if (name !== undefined)
      parts.push({ name, ...(filename !== undefined ? { filename } : {}), data: part.subarray(split + 4) });
    at = next;
  }
  return parts;
}

/** One accepted WebSocket: text and binary out, the peer's close noticed. */
export interface ServerSocket {
  sendText(text: string): void;
  sendBinary(bytes: Uint8Array): void;
  /** Drops the connection without a close frame (a crashed server, a network cut). */
  destroy(): void;
  onClose(fn: () => void): void;
}

/** Completes the upgrade handshake (RFC 6455 §4.2.2) on `socket`; undefined when the request is no WebSocket's. */
export function acceptWebSocket(req: IncomingMessage, socket: Duplex): ServerSocket | undefined {
  const key = req.headers["sec-websocket-key"];
  if (typeof key !== "string" || req.headers.upgrade?.toLowerCase() !== "websocket") return undefined;
  const accept = websocketAccept(key);
  socket.write(
    "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" +
      `Sec-WebSocket-Accept: ${accept}\r\n\r\n`,
  );
  const closers: (() => void)[] = [];
  const reader = new FrameReader();
  socket.on("data", (chunk: Buffer) => {
    for (const frame of reader.push(chunk)) {
      if (frame.opcode === OPCODE.close) {
        if (!socket.destroyed) socket.end(encodeFrame(OPCODE.close, frame.payload.slice(0, 2)));
      } else if (frame.opcode === OPCODE.ping && !socket.destroyed)
        socket.write(encodeFrame(OPCODE.pong, frame.payload));
    }
  });
  socket.on("close", () => {
    for (const fn of closers.splice(0)) fn();
  });
  socket.on("error", () => undefined);
  const write = (frame: Uint8Array): void => {
    if (!socket.destroyed && socket.writable) socket.write(frame);
  };
  return {
    sendText: (text) => write(encodeFrame(OPCODE.text, new TextEncoder().encode(text))),
    sendBinary: (bytes) => write(encodeFrame(OPCODE.binary, bytes)),
    destroy: () => socket.destroy(),
    onClose: (fn) => closers.push(fn),
  };
}
