/**
 * The OpenAI-wire test server's script for a page split into sections: each section's request answered with its
 * offline code (offline-sections.ts), the section known by the hint part its request carries, a repair
 * (previous_response_id) by the reply it follows.
 */
import type { OfflineSection } from "../../ai/code/sections/offline.js";
import type { SourceFile } from "../../codegen/types.js";
import { responsesStream, type RecordedRequest, type ScriptedReply } from "../openai-server/server.js";

/** An answer as the model writes it: notes and the text files (the design's binary assets come with the input). */
export function answerJson(component: string, files: readonly SourceFile[]): string {
  const text = files.filter((f) => !f.bytes).map((f) => ({ path: f.path, content: f.content }));
  return JSON.stringify({ notes: `${component} as the offline code draws it`, files: text });
}

const textsOf = (req: RecordedRequest): string[] => {
  const input = (req.body as { input?: { content?: { type: string; text?: string }[] }[] | string }).input;
  return Array.isArray(input) ? input.flatMap((m) => (m.content ?? []).flatMap((c) => (c.text ? [c.text] : []))) : [];
};

/** The layer ids a hint names (`12:34`, an instance's `I12:34;56:78`). */
const idsIn = (hint: string): Set<string> => new Set(hint.match(/\bI?\d+:\d+(?:;\d+:\d+)*/g) ?? []);

/**
 * The script: a first request gets its section's offline answer (`first` may answer otherwise), a repair request the
 * offline answer (`repair` may answer otherwise); every reply's id names its section, `asked` lists both kinds.
 */
export function sectionScript(
  answers: readonly OfflineSection[],
  options: {
    first?: (section: OfflineSection) => string | undefined;
    repair?: (section: OfflineSection) => string | undefined;
  } = {},
): {
  script: (req: RecordedRequest) => ScriptedReply;
  asked: { first: string[]; repair: string[] };
} {
  const asked = { first: [] as string[], repair: [] as string[] };
  let n = 0;
  // The ids every part names (the frame's): they tell no section from another.
  const parts = answers.map((a) => idsIn(a.hint));
  const shared = new Set([...(parts[0] ?? [])].filter((id) => parts.every((ids) => ids.has(id))));
  const reply = (section: OfflineSection, text: string): ScriptedReply =>
    responsesStream([text], { id: `resp_${section.component}_${++n}` });
  const script = (req: RecordedRequest): ScriptedReply => {
    const previous = (req.body as { previous_response_id?: string }).previous_response_id;
    if (previous) {
      const component = /^resp_(\w+)_\d+$/.exec(previous)?.[1];
      const section = answers.find((a) => a.component === component);
      if (!section) throw new Error(`a repair after an unknown reply ${previous}`);
      asked.repair.push(section.component);
      return reply(section, options.repair?.(section) ?? answerJson(section.component, section.files));
    }
    // The section whose hint part names most of the layers the request's hint part names (by id, not by the text:
    // the CLI's hint may word a field otherwise, e.g. after its layout check).
    const named = idsIn(textsOf(req).find((t) => t.includes("<design>")) ?? "");
    const overlap = (a: OfflineSection): number =>
      [...idsIn(a.hint)].filter((id) => named.has(id) && !shared.has(id)).length;
    const section = [...answers].sort((a, b) => overlap(b) - overlap(a))[0];
    if (!section || overlap(section) === 0) throw new Error("a request that carries no section's hint part");
    asked.first.push(section.component);
    return reply(section, options.first?.(section) ?? answerJson(section.component, section.files));
  };
  return { script, asked };
}
