import type { Problem, ProblemSeverity } from "../types";

/** Where a problem is, all optional. */
export interface Location {
  file?: string;
  line?: number;
  column?: number;
}

/** Builds a problem, leaving out location fields that are unknown. */
export function problem(severity: ProblemSeverity, code: string, message: string, location: Location = {}): Problem {
  const result: Problem = { severity, code, message };
  if (location.file !== undefined) result.file = location.file;
  if (location.line !== undefined) result.line = location.line;
  if (location.column !== undefined) result.column = location.column;
  return result;
}

/** An internal failure turned into data: the pass never throws. */
export function internalProblem(stage: string, error: unknown, file?: string): Problem {
  const detail = error instanceof Error ? error.message : String(error);
  return problem("error", "internal", `${stage} failed: ${detail}`, file === undefined ? {} : { file });
}

/**
 * Runs one stage; if it throws, records an `internal` problem and returns `fallback`.
 * Later stages still run on whatever state the failed stage left.
 */
export function runStage<T>(stage: string, problems: Problem[], fallback: T, run: () => T, onFailure?: () => void): T {
  try {
    return run();
  } catch (error) {
    problems.push(internalProblem(stage, error));
    onFailure?.();
    return fallback;
  }
}
