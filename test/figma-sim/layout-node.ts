/**
 * What the simulator's layouts (auto-layout.ts, grid-layout.ts) read and move of a node: a module of its own, so the
 * two import no types of each other.
 */
export type Json = Record<string, unknown>;

export interface LayoutNode {
  readonly type: string;
  readonly rest: Json;
  readonly created: boolean;
  readonly removed: boolean;
  readonly visible: boolean;
  readonly parent: { readonly rest: Json } | null;
  width: number;
  height: number;
  childList(): LayoutNode[] | undefined;
  place(x: number, y: number): void;
}
