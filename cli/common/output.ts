/** Where a command writes: its output (stdout) and its notes and errors (stderr). */
export interface Output {
  out(text: string): void;
  err(text: string): void;
}
