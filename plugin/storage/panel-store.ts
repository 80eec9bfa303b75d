/** What the panel remembers between opens: its size (when the user chose one) and fetched model prices. */
import { PANEL } from "../../contract/limits.js";
import type { FetchedPrice } from "../../contract/messages.js";
import { storageCall } from "./client-storage.js";

export const PANEL_SIZE_KEY = "figment.panelSize";
export const PRICES_KEY = "figment.prices";

export interface PanelSize {
  width: number;
  height: number;
}

export const clampSize = (size: PanelSize): PanelSize => ({
  width: Math.round(Math.min(PANEL.max.width, Math.max(PANEL.min.width, size.width))),
  height: Math.round(Math.min(PANEL.max.height, Math.max(PANEL.min.height, size.height))),
});

export async function loadPanelSize(): Promise<PanelSize | undefined> {
  const raw: unknown = await storageCall("read the panel size", () => figma.clientStorage.getAsync(PANEL_SIZE_KEY));
  if (typeof raw !== "object" || raw === null) return undefined;
  const { width, height } = raw as { width?: unknown; height?: unknown };
  if (typeof width !== "number" || typeof height !== "number" || !Number.isFinite(width) || !Number.isFinite(height))
    return undefined;
  return clampSize({ width, height });
}

export async function savePanelSize(size: PanelSize): Promise<void> {
  await storageCall("remember the panel size", () => figma.clientStorage.setAsync(PANEL_SIZE_KEY, clampSize(size)));
}

export async function loadPrices(): Promise<Record<string, FetchedPrice> | undefined> {
  const raw: unknown = await storageCall("read the model prices", () => figma.clientStorage.getAsync(PRICES_KEY));
  if (typeof raw !== "object" || raw === null) return undefined;
  const out: Record<string, FetchedPrice> = {};
  for (const [model, price] of Object.entries(raw)) {
    const p = price as Partial<FetchedPrice> | null;
    if (
      p &&
      typeof p.input === "number" &&
      typeof p.output === "number" &&
      typeof p.source === "string" &&
      typeof p.asOf === "string"
    )
      out[model] = { input: p.input, output: p.output, source: p.source, asOf: p.asOf };
  }
  return out;
}

export async function savePrices(prices: Record<string, FetchedPrice>): Promise<void> {
  await storageCall("save the model prices", () => figma.clientStorage.setAsync(PRICES_KEY, prices));
}
