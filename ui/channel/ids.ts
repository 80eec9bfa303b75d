/** Request ids for messages to the main thread: unique within this UI session. */
let counter = 0;

export function newRequestId(prefix: string): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${counter}`;
}
