/** A test's WebSocket on the ComfyUI test server: every message kept, and a wait for the one a test needs. */
import { nodeSocket } from "../../cli/common/node-websocket.js";

export interface Listened {
  /** JSON messages as {type, data}; binary frames as `{ type: "binary", bytes }`. */
  messages: { type: string; data: Record<string, unknown>; bytes?: Uint8Array }[];
  /** Resolves with the first message (already here or still to come) that `match` accepts. */
  waitFor(match: (m: Listened["messages"][number]) => boolean): Promise<Listened["messages"][number]>;
  close(): void;
}

export async function listen(baseUrl: string, clientId: string): Promise<Listened> {
  const messages: Listened["messages"] = [];
  const waiters: {
    match: (m: Listened["messages"][number]) => boolean;
    resolve: (m: Listened["messages"][number]) => void;
  }[] = [];
  const socket = await nodeSocket(`${baseUrl.replace(/^http/, "ws")}/ws?clientId=${clientId}`, {
    message(data) {
      const message =
        typeof data === "string"
          ? (JSON.parse(data) as { type: string; data: Record<string, unknown> })
          : { type: "binary", data: {}, bytes: data };
      messages.push(message);
      for (const waiter of [...waiters])
        if (waiter.match(message)) {
          waiters.splice(waiters.indexOf(waiter), 1);
          waiter.resolve(message);
        }
    },
    close: () => undefined,
  });
  return {
    messages,
    waitFor: (match) => {
      const found = messages.find(match);
      return found ? Promise.resolve(found) : new Promise((resolve) => waiters.push({ match, resolve }));
    },
    close: () => socket.close(),
  };
}
