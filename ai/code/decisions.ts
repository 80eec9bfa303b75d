/**
 * What the user decided before generation (issue 74, "Clarify first"): each question the model asked about what the
 * design leaves open, and the answer given or the default accepted. Sent with every generation request (one frame or
 * each section) as a short "Decisions" block (prompt.ts). Imports nothing of prompt.ts (which imports this).
 */

export interface Decision {
  question: string;
  answer: string;
  /** The layers it concerns (Figma node ids, as the hint writes them). */
  nodes: readonly string[];
  /** Whether the answer is the model's default (accepted, or nothing was answered). */
  byDefault: boolean;
}

/** The block's text, its lines escaped by `escaped` (the prompt's delimiter escaping); "" without decisions. */
export function decisionsText(decisions: readonly Decision[] | undefined, escaped: (text: string) => string): string {
  if (!decisions || decisions.length === 0) return "";
  const line = (d: Decision): string =>
    `- ${oneLine(d.question)} → ${oneLine(d.answer)}` +
    `${d.nodes.length > 0 ? ` (layers ${d.nodes.join(", ")})` : ""}${d.byDefault ? " [default]" : ""}`;
  return escaped(
    [
      "Decisions: before generation you asked about what the design leaves open; these are the answers the user " +
        "gave or the defaults they accepted. Follow them where they apply:",
      ...decisions.map(line),
    ].join("\n"),
  );
}

const oneLine = (text: string): string => text.replace(/\s+/g, " ").trim();
