/**
 * Test glue for the OpenAI-wire server: `const serve = scriptedServer()` at module level gives a function
 * that starts a server with scripted replies; the server is closed after each test.
 */
import { afterEach } from "vitest";
import { startOpenAiServer, type OpenAiTestServer } from "./server.js";

export function scriptedServer(): (...replies: Parameters<OpenAiTestServer["push"]>) => Promise<OpenAiTestServer> {
  let server: OpenAiTestServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });
  return async (...replies) => {
    server = await startOpenAiServer();
    server.push(...replies);
    return server;
  };
}

/** Splits text into `n` roughly equal chunks, as a model streams it. */
export function splitInto(text: string, n: number): string[] {
  const size = Math.ceil(text.length / n);
  return Array.from({ length: n }, (_, i) => text.slice(i * size, (i + 1) * size)).filter(Boolean);
}
