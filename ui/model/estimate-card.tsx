/**
 * The card shown before anything is sent to a model: where it goes, the estimate (always labelled one), where
 * the price comes from, notes on what the request does, and Send / Cancel. Nothing is sent until Send.
 */
import type { ComponentChildren } from "preact";

export interface EstimateLine {
  text: string;
  /** A tooltip (the price's full source URL, …). */
  title?: string;
  class?: string;
}

export interface EstimateCardProps {
  /** The group's accessible name ("Send to the model"). */
  label: string;
  /** "Send “Hero” to gpt-5 at api.openai.com?" */
  title: ComponentChildren;
  /** The estimate itself, first line in full weight. */
  estimate: string;
  /** Further lines: the price's source, what goes with the request, … */
  lines?: EstimateLine[];
  /** Notes in a quieter voice: what this path does differently, what is not sent. */
  notes?: string[];
  sendLabel?: string;
  onSend(): void;
  onCancel(): void;
  class?: string;
}

export function EstimateCard({
  label,
  title,
  estimate,
  lines = [],
  notes = [],
  sendLabel = "Send",
  onSend,
  onCancel,
  class: extra,
}: EstimateCardProps) {
  return (
    <fieldset class={`ai-confirm${extra ? ` ${extra}` : ""}`} aria-label={label}>
      <p class="ai-confirm__title">{title}</p>
      <p class="ai-confirm__estimate" title="An estimate: providers count slightly differently">
        Estimate: {estimate}
      </p>
      {lines.map((line, index) => (
        <p key={index} class={line.class ?? "ai-confirm__with"} title={line.title}>
          {line.text}
        </p>
      ))}
      {notes.map((note, index) => (
        <p key={`n${index}`} class="muted ai-confirm__note">
          {note}
        </p>
      ))}
      <div class="notice__actions">
        <button type="button" class="button button--primary" onClick={onSend}>
          {sendLabel}
        </button>
        <button type="button" class="button button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </fieldset>
  );
}
