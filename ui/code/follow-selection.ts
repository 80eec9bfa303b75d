/**
 * "Update as I select" (settings.followSelection, off by default): the code follows the selection, as in
 * FigmaToCode. Once the selection has rested for a moment and differs from the one whose code was last
 * generated, the offline job runs again — superseding a job under way, never starting a model request.
 */
import { useEffect, useRef } from "preact/hooks";
import type { SelectionSummary } from "../../contract/messages.js";

/** How long the selection must rest before code follows it (clicking through layers generates once). */
export const FOLLOW_DELAY_MS = 300;

/** What the selection would export, as a key; undefined when there is nothing to generate without an error. */
export function selectionKey(selection: SelectionSummary): string | undefined {
  if (selection.nodes.length === 0 || selection.unsupported.length > 0) return undefined;
  return selection.nodes.map((node) => node.id).join(",");
}

/** The same key for frames whose code is on screen. */
export function framesKey(frames: readonly { id: string }[]): string | undefined {
  return frames.length === 0 ? undefined : frames.map((frame) => frame.id).join(",");
}

export interface FollowTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** Decides when to regenerate; `update` on every change of the selection or of whether following is on. */
export class SelectionFollower {
  private timer: unknown;

  constructor(
    private readonly generate: () => void,
    private readonly timers: FollowTimers,
    /** The selection whose code was generated last. */
    private last: string | undefined,
  ) {}

  update(key: string | undefined, enabled: boolean): void {
    this.stop();
    if (!enabled || key === undefined || key === this.last) return;
    this.timer = this.timers.setTimeout(() => {
      this.timer = undefined;
      this.last = key;
      this.generate();
    }, FOLLOW_DELAY_MS);
  }

  /** A job for `key` started another way (the Generate button): no need to follow to it again. */
  generated(key: string | undefined): void {
    this.last = key;
  }

  stop(): void {
    if (this.timer !== undefined) this.timers.clearTimeout(this.timer);
    this.timer = undefined;
  }
}

export interface FollowOptions {
  /** Following is on and nothing forbids it now (no model job under way or on screen). */
  enabled: boolean;
  selection: SelectionSummary;
  /** The frames whose code is on screen when the panel mounts (switching panels does not regenerate). */
  shownFrames: readonly { id: string }[];
  generate(): void;
}

/** Runs the follower for the code panel; returns what the Generate button calls to say it generated. */
export function useFollowSelection({
  enabled,
  selection,
  shownFrames,
  generate,
}: FollowOptions): (selection: SelectionSummary) => void {
  const generateRef = useRef(generate);
  generateRef.current = generate;
  const follower = useRef<SelectionFollower | undefined>(undefined);
  follower.current ??= new SelectionFollower(
    () => generateRef.current(),
    { setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (h) => clearTimeout(h as number) },
    framesKey(shownFrames),
  );
  const key = selectionKey(selection);
  useEffect(() => follower.current!.update(key, enabled), [key, enabled]);
  useEffect(() => () => follower.current!.stop(), []);
  return (generated) => follower.current!.generated(selectionKey(generated));
}
