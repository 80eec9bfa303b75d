/**
 * "Clarify first" (issue 74), the contract: the structured output of the clarify request (at most three questions,
 * each short, with a few options or free text, a default answer and the layers it concerns), the reader that checks
 * the model's answer (a malformed one is a reason in words, never a throw), and the answers the user gives (a JSON
 * file of question id → answer, unknown ids refused by name) turned into the decisions every generation request
 * carries. Pure: runs in Node and in the engine worker.
 */
import type { Decision } from "../decisions.js";
import { FigmentError } from "../../../kernel/errors.js";

export const CLARIFY_SCHEMA_NAME = "figment_questions";
export const MAX_QUESTIONS = 3;
const MAX_OPTIONS = 5;
const MAX_QUESTION_CHARS = 200;
const MAX_ANSWER_CHARS = 300;

/** JSON schema for strict structured output (every object closed, every property required). */
export const CLARIFY_SCHEMA = {
  type: "object",
  additionalProperties: false,
  required: ["questions"],
  properties: {
    questions: {
      type: "array",
      description: `At most ${MAX_QUESTIONS} questions; an empty list when the design leaves nothing open.`,
      items: {
        type: "object",
        additionalProperties: false,
        required: ["id", "question", "options", "default", "nodes"],
        properties: {
          id: { type: "string", description: "q1, q2 or q3." },
          question: { type: "string", description: "One short sentence." },
          options: {
            type: "array",
            description: `2 to ${MAX_OPTIONS} short answers to choose from; empty for a free-text answer.`,
            items: { type: "string" },
          },
          default: { type: "string", description: "Your best guess; one of the options when there are options." },
          nodes: {
            type: "array",
            description: "The ids of the layers (from the design hint) the question concerns.",
            items: { type: "string" },
          },
        },
      },
    },
  },
} as const;

export interface ClarifyQuestion {
  id: string;
  question: string;
  /** Empty: a free-text answer. */
  options: string[];
  default: string;
  nodes: string[];
}

/** The model's questions, or why they could not be read (then there are none). */
export interface ClarifyReading {
  questions: ClarifyQuestion[];
  problem?: string;
}

const ID = /^[A-Za-z0-9_-]{1,32}$/;
const isText = (value: unknown, max: number): value is string =>
  typeof value === "string" && value.trim().length > 0 && value.length <= max;
const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** One question checked; a reason in words when it does not fit. */
function readQuestion(raw: unknown, n: number, known: (id: string) => boolean): ClarifyQuestion | string {
  const at = `question ${n}`;
  if (!isRecord(raw)) return `${at} is not an object`;
  const { id, question, options, default: answer, nodes } = raw;
  if (typeof id !== "string" || !ID.test(id)) return `${at} has no usable id (letters, digits, - or _)`;
  if (!isText(question, MAX_QUESTION_CHARS))
    return `${at} (${id}) has no question of at most ${MAX_QUESTION_CHARS} characters`;
  if (!Array.isArray(options) || options.length > MAX_OPTIONS || !options.every((o) => isText(o, MAX_ANSWER_CHARS)))
    return `${at} (${id}): options must be a list of at most ${MAX_OPTIONS} short texts`;
  if (options.length === 1) return `${at} (${id}) offers one option: give two or more, or none for free text`;
  if (!isText(answer, MAX_ANSWER_CHARS)) return `${at} (${id}) has no default answer`;
  if (options.length > 0 && !options.includes(answer))
    return `${at} (${id}): its default “${answer}” is not one of its options`;
  if (!Array.isArray(nodes) || !nodes.every((node) => typeof node === "string"))
    return `${at} (${id}): nodes must be a list of layer ids`;
  // A node the hint does not name is the model's invention: dropped, the question kept.
  return { id, question: question.trim(), options, default: answer, nodes: nodes.filter(known) };
}

/**
 * Reads the clarify request's answer. `hint`: the design hint sent, whose layer ids a question's nodes must be
 * (others are dropped).
 */
export function readQuestions(text: string, hint: string): ClarifyReading {
  const fail = (why: string): ClarifyReading => ({ questions: [], problem: `The model's questions: ${why}` });
  let value: unknown;
  try {
    value = JSON.parse(text.trim());
  } catch {
    return fail("not valid JSON");
  }
  if (!isRecord(value) || !Array.isArray(value.questions)) return fail("no `questions` list");
  if (value.questions.length > MAX_QUESTIONS)
    return fail(`${value.questions.length} questions, at most ${MAX_QUESTIONS} were asked for`);
  const known = (id: string): boolean => id.length > 0 && hint.includes(id);
  const questions: ClarifyQuestion[] = [];
  for (const [k, raw] of value.questions.entries()) {
    const read = readQuestion(raw, k + 1, known);
    if (typeof read === "string") return fail(read);
    if (questions.some((q) => q.id === read.id)) return fail(`two questions have the id ${read.id}`);
    questions.push(read);
  }
  return { questions };
}

/** Answers by question id: the user's, as given (the panel's choices, a --answers file). */
export type ClarifyAnswers = Readonly<Record<string, string>>;

/**
 * A --answers file's JSON (`{ "q1": "a button", … }`) checked against the questions asked: every key must be one of
 * their ids (an unknown one is refused by name, with the ids asked), every value a non-empty text.
 */
export function readAnswers(text: string, questions: readonly ClarifyQuestion[], source = "--answers"): ClarifyAnswers {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new FigmentError("input", `${source} is not JSON: give an object of question id → answer`);
  }
  if (!isRecord(value)) throw new FigmentError("input", `${source} is not an object of question id → answer`);
  const asked = questions.map((q) => q.id);
  const unknown = Object.keys(value).filter((id) => !asked.includes(id));
  if (unknown.length > 0)
    throw new FigmentError(
      "input",
      `${source}: no question has the id ${unknown.join(", ")} (asked: ${asked.join(", ") || "none"})`,
    );
  for (const [id, answer] of Object.entries(value))
    if (!isText(answer, MAX_ANSWER_CHARS))
      throw new FigmentError(
        "input",
        `${source}: the answer to ${id} is not a text of 1–${MAX_ANSWER_CHARS} characters`,
      );
  return value as Record<string, string>;
}

/** Each question with its answer: the user's where given (and not blank), else its default. */
export function decisionsFor(questions: readonly ClarifyQuestion[], answers: ClarifyAnswers = {}): Decision[] {
  return questions.map((q) => {
    const given = answers[q.id]?.trim();
    return {
      question: q.question,
      answer: given || q.default,
      nodes: q.nodes,
      byDefault: !given || given === q.default,
    };
  });
}
