/**
 * Holds the API keys in memory for the model client, one per key slot (contract/keys.ts). A key is revealed
 * only for the slot it was saved in, so it never goes to another provider's host. Never rendered, logged or
 * serialised: printing or JSON-encoding the vault shows "[redacted]". Panels only learn which slots have one.
 */
import { keySlot, sdSlot, type KeySlot } from "../../contract/keys.js";
import type { Settings } from "../../contract/settings.js";

export class ApiKeyVault {
  #keys = new Map<KeySlot, string>();
  readonly #listeners = new Set<() => void>();

  constructor(keys: Record<KeySlot, string> = {}) {
    this.replaceAll(keys);
  }

  /** Whether the slot of these settings (provider + endpoint) holds a key. */
  hasKeyFor(settings: Pick<Settings, "provider" | "baseUrl">): boolean {
    return this.#keys.has(keySlot(settings));
  }

  has(slot: KeySlot): boolean {
    return this.#keys.has(slot);
  }

  /** The key for these settings' endpoint: only for building that endpoint's Authorization header. */
  revealFor(settings: Pick<Settings, "provider" | "baseUrl">): string | null {
    return this.#keys.get(keySlot(settings)) ?? null;
  }

  /** The `user:password` saved for the SD server at `baseUrl`: only for that server's Authorization header. */
  revealForServer(baseUrl: string): string | null {
    return this.#keys.get(sdSlot(baseUrl)) ?? null;
  }

  /** Everything `init` sent: the vault's whole state. */
  replaceAll(keys: Record<KeySlot, string>): void {
    this.#keys = new Map(
      Object.entries(keys)
        .filter(([, key]) => key.trim() !== "")
        .map(([slot, key]) => [slot, key.trim()]),
    );
    this.#changed();
  }

  set(slot: KeySlot, key: string | null): void {
    const next = key?.trim() ?? "";
    if (next === "") this.#keys.delete(slot);
    else this.#keys.set(slot, next);
    this.#changed();
  }

  /** Drops keys whose slot the main thread no longer stores (keys it stores but we lack stay unknown). */
  syncSlots(slots: readonly KeySlot[]): void {
    const stored = new Set(slots);
    let changed = false;
    for (const slot of [...this.#keys.keys()]) {
      if (!stored.has(slot)) {
        this.#keys.delete(slot);
        changed = true;
      }
    }
    if (changed) this.#changed();
  }

  onChange(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #changed(): void {
    for (const listener of this.#listeners) listener();
  }

  toString(): string {
    return "[redacted]";
  }

  toJSON(): string {
    return "[redacted]";
  }
}
