/**
 * figma.clientStorage calls with errors a designer can act on. Figma's own error texts are redacted in
 * case a future version echoes a stored value (an API key).
 */
import { PluginError, errorText } from "../errors.js";

export function redact(text: string, secrets: readonly (string | null | undefined)[]): string {
  let out = text;
  for (const secret of secrets) if (secret) out = out.split(secret).join("•••");
  return out;
}

export async function storageCall<T>(
  what: string,
  call: () => Promise<T>,
  secrets: readonly (string | null | undefined)[] = [],
): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw new PluginError("storage-failed", `Could not ${what}: ${redact(errorText(error), secrets)}`);
  }
}
