/** Money and token counts as the panels show them (estimates before sending, usage after). Pure. */

/**
 * A whole number with thousands commas ("24,000"), as toLocaleString("en-US") writes it but without Intl:
 * the first Intl number format in a page loads ICU's locale data (~10–20 ms), which delayed the Code panel's
 * first render (its selection card shows the frame's size).
 */
export const int = (n: number): string => String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ",");

export function formatCost(usd: number): string {
  if (usd < 0.01) return "under $0.01";
  return `$${usd < 1 ? usd.toFixed(3) : usd.toFixed(2)}`;
}

/**
 * An estimate's cost with its hedge ("≈ $0.186", "about $0.035"), or "under $0.01" alone: a bound is no
 * estimate to hedge ("about < $0.01" read as a typo).
 */
export function approxCost(usd: number, hedge: "≈" | "about" = "≈"): string {
  return usd < 0.01 ? formatCost(usd) : `${hedge} ${formatCost(usd)}`;
}

/** "$8", "$0.60", "$0.075": cents unless the price needs more. */
export const perMillion = (usd: number): string =>
  Number.isInteger(usd) ? `$${usd}` : `$${usd.toFixed(Math.abs(Math.round(usd * 100) - usd * 100) < 1e-9 ? 2 : 3)}`;

/** The host of a price's source URL, or the source as it is when it is no URL. */
export function sourceHost(source: string): string {
  try {
    return new URL(source).host;
  } catch {
    return source;
  }
}

/** "Price: $8 in · $15 out per 1M tokens, from openrouter.ai, 2026-04-23". */
export function tokenPriceText(
  price: { input: number; output: number; source: string; asOf: string },
  label = "Price",
): string {
  return (
    `${label}: ${perMillion(price.input)} in · ${perMillion(price.output)} ` +
    `out per 1M tokens, from ${sourceHost(price.source)}, ${price.asOf}`
  );
}
