/**
 * A verify round's answers (askModel: a refinement through the project pass), mutated on the wire (issue 38): answers
 * recorded once from the OpenAI-wire test server and replayed through the real SDK cut, stalled, dropped, retyped,
 * nulled and swollen (test/fuzz/targets-text.ts). Each case ends in a result or a refusal in a sentence: no raw
 * JavaScript error, no JavaScript words shown, no wait of 5 s.
 */
import { describe } from "vitest";
import { itHandlesMutatedAnswers } from "../../test/fuzz/expect-handled.js";

describe("A verify round's answers (askModel: a refinement through the project pass), mutated", () => {
  itHandlesMutatedAnswers(["verify-responses", "verify-chat"]);
});
