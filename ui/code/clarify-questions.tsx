/**
 * "Ask me first"'s questions (issue 74): each with its options as choices (the model's default preselected) or a text
 * box holding the default; "Generate" sends the answers, the head's Cancel stops the run. Comes with the layers part.
 */
import { useState } from "preact/hooks";
import type { AskedQuestion } from "./ai-state.js";
import { questionsGate } from "./clarify-flow.js";
import "./clarify-questions.css";

export interface ClarifyQuestionsProps {
  questions: readonly AskedQuestion[];
}

function Question({ q, value, onChange }: { q: AskedQuestion; value: string; onChange(value: string): void }) {
  return (
    <fieldset class="clarify__question">
      <legend>{q.question}</legend>
      {q.options.length > 0 ? (
        q.options.map((option) => (
          <label key={option} class="clarify__option">
            <input type="radio" name={`clarify-${q.id}`} checked={value === option} onChange={() => onChange(option)} />
            {option}
            {option === q.default ? <span class="muted"> (default)</span> : null}
          </label>
        ))
      ) : (
        <input
          class="clarify__text"
          type="text"
          aria-label={q.question}
          value={value}
          onInput={(event) => onChange(event.currentTarget.value)}
        />
      )}
    </fieldset>
  );
}

export function ClarifyQuestions({ questions }: ClarifyQuestionsProps) {
  const [answers, setAnswers] = useState<Record<string, string>>(() =>
    Object.fromEntries(questions.map((q) => [q.id, q.default])),
  );
  return (
    <form
      class="clarify"
      aria-label="The model's questions"
      onSubmit={(event) => {
        event.preventDefault();
        questionsGate.answer(answers);
      }}
    >
      <p class="clarify__lead">
        <strong>The model asks first.</strong> The defaults are its guesses: change what it got wrong.
      </p>
      {questions.map((q) => (
        <Question
          key={q.id}
          q={q}
          value={answers[q.id] ?? ""}
          onChange={(v) => setAnswers({ ...answers, [q.id]: v })}
        />
      ))}
      <button type="submit" class="button button--primary">
        Generate with these answers
      </button>
    </form>
  );
}
