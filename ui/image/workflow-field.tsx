/**
 * ComfyUI's "Workflow" row in the Image panel's options: the user's own workflow file (exported from ComfyUI with
 * Save (API)), read and checked here so a wrong file is said at once under the row; its placeholders ({{prompt}},
 * {{seed}}, …) are listed, as the run fills them. Without one, Figment's built-in workflows draw.
 */
import { useState } from "preact/hooks";
import { parseWorkflow, placeholdersIn } from "../../ai/comfyui/workflow-file.js";
import type { ImageForm } from "./form.js";

export function WorkflowField({
  workflow,
  disabled,
  onChange,
}: {
  workflow: ImageForm["workflow"];
  disabled: boolean;
  onChange(workflow: ImageForm["workflow"]): void;
}) {
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const pick = async (file: File | undefined): Promise<void> => {
    if (!file) return;
    const text = await file.text();
    try {
      parseWorkflow(text, `“${file.name}”`);
      setProblem(undefined);
      onChange({ name: file.name, text });
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    }
  };
  const own = "steps, CFG and sampler are the file's";
  const filled = workflow ? [...placeholdersIn(parseWorkflow(workflow.text))].map((p) => `{{${p}}}`) : [];
  return (
    <div class="field field--inline sd-workflow">
      <span class="field__label">Workflow</span>
      {workflow ? (
        <span
          class="sd-workflow__file"
          title={`${filled.length ? `Fills ${filled.join(", ")}` : "No placeholders"}; ${own}`}
        >
          {workflow.name} · {filled.length ? filled.join(" ") : "no placeholders"}
        </span>
      ) : (
        <span class="muted">Built-in</span>
      )}
      <label class={`link-button${disabled ? " is-disabled" : ""}`}>
        {workflow ? "Change…" : "Use my workflow…"}
        <input
          type="file"
          accept=".json,application/json"
          aria-label="Workflow file (API format)"
          hidden
          disabled={disabled}
          onChange={(e) => void pick(e.currentTarget.files?.[0])}
        />
      </label>
      {workflow ? (
        <button type="button" class="link-button" disabled={disabled} onClick={() => onChange(undefined)}>
          Built-in
        </button>
      ) : null}
      {problem ? (
        <p class="field__error" role="alert">
          {problem}
        </p>
      ) : null}
    </div>
  );
}
