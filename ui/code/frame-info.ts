/** The frame a result came from, as the panel names it (a type of its own, so the pure state modules need no job). */
export interface FrameInfo {
  id: string;
  name: string;
  width: number;
  height: number;
}
