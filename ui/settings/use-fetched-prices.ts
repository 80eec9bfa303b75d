/**
 * Model prices read from a provider's listing (the connection test fetches OpenRouter's): kept by the app
 * for the AI estimate, and stored by the main thread (`save-prices`) so the next open has them (`init`).
 */
import { useCallback, useState } from "preact/hooks";
import type { FetchedPrice } from "../../contract/messages.js";
import type { MainRequests } from "../channel/requests.js";

export type FetchedPrices = Record<string, FetchedPrice>;

export interface FetchedPricesState {
  prices: FetchedPrices | undefined;
  /** What `init` brought. */
  replaceAll(prices: FetchedPrices | undefined): void;
  /** A new listing's prices: used at once and stored. */
  save(prices: FetchedPrices): void;
}

export function useFetchedPrices(requests: MainRequests, onError: (text: string) => void): FetchedPricesState {
  const [prices, setPrices] = useState<FetchedPrices | undefined>(undefined);
  const save = useCallback(
    (next: FetchedPrices) => {
      setPrices(next);
      requests
        .call("save-prices", { prices: next })
        .catch((error: unknown) =>
          onError(
            `The model prices are used now but could not be stored for next ` +
              `time: ${error instanceof Error ? error.message : String(error)}`,
          ),
        );
    },
    [requests, onError],
  );
  return { prices, replaceAll: setPrices, save };
}
