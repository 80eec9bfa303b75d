import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Duplex } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { encodeFrame, OPCODE } from "../../ai/comfyui/ws-frames.js";
import { nodeSocket, websocketAccept } from "./node-websocket.js";

/** Upgraded sockets are no longer the server's: the tests end them, so that close() has nothing to wait for. */
const upgraded: Duplex[] = [];

/** A server that answers every upgrade with `accept(key)` and then one text frame. */
async function upgradeServer(accept: (key: string) => string): Promise<{ server: Server; url: string }> {
  const server = createServer((_req, res) => res.writeHead(404).end());
  server.on("upgrade", (req, socket) => {
    upgraded.push(socket);
    const key = String(req.headers["sec-websocket-key"]);
    socket.write(
      "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" +
        `Sec-WebSocket-Accept: ${accept(key)}\r\n\r\n`,
    );
    socket.write(encodeFrame(OPCODE.text, new TextEncoder().encode("hello")));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, url: `ws://127.0.0.1:${(server.address() as AddressInfo).port}/ws` };
}

describe("the Node 20 WebSocket client", () => {
  let open: Server[] = [];
  afterEach(async () => {
    for (const socket of upgraded.splice(0)) socket.destroy();
    await Promise.all(open.map((s) => new Promise((resolve) => s.close(resolve))));
    open = [];
  });

  it("computes RFC 6455's own example accept (§1.3)", () => {
    expect(websocketAccept("dGhlIHNhbXBsZSBub25jZQ==")).toBe("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
  });

  it("opens on the right accept and reads the server's frame", async () => {
    const { server, url } = await upgradeServer(websocketAccept);
    open.push(server);
    const messages: (string | Uint8Array)[] = [];
    let got!: () => void;
    const first = new Promise<void>((resolve) => (got = resolve));
    const socket = await nodeSocket(url, { message: (m) => (messages.push(m), got()), close: () => undefined });
    await first;
    socket.close();
    expect(messages).toEqual(["hello"]);
  });

  it("fails the connection on a wrong accept, as a browser does", async () => {
    const { server, url } = await upgradeServer(() => "not-the-accept=");
    open.push(server);
    await expect(nodeSocket(url, { message: () => undefined, close: () => undefined })).rejects.toThrow(
      /wrong Sec-WebSocket-Accept/,
    );
  });
});
