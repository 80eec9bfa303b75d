/**
 * What the model e2e tests read from the bodies the OpenAI-wire test server records (Responses API): a request's
 * parts, what it carries in the estimate's own count, which request it is; and the estimate card's figures.
 */
import type { Frame } from "playwright-core";
import { countTextTokens, imageTokens, pngSize } from "../../ai/estimate/estimate.js";
import { base64ToBytes } from "../../kernel/base64.js";
import { contentOf, instructionsOf } from "../openai-server/request-content.js";
import type { RecordedRequest } from "../openai-server/server.js";

export const responses = (requests: readonly RecordedRequest[]): RecordedRequest[] =>
  requests.filter((r) => r.path.endsWith("/responses"));
/** "Ask me first"'s request (its schema's name). */
export const isClarify = (body: unknown): boolean =>
  (body as { text?: { format?: { name?: string } } }).text?.format?.name === "figment_questions";

/** What a request carries, in the estimate's own count: its texts (4 tokens each message) and pictures. */
export function sentTokens(req: RecordedRequest): number {
  const schema = JSON.stringify((req.body as { text: { format: { schema: unknown } } }).text.format.schema);
  const texts = contentOf(req).filter((c) => c.type === "input_text");
  const images = contentOf(req).filter((c) => c.type === "input_image");
  return (
    countTextTokens(instructionsOf(req)) +
    4 +
    countTextTokens(schema) +
    4 +
    texts.reduce((sum, c) => sum + countTextTokens(c.text!) + 4, 0) +
    images.reduce((sum, c) => {
      const size = pngSize(base64ToBytes(c.image_url!.split(",")[1]!))!;
      return sum + imageTokens(size.width, size.height, "high");
    }, 0)
  );
}

/** A figure the card writes "≈ 12,345 …" after `before`, as a number. */
export function cardTokens(card: string, pattern: RegExp): number {
  const m = pattern.exec(card);
  if (!m) throw new Error(`the card says no ${pattern}: ${card}`);
  return Number(m[1]!.replace(/,/g, ""));
}

/** The card's total: "≈ 12,345 input tokens". */
export const cardTotal = (card: string): number => cardTokens(card, /≈ ([\d,]+) input tokens/);
/** The card's line of "Ask me first"'s request. */
export const cardClarify = (card: string): number => cardTokens(card, /Ask me first: [^≈]*≈ ([\d,]+) tokens/);

/** Whether `sent` is within 5 % of `estimated`. */
export const within5 = (sent: number, estimated: number): boolean => Math.abs(sent - estimated) / estimated < 0.05;

/** Generate with AI, then the estimate card's text once it shows. */
export async function estimateCard(ui: Frame): Promise<string> {
  await ui.getByRole("button", { name: "Generate with AI" }).click();
  const confirm = ui.locator(".ai-confirm");
  await confirm.waitFor({ timeout: 120_000 });
  return (await confirm.textContent()) ?? "";
}
