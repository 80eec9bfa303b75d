/**
 * The Generate panel's head: what is selected, Generate / Generate with AI (or Cancel), and the options.
 * Before the first result it shows the options and the model's instructions box; once results are on screen
 * it shrinks to one row (the options behind a toggle) so the results get the room, and prompts go to the
 * Refine box under them: one prompt box at a time.
 */
import type { ComponentChildren } from "preact";
import { useState } from "preact/hooks";
import type { SelectionSummary } from "../../contract/messages.js";
import type { Settings } from "../../contract/settings.js";
import { Checkbox } from "../controls/fields.js";
import { OptionsIcon } from "../controls/icons.js";
import { TextArea } from "../controls/text-area.js";
import { CodeOptions } from "./code-options.js";
import { KeyNeeded } from "../model/key-needed.js";
import { SelectionCard, SelectionProblems } from "./selection-card.js";

export interface AiInput {
  instructions: string;
  draft: boolean;
  /** "Ask me first" (issue 74): the model may ask up to three questions before generating. */
  clarify?: boolean | undefined;
}

export interface GenerateHeadProps {
  selection: SelectionSummary;
  thumbnailUrl: string | undefined;
  settings: Settings;
  hasKey: boolean;
  busy: boolean;
  /** Results are (or were) on screen: one row, options behind a toggle, no instructions box. */
  compact: boolean;
  ai: AiInput;
  onAiChange(ai: AiInput): void;
  onGenerate(): void;
  onGenerateAi(): void;
  onCancel(): void;
  onSettingsChange(patch: Partial<Settings>): void;
  onOpenSettings(): void;
  /** In the compact row, before the options toggle: the panel's other starts (the "More" menu). */
  more?: ComponentChildren;
  /** The key's note shows where the user looks now (the open prompt box): not twice. */
  keyNoteElsewhere?: boolean;
  /** The selection's frames drawing one page at several widths (ui/code/page-groups.tsx), under the selection. */
  pages?: ComponentChildren;
}

/** Why Generate is off, or undefined when it is on. */
export function generateBlocker(selection: SelectionSummary): string | undefined {
  if (selection.nodes.length === 0 && selection.unsupported.length === 0)
    return "Select a frame, component or group first";
  if (selection.unsupported.length > 0) return "Some selected layers can't be exported: see the note below";
  return undefined;
}

export function GenerateHead(props: GenerateHeadProps) {
  const { selection, settings, hasKey, busy, compact, ai } = props;
  const [optionsOpen, setOptionsOpen] = useState(false);
  const blocker = generateBlocker(selection);
  const showOptions = !compact || optionsOpen;
  return (
    <div class={`panel__head${compact ? " panel__head--compact" : ""}`}>
      <div class="head-row">
        <SelectionCard selection={selection} thumbnailUrl={props.thumbnailUrl} compact={compact} />
        {busy ? (
          <button type="button" class="button button--secondary" onClick={props.onCancel}>
            Cancel
          </button>
        ) : (
          <div class="head-actions">
            {/* The primary action is the model with a key, the offline generator without one. */}
            <button
              type="button"
              class={`button ${hasKey ? "button--secondary" : "button--primary"}`}
              disabled={blocker !== undefined}
              title={blocker ?? "Generate from the layer structure, on this computer"}
              onClick={props.onGenerate}
            >
              Generate
            </button>
            <button
              type="button"
              class={`button ${hasKey ? "button--primary" : "button--secondary"}`}
              disabled={blocker !== undefined || !hasKey}
              title={
                !hasKey
                  ? "Add an API key in Settings first"
                  : (blocker ?? `Send the frame's image and structure to ${settings.model}`)
              }
              onClick={props.onGenerateAi}
            >
              Generate with AI
            </button>
          </div>
        )}
        {compact ? props.more : null}
        {compact ? (
          <button
            type="button"
            class={`icon-button head-options${optionsOpen ? " is-open" : ""}`}
            aria-label="Options"
            aria-expanded={optionsOpen}
            title={optionsOpen ? "Hide the options" : "Target and styling"}
            onClick={() => setOptionsOpen(!optionsOpen)}
          >
            <OptionsIcon />
          </button>
        ) : null}
      </div>
      <SelectionProblems selection={selection} />
      {props.pages}
      {showOptions ? <CodeOptions settings={settings} disabled={busy} onChange={props.onSettingsChange} /> : null}
      {compact ? null : hasKey ? (
        <div class="ai-options">
          <TextArea
            class="ai-options__instructions"
            maxRows={4}
            aria-label="Instructions for the model"
            placeholder="Instructions for the model (optional)"
            title="e.g. “use our Button component”, “make it responsive”"
            value={ai.instructions}
            disabled={busy}
            onInput={(event) => props.onAiChange({ ...ai, instructions: event.currentTarget.value })}
          />
          <div class="ai-options__checks">
            <Checkbox
              title="Send the offline output as a draft for the model to improve"
              checked={ai.draft}
              disabled={busy}
              onCheck={(draft) => props.onAiChange({ ...ai, draft })}
            >
              Start from the offline draft
            </Checkbox>
            <Checkbox
              title="A frame too large for one request is sent in parts, each at full resolution"
              checked={settings.codeSections}
              disabled={busy}
              onCheck={(codeSections) => props.onSettingsChange({ codeSections })}
            >
              Split large frames into sections
            </Checkbox>
            <Checkbox
              title="Up to three questions first"
              checked={ai.clarify ?? false}
              disabled={busy}
              onCheck={(clarify) => props.onAiChange({ ...ai, clarify })}
            >
              Ask me first
            </Checkbox>
          </div>
        </div>
      ) : props.keyNoteElsewhere ? null : (
        <KeyNeeded what="Generate with AI" settings={settings} onOpenSettings={props.onOpenSettings} />
      )}
    </div>
  );
}
