/**
 * How an image Figment placed was made, kept in the node's pluginData under one key. pluginData syncs to
 * every collaborator, so the record is checked before anything is written: no stored API key and nothing
 * that looks like one, and its size far below Figma's 100 kB per entry. The relaunch buttons ("Refine
 * image", "Regenerate image") go on the same node.
 */
import { imageRecordField, MAX_RECORD_BYTES, type ImageRecord } from "../../contract/image.js";
import { RELAUNCH_BUTTONS } from "../../contract/words.js";
import { PluginError, formatCount } from "../errors.js";
import { utf8Length } from "../../kernel/utf8.js";

export const RECORD_KEY = "figment.image";

/** OpenAI (sk-…, sk-proj-…) and OpenRouter (sk-or-v1-…) keys: long tokens after "sk-". */
const KEY_LIKE = /\bsk-[A-Za-z0-9_-]{16,}/;

/**
 * The record as it will be stored, or PluginError when it must not be: it holds a stored key (or text
 * shaped like one), or it is too large. Called before the canvas changes, so a refusal changes nothing.
 */
export function encodeRecord(record: ImageRecord, secrets: readonly string[]): string {
  const text = JSON.stringify(record);
  for (const [field, value] of Object.entries(record)) {
    if (typeof value !== "string") continue;
    if (secrets.some((secret) => secret.length >= 8 && value.includes(secret)) || KEY_LIKE.test(value)) {
      throw new PluginError(
        "bad-message",
        `The image's record has what looks like an API key in “${field}”. Keys never go into the file ` +
          `(layer data syncs to everyone who opens it); remove it from the prompt. Nothing was changed.`,
      );
    }
  }
  const size = utf8Length(text);
  if (size > MAX_RECORD_BYTES)
    throw new PluginError(
      "bad-message",
      `The image's record is ${formatCount(size)} bytes; at most ${formatCount(MAX_RECORD_BYTES)} ` +
        `fit in the layer. Shorten the prompt. Nothing was changed.`,
    );
  return text;
}

/** The node's record, or undefined when it has none (not made by Figment) or it is damaged. */
export function readRecord(node: BaseNode): ImageRecord | undefined {
  const text = node.getPluginData(RECORD_KEY);
  if (text === "") return undefined;
  try {
    return imageRecordField.check(JSON.parse(text) as unknown, "record");
  } catch {
    return undefined;
  }
}

/** A line of the prompt for the relaunch buttons' description (Figma shows up to three lines). */
function describe(record: ImageRecord): string {
  const prompt = record.prompt.replace(/\s+/g, " ").trim();
  const short = prompt.length > 120 ? `${prompt.slice(0, 119)}…` : prompt;
  return (
    `${short ? `“${short}” — ` : ""}${record.model}, ` +
    `${record.size === "auto" ? "auto size" : record.size.replace("x", " × ")}`
  );
}

/** Stores the encoded record and adds the image relaunch buttons, keeping the node's other buttons. */
export function writeRecord(node: SceneNode, record: ImageRecord, encoded: string): void {
  node.setPluginData(RECORD_KEY, encoded);
  const buttons: Record<string, string> = {};
  for (const command of Object.keys(RELAUNCH_BUTTONS) as (keyof typeof RELAUNCH_BUTTONS)[])
    if ("action" in RELAUNCH_BUTTONS[command]) buttons[command] = describe(record);
  node.setRelaunchData({ ...node.getRelaunchData(), ...buttons });
}
