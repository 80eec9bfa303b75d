/**
 * "Ask me first" in the AI job's status (issue 74): while its request is out, a waiting line as the stream's; then the
 * model's questions (clarify-questions.tsx). The head's Cancel stops either. Comes with the layers part.
 */
import type { Streaming } from "./ai-state.js";
import { StreamStatus } from "../model/model-job-status.js";
import { ClarifyQuestions } from "./clarify-questions.js";

export interface ClarifyStatusProps {
  state: Streaming;
  seconds: number;
}

export function ClarifyStatus({ state, seconds }: ClarifyStatusProps) {
  if (state.questions) return <ClarifyQuestions questions={state.questions} />;
  return (
    <StreamStatus
      class="ai-stream"
      stage="connecting"
      title="Asking the model what the design leaves open…"
      seconds={seconds}
      progressLabel="Model progress"
    />
  );
}
