/** The far side's failure of each kind and what its caller must get, for the tests of every request boundary. */
import { expect } from "vitest";
import { Cancelled } from "../../kernel/cancelled.js";
import { FigmentError, kindOf, type ErrorKind } from "../../kernel/errors.js";

/** What the far side throws for `kind`: a FigmentError with a reason a caller may test. */
export const thrown = (kind: ErrorKind): FigmentError =>
  new FigmentError(kind, `the far side failed as ${kind}`, { reason: `why-${kind}` });

/** What the caller must get for `kind` (a stop is the one Cancelled, which says no reason). */
export function expectArrived(error: unknown, kind: ErrorKind): void {
  expect(error).toBeInstanceOf(FigmentError);
  expect(kindOf(error)).toBe(kind);
  expect((error as Error).message).toBe(`the far side failed as ${kind}`);
  if (kind === "cancelled") expect(error).toBeInstanceOf(Cancelled);
  else expect((error as FigmentError).reason).toBe(`why-${kind}`);
}

/** The error a promise rejects with, or undefined when it resolves. */
export const caught = (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => undefined,
    (error: unknown) => error,
  );
