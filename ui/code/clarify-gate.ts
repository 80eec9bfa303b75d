/**
 * "Ask me first" (issue 74): where a send waits for the user's answers to the model's questions. The send asks
 * (`wait`), the questions form answers (`answer`); a cancel (the run's signal) ends the wait as a cancel. One wait at
 * a time: a new one (the next run) ends the one before as cancelled. Pure.
 */
import { Cancelled } from "../../kernel/cancelled.js";

/** Answers by question id (ai/code/clarify/questions.ts ClarifyAnswers). */
export type Answers = Readonly<Record<string, string>>;

export class QuestionsGate {
  private pending: { resolve(answers: Answers): void; reject(error: unknown): void } | undefined;

  /** Resolves with the answers given to `answer`; rejects with Cancelled when `signal` aborts first. */
  wait(signal: AbortSignal): Promise<Answers> {
    this.pending?.reject(new Cancelled());
    return new Promise<Answers>((resolve, reject) => {
      if (signal.aborted) return reject(new Cancelled());
      const stop = (): void => {
        this.pending = undefined;
        reject(new Cancelled());
      };
      signal.addEventListener("abort", stop, { once: true });
      this.pending = {
        resolve: (answers) => {
          signal.removeEventListener("abort", stop);
          resolve(answers);
        },
        reject,
      };
    });
  }

  /** The user's answers (or the defaults accepted): the waiting send goes on. False when nothing waits. */
  answer(answers: Answers): boolean {
    const pending = this.pending;
    this.pending = undefined;
    pending?.resolve(answers);
    return pending !== undefined;
  }
}
