/**
 * Holds the API key in memory for the model client. It is never rendered, logged or serialised: printing
 * or JSON-encoding the vault shows "[redacted]". Settings panels only learn whether a key exists.
 */
export class ApiKeyVault {
  #key: string | null;
  readonly #listeners = new Set<(hasKey: boolean) => void>();

  constructor(key: string | null = null) {
    this.#key = key && key.trim() !== "" ? key : null;
  }

  get hasKey(): boolean {
    return this.#key !== null;
  }

  /** The key itself: only for building a request's Authorization header. */
  reveal(): string | null {
    return this.#key;
  }

  set(key: string | null): void {
    const next = key && key.trim() !== "" ? key.trim() : null;
    const changed = (next !== null) !== this.hasKey;
    this.#key = next;
    if (changed) for (const listener of this.#listeners) listener(this.hasKey);
  }

  /** Keeps a key already held when the main thread only reports that one exists. */
  syncHasKey(hasKey: boolean): void {
    if (!hasKey) this.set(null);
  }

  onChange(listener: (hasKey: boolean) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  toString(): string {
    return "[redacted]";
  }

  toJSON(): string {
    return "[redacted]";
  }
}
