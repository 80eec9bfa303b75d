/**
 * "Test connection" in Settings: GET {baseUrl}/models with the key, a 10 s timeout, and a message a
 * designer can act on. The key goes only into the Authorization header, never into a message.
 */

export type ConnectionFailure = "bad-url" | "unauthorized" | "forbidden" | "not-found" | "rate-limited" | "server" | "http" | "network" | "timeout";

export type ConnectionResult = { ok: true; message: string; models: number | undefined } | { ok: false; kind: ConnectionFailure; message: string };

export interface ConnectionTestInput {
  baseUrl: string;
  apiKey: string | null;
  fetch: typeof fetch;
  timeoutMs?: number;
}

export const CONNECTION_TIMEOUT_MS = 10_000;

/** `{baseUrl}/models`, or undefined when the base URL is not an http(s) URL. */
export function modelsUrl(baseUrl: string): URL | undefined {
  try {
    const url = new URL(baseUrl.trim().replace(/\/+$/, "") + "/models");
    return url.protocol === "https:" || url.protocol === "http:" ? url : undefined;
  } catch {
    return undefined;
  }
}

function countModels(body: unknown): number | undefined {
  if (typeof body !== "object" || body === null) return undefined;
  const data = (body as { data?: unknown }).data;
  return Array.isArray(data) ? data.length : undefined;
}

export async function testConnection({ baseUrl, apiKey, fetch: fetchFn, timeoutMs = CONNECTION_TIMEOUT_MS }: ConnectionTestInput): Promise<ConnectionResult> {
  const url = modelsUrl(baseUrl);
  if (!url) return { ok: false, kind: "bad-url", message: `"${baseUrl}" is not a valid http(s) base URL.` };
  const host = url.host;
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  try {
    const headers: Record<string, string> = { Accept: "application/json" };
    if (apiKey) headers["Authorization"] = `Bearer ${apiKey}`;
    const response = await fetchFn(url.toString(), { method: "GET", headers, signal: controller.signal });
    if (response.ok) {
      const body: unknown = await response.json().catch(() => undefined);
      const models = countModels(body);
      if (models === undefined) {
        return { ok: true, models, message: `Connected to ${host}, but it did not answer with a list of models. Check that the base URL ends where the API starts (often /v1).` };
      }
      return { ok: true, models, message: `Connected to ${host}: ${models} model${models === 1 ? "" : "s"} available.` };
    }
    switch (response.status) {
      case 401:
        return { ok: false, kind: "unauthorized", message: apiKey ? `${host} refused the API key (401). Check that the key is correct and active.` : `${host} needs an API key (401). Enter one and save it.` };
      case 403:
        return { ok: false, kind: "forbidden", message: `${host} accepted the key but refused access (403). Check the key's permissions or project.` };
      case 404:
        return { ok: false, kind: "not-found", message: `${host} has no ${url.pathname} (404). Check the base URL: OpenAI-compatible APIs usually end in /v1.` };
      case 429:
        return { ok: false, kind: "rate-limited", message: `${host} is rate limiting this key (429). Wait a moment and try again.` };
      default:
        return response.status >= 500
          ? { ok: false, kind: "server", message: `${host} had a server error (${response.status}). Try again later.` }
          : { ok: false, kind: "http", message: `${host} answered ${response.status} ${response.statusText}`.trim() + "." };
    }
  } catch (error) {
    if (timedOut) return { ok: false, kind: "timeout", message: `No answer from ${host} within ${Math.round(timeoutMs / 1000)} s. Check the base URL and your connection.` };
    const detail = error instanceof Error && error.message ? ` (${error.message})` : "";
    return {
      ok: false,
      kind: "network",
      message: `Could not reach ${host}${detail}. Check the base URL and your connection; Figma only lets the plugin reach the domains listed in its manifest.`,
    };
  } finally {
    clearTimeout(timer);
  }
}
