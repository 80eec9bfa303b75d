/**
 * The WebSocket the ComfyUI client listens on, as a small interface: the panel's iframe and Node 22+ have a global
 * WebSocket (browserSocket); the CLI on Node 20 passes its own (cli/common/node-websocket.ts).
 */

export interface SocketHandlers {
  /** A text frame (ComfyUI's JSON messages) or a binary one (its preview frames). */
  message(data: string | Uint8Array): void;
  /** The connection ended, by either side or a network cut. */
  close(): void;
}

export interface OpenedSocket {
  close(): void;
}

/** Opens `url` (ws:// or wss://); resolves once open, rejects when it cannot connect. */
export type OpenSocket = (url: string, handlers: SocketHandlers) => Promise<OpenedSocket>;

interface WebSocketLike {
  binaryType: string;
  onopen: ((event: unknown) => void) | null;
  onerror: ((event: unknown) => void) | null;
  onclose: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  close(): void;
}

type WebSocketConstructor = new (url: string) => WebSocketLike;

/** The global WebSocket's opener, or undefined where there is none (Node 20 without a flag). */
export function globalSocket(): OpenSocket | undefined {
  const Ctor = (globalThis as { WebSocket?: WebSocketConstructor }).WebSocket;
  if (!Ctor) return undefined;
  return (url, handlers) =>
    new Promise((resolve, reject) => {
      const socket = new Ctor(url);
      socket.binaryType = "arraybuffer";
      let open = false;
      socket.onopen = () => {
        open = true;
        resolve({ close: () => socket.close() });
      };
      socket.onerror = () => {
        if (!open) reject(new Error(`WebSocket ${url} could not be opened`));
      };
      socket.onclose = () => {
        if (!open) reject(new Error(`WebSocket ${url} closed before it opened`));
        else handlers.close();
      };
      socket.onmessage = (event) => {
        const data = event.data;
        if (typeof data === "string") handlers.message(data);
        else if (data instanceof ArrayBuffer) handlers.message(new Uint8Array(data));
      };
    });
}
