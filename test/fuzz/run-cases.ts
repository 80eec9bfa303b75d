/**
 * Runs a reader against thousands of mutated answers and says how each ended (issue 38's checks): a result, a typed
 * refusal in a sentence, or a defect — a raw JavaScript error escaping untyped, a JavaScript message shown to the user
 * ("Cannot read properties of null", "[object Object]", "terminated", a JSON parser's words), or no end within 5 s.
 */
import { ModelError } from "../../ai/errors/classify.js";
import { mutateAnswer, type MutateOptions } from "./mutate.js";
import { seeded } from "./random.js";
import { replayFetch, type WireAnswer } from "./wire.js";

/** Words of JavaScript, not of Figment: a message with one of them was not written for the user. */
export const RAW_MESSAGE = [
  /Cannot read propert/i,
  /Cannot set propert/i,
  /is not a function/,
  /is not iterable/,
  /is not an object/,
  /\[object \w+\]/,
  /^terminated$/i,
  // undici's word inside a sentence: "The connection dropped in the middle of the answer (terminated)."
  /\(terminated\)/i,
  /Not base64/,
  // JSON.parse's own words (V8's, old and new), not a sentence that happens to say "not valid JSON" nor a
  // compiler's diagnostic of the model's code ("Unexpected token. Did you mean `{'}'}`?"), which the user needs.
  /Unexpected token '/,
  /Unexpected token \S+ in JSON/,
  /Unexpected end of JSON/,
  /Unexpected non-whitespace character/,
  /Unterminated string in JSON/,
  /Bad (escaped|control) character in JSON/,
  /Expected [\w ',]+ in JSON/,
  /"(\.\.\.)? is not valid JSON/,
  /JSON at position/,
  /Invalid (array|string) length/,
  /Maximum call stack/,
  /\bundefined\b/,
  /\(reading '/,
  /NaN/,
];

/** The first raw-JavaScript sign in a message shown to the user, if any (a huge message counts: no one reads it). */
export function rawSign(message: string): string | undefined {
  if (message.length > 1000) return `a message of ${message.length} characters`;
  return RAW_MESSAGE.find((pattern) => pattern.test(message))?.source;
}

/** A text in 1,000-character pieces overlapping by 40, so a phrase across a boundary is still seen whole. */
export function inPieces(text: string): string[] {
  if (text.length <= 1000) return [text];
  return Array.from({ length: Math.ceil((text.length - 40) / 960) }, (_, i) => text.slice(i * 960, i * 960 + 1000));
}

export interface FuzzTarget<T> {
  name: string;
  /** The valid answers, in request order (recordAnswers). */
  answers: readonly WireAnswer[];
  /** Runs the reader with the fetch it must use; a reader that takes no signal may ignore it. */
  run: (fetchFn: typeof fetch, signal: AbortSignal) => Promise<T>;
  /** The texts a successful result shows the user (notes, warnings, captions): checked as messages are. */
  shown?: (result: T) => readonly string[];
  /** The reader's own refusal (default a ModelError) and the message the user sees from it. */
  refusal?: (error: unknown) => string | undefined;
}

export interface Defect {
  seed: number;
  op: string;
  answer: number;
  what: "raw-error" | "raw-message" | "hang";
  message: string;
}

export interface FuzzReport {
  target: string;
  cases: number;
  results: number;
  refusals: number;
  defects: Defect[];
  /** The slowest case, in ms: a hang is one over `hangMs`. */
  slowestMs: number;
  /** By mutation: how many cases and the ms they took together. */
  byOp: Record<string, { cases: number; ms: number }>;
}

export interface FuzzOptions extends MutateOptions {
  seed: number;
  cases: number;
  /** A case that has not ended after this long is a hang (default 5000 ms). */
  hangMs?: number;
}

const modelRefusal = (error: unknown): string | undefined => (error instanceof ModelError ? error.message : undefined);

export async function fuzz<T>(target: FuzzTarget<T>, options: FuzzOptions): Promise<FuzzReport> {
  // The SDK logs each unparseable event to the console; thousands of them would bury the test's own report.
  const { error: consoleError, warn: consoleWarn } = console;
  console.error = console.warn = () => undefined;
  try {
    return await runCases(target, options);
  } finally {
    console.error = consoleError;
    console.warn = consoleWarn;
  }
}

async function runCases<T>(target: FuzzTarget<T>, options: FuzzOptions): Promise<FuzzReport> {
  const hangMs = options.hangMs ?? 5000;
  const refusalOf = target.refusal ?? modelRefusal;
  const report: FuzzReport = {
    target: target.name,
    cases: options.cases,
    results: 0,
    refusals: 0,
    defects: [],
    slowestMs: 0,
    byOp: {},
  };
  for (let i = 0; i < options.cases; i++) {
    const seed = options.seed * 100_003 + i;
    const random = seeded(seed);
    const index = random.int(0, target.answers.length - 1);
    const original = target.answers[index];
    if (!original) continue;
    const mutation = mutateAnswer(original, random, options);
    const answers = target.answers.map((answer, n) => (n === index ? mutation.answer : answer));
    const controller = new AbortController();
    const started = performance.now();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const hang = new Promise<"hang">((resolve) => {
      timer = setTimeout(() => resolve("hang"), hangMs);
    });
    const defect = (what: Defect["what"], message: string): void => {
      report.defects.push({ seed, op: mutation.op, answer: index, what, message: message.slice(0, 300) });
    };
    try {
      const outcome = await Promise.race([
        target.run(replayFetch(answers), controller.signal).then((result) => ({ result })),
        hang,
      ]);
      if (outcome === "hang") {
        controller.abort();
        defect("hang", `no end after ${hangMs} ms`);
      } else {
        report.results += 1;
        // A result's texts are the model's words (a critique, a caption), as long as it wrote them: each is read for
        // JavaScript's words in overlapping pieces, never refused for its length as a message would be.
        for (const text of (target.shown?.(outcome.result) ?? []).flatMap(inPieces)) {
          const sign = rawSign(text);
          if (sign) defect("raw-message", text);
        }
      }
    } catch (error) {
      const message = refusalOf(error);
      if (message === undefined)
        defect("raw-error", `${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
      else {
        report.refusals += 1;
        if (rawSign(message)) defect("raw-message", message);
      }
    } finally {
      clearTimeout(timer);
      const ms = performance.now() - started;
      report.slowestMs = Math.max(report.slowestMs, ms);
      // Work that holds the thread (a parse, a quadratic scan) keeps the hang timer from firing: the clock says it.
      if (ms > hangMs && !report.defects.some((d) => d.seed === seed && d.what === "hang"))
        defect("hang", `took ${Math.round(ms)} ms`);
      const op = (report.byOp[mutation.op] ??= { cases: 0, ms: 0 });
      op.cases += 1;
      op.ms += ms;
    }
  }
  return report;
}

/** The defects grouped by what they say (numbers and quoted values blurred), most frequent first: a report's lines. */
export function defectSummary(report: FuzzReport, limit = 12): string[] {
  const groups = new Map<string, { count: number; first: Defect }>();
  for (const d of report.defects) {
    const key = `${d.what}: ${d.message
      .replace(/\d+/g, "N")
      .replace(/'[^']*'/g, "'…'")
      .slice(0, 120)}`;
    const group = groups.get(key);
    if (group) group.count += 1;
    else groups.set(key, { count: 1, first: d });
  }
  return [...groups.entries()]
    .sort((a, b) => b[1].count - a[1].count)
    .slice(0, limit)
    .map(
      ([key, { count, first }]) =>
        `${report.target} ×${count} ${key} (seed ${first.seed}, ${first.op}, answer ${first.answer})`,
    );
}
