/**
 * A WebSocket client on node:http for Node versions without a global WebSocket (Node 20): the upgrade handshake,
 * masked frames out and the server's frames in (ai/comfyui/ws-frames.ts). What the ComfyUI client needs and no
 * more: text and binary messages, ping answered, close both ways.
 */
import { createHash, randomBytes } from "node:crypto";
import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import type { OpenSocket } from "../../ai/comfyui/socket.js";
import { ACCEPT_GUID, encodeFrame, FrameReader, OPCODE } from "../../ai/comfyui/ws-frames.js";
import { globalSocket } from "../../ai/comfyui/socket.js";

/** The Sec-WebSocket-Accept a server answers to `key` (RFC 6455 §4.2.2): SHA-1 of the key and the GUID, base64. */
export function websocketAccept(key: string): string {
  return createHash("sha1")
    .update(key + ACCEPT_GUID)
    .digest("base64");
}

export const nodeSocket: OpenSocket = (url, handlers) =>
  new Promise((resolve, reject) => {
    const target = new URL(url.replace(/^ws/, "http"));
    const key = randomBytes(16).toString("base64");
    const request = (target.protocol === "https:" ? httpsRequest : httpRequest)(target, {
      headers: {
        Connection: "Upgrade",
        Upgrade: "websocket",
        "Sec-WebSocket-Key": key,
        "Sec-WebSocket-Version": "13",
      },
    });
    request.on("error", reject);
    request.on("response", (response) => {
      response.resume();
      reject(new Error(`WebSocket ${url} answered ${response.statusCode} instead of switching protocols`));
    });
    request.on("upgrade", (response, socket, head) => {
      // §4.1: a client fails the connection when the server's answer is not the one its key asks for.
      if (response.headers["sec-websocket-accept"] !== websocketAccept(key)) {
        socket.destroy();
        return reject(new Error(`WebSocket ${url} answered the handshake with a wrong Sec-WebSocket-Accept`));
      }
      const reader = new FrameReader();
      let closed = false;
      const finish = (): void => {
        if (closed) return;
        closed = true;
        handlers.close();
      };
      const send = (opcode: number, payload: Uint8Array): void => {
        if (!socket.destroyed) socket.write(encodeFrame(opcode, payload, randomBytes(4)));
      };
      const take = (chunk: Uint8Array): void => {
        for (const frame of reader.push(chunk)) {
          if (frame.opcode === OPCODE.text) handlers.message(new TextDecoder().decode(frame.payload));
          else if (frame.opcode === OPCODE.binary) handlers.message(frame.payload);
          else if (frame.opcode === OPCODE.ping) send(OPCODE.pong, frame.payload);
          else if (frame.opcode === OPCODE.close) {
            send(OPCODE.close, frame.payload.slice(0, 2));
            socket.end();
            finish();
          }
        }
      };
      socket.on("data", take);
      socket.on("close", finish);
      socket.on("error", () => socket.destroy());
      resolve({
        close() {
          send(OPCODE.close, new Uint8Array([0x03, 0xe8])); // 1000: normal closure
          socket.end();
          finish();
        },
      });
      if (head.length) take(head);
    });
    request.end();
  });

/** The global WebSocket where Node has one, else this module's. */
export function cliSocket(): OpenSocket {
  return globalSocket() ?? nodeSocket;
}
