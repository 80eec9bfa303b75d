/**
 * "Design from a prompt" in the Code panel: the brief, what goes with it (the file's design system, with the selected
 * frames'), Design (which prepares the request and shows its cost before anything is sent) and Cancel while it runs.
 */
import type { ComponentChildren } from "preact";
import { useState } from "preact/hooks";
import type { SelectionSummary } from "../../contract/messages.js";
import { TextArea } from "../controls/text-area.js";
import { SmallButton } from "../controls/small-button.js";

export interface PromptDesignBoxProps {
  selection: SelectionSummary;
  busy: boolean;
  hasKey: boolean;
  model: string;
  onDesign(prompt: string, withSelection: boolean): void;
  onCancel(): void;
  onClose(): void;
  /** Without a key: what says so and how to add one (the panel's KeyNeeded), in place of Design. */
  keyNote: ComponentChildren;
}

export function PromptDesignBox(props: PromptDesignBoxProps) {
  const { selection, busy, hasKey, model, onDesign, onCancel, onClose } = props;
  const [text, setText] = useState("");
  const frames = selection.nodes.length;
  const design = () => {
    if (text.trim() !== "" && !busy && hasKey) onDesign(text, frames > 0);
  };
  return (
    <form
      class="prompt-design"
      aria-label="Design from a prompt"
      onSubmit={(event) => {
        event.preventDefault();
        design();
      }}
    >
      <div class="prompt-design__head">
        <strong>Design from a prompt</strong>
        <span class="spacer" />
        <SmallButton onClick={onClose} disabled={busy}>
          Close
        </SmallButton>
      </div>
      <TextArea
        class="prompt-design__input"
        minRows={3}
        maxRows={8}
        onSubmit={design}
        aria-label="Describe the page"
        placeholder="Describe the page, e.g. “a pricing page for a note-taking app with three plans and an FAQ”"
        value={text}
        disabled={busy}
        onInput={(event) => setText(event.currentTarget.value)}
      />
      <p class="muted prompt-design__note">
        {`The file's design system (its variables and fonts${
          frames === 0 ? "" : frames === 1 ? ", and the selected frame's" : `, and the ${frames} selected frames'`
        }) goes with it. ${model} writes HTML with Tailwind; the cost is shown before anything is sent.`}
      </p>
      {/* Without a key, Design could not run: the one note saying how to add one stands in its place. */}
      {hasKey || busy ? (
        <div class="notice__actions">
          {busy ? (
            <button type="button" class="button button--secondary" onClick={onCancel}>
              Cancel
            </button>
          ) : null}
          <button type="submit" class="button button--primary" disabled={busy || !hasKey || text.trim() === ""}>
            Design…
          </button>
        </div>
      ) : (
        props.keyNote
      )}
    </form>
  );
}
