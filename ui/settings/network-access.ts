/**
 * Which endpoints Figma lets the plugin reach: manifest.json's networkAccess (a test keeps these lists equal
 * to it). Figma enforces them with a CSP, so a request anywhere else fails like a dropped connection; the
 * settings panel says so before the user finds out that way.
 */
export const ALLOWED_DOMAINS: readonly string[] = [
  "https://api.openai.com",
  "https://openrouter.ai",
  "https://fonts.googleapis.com",
  "https://fonts.gstatic.com",
];
export const DEV_ALLOWED_DOMAINS: readonly string[] = [
  "http://localhost:*",
  "http://127.0.0.1:*",
  "http://localhost:7860",
  "http://127.0.0.1:7860",
  "http://localhost:8188",
  "http://127.0.0.1:8188",
  "ws://localhost:8188",
  "ws://127.0.0.1:8188",
];

function matches(url: URL, pattern: string): boolean {
  const [scheme, rest] = pattern.split("://") as [string, string];
  if (`${scheme}:` !== url.protocol) return false;
  const [host, port] = rest.split(":");
  if (host !== url.hostname) return false;
  if (port === undefined) return url.port === "";
  return port === "*" || port === url.port;
}

/** "allowed", "dev-only" (a development plugin only), "blocked", or "invalid" for a URL that does not parse. */
export function networkAccessFor(baseUrl: string): "allowed" | "dev-only" | "blocked" | "invalid" {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    return "invalid";
  }
  if (ALLOWED_DOMAINS.some((pattern) => matches(url, pattern))) return "allowed";
  if (DEV_ALLOWED_DOMAINS.some((pattern) => matches(url, pattern))) return "dev-only";
  return "blocked";
}
