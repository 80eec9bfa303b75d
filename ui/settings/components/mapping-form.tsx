/**
 * "Map to code component…": module, export name, a props table pre-filled from the component's properties
 * (property, type, prop name, for a VARIANT its value map over every option of the set) and the JSX the mapping
 * will write for the selected instance, made by the mapping model itself (previewInstance) as the fields change.
 * Without an instance of the component selected (editing a stored mapping), the JSX comes from the mapping alone,
 * with placeholders for an instance's values, and says so.
 */
import { useEffect, useState } from "preact/hooks";
import type { ComponentMap, ComponentMapping } from "../../../codegen/components-map/model.js";
import type { Engine } from "../../engine/engine.js";
import { keptMaps, mappingFrom, unmappedOptions, upsert, type MappingDraft, type PropRow } from "./mapping-draft.js";
import type { InstanceNote } from "../../../codegen/components-map/preview.js";
import { previewJsx, type InstanceSource } from "./instance-source.js";
import { jsxFromMapping } from "./mapping-preview.js";
import { Checkbox } from "../../controls/fields.js";

export interface MappingFormProps {
  initial: MappingDraft;
  /** The selected instance (for the preview), when there is one of this component. */
  instance: InstanceSource | undefined;
  /** The rest of the document's mapping (nested instances it names show as their components in the preview). */
  map: ComponentMap;
  /** The stored mapping this edits, if any. */
  index: number | undefined;
  /** What could not be read of the instance's main component (the value maps hold only its own values). */
  note?: string | undefined;
  busy: boolean;
  worker: Pick<Engine, "call">;
  onSave(mapping: ComponentMapping): void;
  onCancel(): void;
}

/** Enter in a field of this form must not submit the Settings form around it. */
const noSubmit = (event: KeyboardEvent) => {
  if (event.key === "Enter") event.preventDefault();
};

function PropsTable({
  rows,
  errors,
  onChange,
}: {
  rows: PropRow[];
  errors: Record<string, string>;
  onChange(i: number, patch: Partial<PropRow>): void;
}) {
  if (rows.length === 0)
    return (
      <p class="muted components__none">The component has no properties: the mapping writes the component alone.</p>
    );
  return (
    <table class="components__props">
      <thead>
        <tr>
          <th scope="col">Figma property</th>
          <th scope="col">Prop</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row, i) => (
          <tr key={`${row.type}:${row.property}`}>
            <td>
              <span class="components__property">{row.property}</span>
              <span class="components__type">
                {row.type}
                {row.current !== undefined ? ` · ${row.current}` : ""}
              </span>
            </td>
            <td>
              <input
                class={`input components__input${errors[`prop-${i}`] ? " is-invalid" : ""}`}
                aria-label={`Prop for ${row.property}`}
                placeholder="left out"
                value={row.prop}
                onKeyDown={noSubmit}
                onInput={(e) => onChange(i, { prop: e.currentTarget.value })}
              />
              {row.type === "VARIANT" ? (
                <input
                  class="input components__input components__values"
                  aria-label={`Values for ${row.property}`}
                  placeholder="Figma value=code value, …"
                  value={row.values}
                  onKeyDown={noSubmit}
                  onInput={(e) => onChange(i, { values: e.currentTarget.value })}
                />
              ) : null}
              <Unmapped row={row} />
              <Kept row={row} />
              {errors[`prop-${i}`] ? <span class="field__error">{errors[`prop-${i}`]}</span> : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The set's variant values the value map leaves out: an instance with one of them gets no such prop. */
function Unmapped({ row }: { row: PropRow }) {
  const left = unmappedOptions(row);
  return left.length > 0 ? (
    <span class="field__help components__unmapped">Not mapped (prop left out): {left.join(", ")}</span>
  ) : null;
}

/**
 * What the row keeps from the stored mapping with no field here (Code Connect's JSX values and omissions), so a save is
 * seen not to drop it.
 */
function Kept({ row }: { row: PropRow }) {
  const kept = keptMaps(row);
  return kept.length > 0 ? (
    <span class="field__help components__kept">Kept from the mapping: {kept.join("; ")}</span>
  ) : null;
}

/** The preview of the mapping being edited, made anew as it changes (a late answer for an older draft is dropped). */
function usePreview(
  worker: Pick<Engine, "call">,
  instance: InstanceSource | undefined,
  mapping: ComponentMapping | undefined,
  map: ComponentMap,
  index: number | undefined,
) {
  const [preview, setPreview] = useState<
    { jsx?: string; notes: (InstanceNote | { message: string; nodeId?: undefined })[]; for: string } | undefined
  >(undefined);
  const key = mapping ? JSON.stringify(mapping) : "";
  useEffect(() => {
    if (!instance || !mapping) return;
    let current = true;
    previewJsx(worker, instance, upsert(map, mapping, index)).then(
      (made) => current && setPreview({ ...made, for: key }),
      (error: unknown) =>
        current &&
        setPreview({ notes: [{ message: error instanceof Error ? error.message : String(error) }], for: key }),
    );
    return () => {
      current = false;
    };
  }, [instance, key, map, index]);
  return preview && preview.for === key ? preview : undefined;
}

/**
 * The preview's heading and text: from the instance (the engine's), else from the mapping alone, or what to fill in
 * first.
 */
function previewText(
  instance: InstanceSource | undefined,
  mapping: ComponentMapping | undefined,
  fromInstance: string | undefined,
): { label: string; jsx: string } {
  if (!mapping)
    return { label: "Code for the selected instance", jsx: "Fill in the module and export name to see the code." };
  if (!instance)
    return {
      label: "Preview from the mapping (no instance of this component is selected)",
      jsx: jsxFromMapping(mapping),
    };
  return { label: "Code for the selected instance", jsx: fromInstance ?? "Writing…" };
}

export function MappingForm({ initial, instance, map, index, note, busy, worker, onSave, onCancel }: MappingFormProps) {
  const [draft, setDraft] = useState(initial);
  const [showErrors, setShowErrors] = useState(false);
  const result = mappingFrom(draft);
  const errors = showErrors && "errors" in result ? result.errors : {};
  const mapping = "mapping" in result ? result.mapping : undefined;
  const preview = usePreview(worker, instance, mapping, map, index);
  const shown = previewText(instance, mapping, preview?.jsx);
  const update = (patch: Partial<MappingDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const save = () => {
    if ("mapping" in result) onSave(result.mapping);
    else setShowErrors(true);
  };

  return (
    <fieldset class="components__form" aria-label={`Map ${draft.componentName} to a code component`}>
      <p class="components__form-title">
        Map <strong>{draft.componentName}</strong> to a code component
      </p>
      {note ? <p class="field__help field__help--warning components__form-note">{note}</p> : null}
      <div class="components__import">
        <label class="field">
          <span class="field__label">Module</span>
          <input
            class={`input${errors["module"] ? " is-invalid" : ""}`}
            placeholder="@acme/ui"
            value={draft.module}
            onKeyDown={noSubmit}
            onInput={(e) => update({ module: e.currentTarget.value })}
          />
          {errors["module"] ? <span class="field__error">{errors["module"]}</span> : null}
        </label>
        <label class="field">
          <span class="field__label">Export name</span>
          <input
            class={`input${errors["name"] ? " is-invalid" : ""}`}
            value={draft.name}
            onKeyDown={noSubmit}
            onInput={(e) => update({ name: e.currentTarget.value })}
          />
          {errors["name"] ? <span class="field__error">{errors["name"]}</span> : null}
        </label>
      </div>
      <Checkbox checked={draft.isDefault} onCheck={(isDefault) => update({ isDefault })}>
        Default export
      </Checkbox>
      <PropsTable
        rows={draft.rows}
        errors={errors}
        onChange={(i, patch) => update({ rows: draft.rows.map((r, j) => (j === i ? { ...r, ...patch } : r)) })}
      />
      {errors["figma"] ? <span class="field__error">{errors["figma"]}</span> : null}
      <div class="components__preview" aria-live="polite">
        <span class="field__label components__preview-label">{shown.label}</span>
        <pre class="code components__jsx" role="note" aria-label="JSX preview">
          <code>{shown.jsx}</code>
        </pre>
        {preview?.notes.map((note) => (
          <p key={`${note.nodeId ?? ""}:${note.message}`} class="field__help field__help--warning components__note">
            {note.message}
            {note.nodeId ? (
              <span class="components__note-id">
                Layer id <code title="Click to select, then copy">{note.nodeId}</code>
              </span>
            ) : null}
          </p>
        ))}
      </div>
      <div class="components__actions">
        <button type="button" class="button button--secondary" onClick={onCancel}>
          Cancel
        </button>
        <button type="button" class="button button--primary" disabled={busy} onClick={save}>
          Save mapping
        </button>
      </div>
    </fieldset>
  );
}
