/**
 * Where a bulk job keeps its record and files. The CLI keeps them in a folder (cli/batch-api/store.ts, every
 * write atomic: temp file + rename); the panel may keep them elsewhere. Names are relative, `/`-separated.
 */
import type { BatchRecord } from "./record.js";

export interface BatchStore {
  /** The record, or undefined when none was saved yet. */
  load(): Promise<BatchRecord | undefined>;
  /** Replaces the record atomically: a crash leaves the old one or the new one, never half of one. */
  save(record: BatchRecord): Promise<void>;
  /** A kept text file (input JSONL, downloaded output), or undefined when absent. */
  readText(name: string): Promise<string | undefined>;
  /** Writes a kept text file atomically. */
  writeText(name: string, text: string): Promise<void>;
}
