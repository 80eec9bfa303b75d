/**
 * Settings → Components: the team's own components for this file (issue 26). Select an instance on the canvas
 * and "Map to code component…"; the file's mappings are listed (edit, remove), imported and exported as the
 * mapping file (components.schema.json), or read from a pasted Code Connect file (in the engine). They are kept
 * with the document, so every collaborator's generated code uses them; the stored size is shown against Figma's limit.
 * Each change is saved at once (no Save press: the footer's Save is for the other settings) and says so; the list is
 * read again when the section is shown and when the panel regains focus, so a collaborator's save appears.
 */
import { useRef, useState } from "preact/hooks";
import type { ComponentMapping } from "../../../codegen/components-map/model.js";
import type { SelectionSummary } from "../../../contract/messages.js";
import type { StoredComponents } from "../../../contract/components.js";
import type { MainRequests } from "../../channel/requests.js";
import type { Engine } from "../../engine/engine.js";
import { draftFor, findMapping, type MappingDraft } from "./mapping-draft.js";
import { MappingForm } from "./mapping-form.js";
import { instanceBlocker, readSelectedInstance, type InstanceSource } from "./instance-source.js";
import { useComponents, type SaveStatus } from "./use-components.js";
import { useRefreshOnFocus } from "./use-refresh-on-focus.js";
import { SmallButton } from "../../controls/small-button.js";
import "./components.css";

export interface ComponentsSectionProps {
  requests: MainRequests;
  worker: Pick<Engine, "call">;
  selection: SelectionSummary;
  stored: StoredComponents | undefined;
  onStored(stored: StoredComponents): void;
}

interface OpenForm {
  draft: MappingDraft;
  instance: InstanceSource | undefined;
  /** The stored mapping it edits: found again by what it is when saved (the list may change meanwhile). */
  original: ComponentMapping | undefined;
  /** What could not be read of the instance's main component, or why the preview comes from the mapping. */
  note: string | undefined;
}

const STATUS_TEXT: Record<SaveStatus, string> = { idle: "", saving: "Saving…", saved: "Saved", failed: "Not saved" };

const kB = (bytes: number): string => `${(bytes / 1000).toFixed(bytes < 10_000 ? 1 : 0)} kB`;

function figmaLabel(mapping: ComponentMapping): string {
  const { nodeId, key, variant } = mapping.figma;
  const which = nodeId !== undefined ? `node ${nodeId}` : `key ${key?.slice(0, 8) ?? ""}…`;
  return variant
    ? `${which} · ${Object.entries(variant)
        .map(([k, v]) => `${k}=${v}`)
        .join(", ")}`
    : which;
}

function MappingList({
  mappings,
  busy,
  onEdit,
  onRemove,
}: {
  mappings: ComponentMapping[];
  busy: boolean;
  onEdit(i: number): void;
  onRemove(i: number): void;
}) {
  if (mappings.length === 0) return <p class="muted components__none">No components mapped in this file yet.</p>;
  return (
    <ul class="components__list" aria-label="Mapped components">
      {mappings.map((m, i) => (
        <li key={`${i}:${m.import.name}`} class="components__item">
          <span class="components__item-text">
            <code>{m.import.name}</code> from <code>{m.import.module}</code>
            <span class="components__type">
              {figmaLabel(m)} · {Object.keys(m.props).length} prop{Object.keys(m.props).length === 1 ? "" : "s"}
            </span>
          </span>
          <button
            type="button"
            class="button button--ghost button--small"
            disabled={busy}
            onClick={() => onEdit(i)}
            aria-label={`Edit ${m.import.name}`}
          >
            Edit
          </button>
          <button
            type="button"
            class="button button--ghost button--small"
            disabled={busy}
            onClick={() => onRemove(i)}
            aria-label={`Remove ${m.import.name}`}
          >
            Remove
          </button>
        </li>
      ))}
    </ul>
  );
}

export function ComponentsSection({ requests, worker, selection, stored, onStored }: ComponentsSectionProps) {
  const actions = useComponents(requests, worker, stored, onStored);
  const [form, setForm] = useState<OpenForm | undefined>(undefined);
  const [opening, setOpening] = useState<string | undefined>(undefined);
  const [pasting, setPasting] = useState<string | undefined>(undefined);
  const fileInput = useRef<HTMLInputElement>(null);
  const mappings = stored?.map.components ?? [];
  const blocker = instanceBlocker(selection);
  useRefreshOnFocus(actions.refresh);

  const open = async (index?: number) => {
    const existing = index !== undefined ? mappings[index] : undefined;
    setOpening(undefined);
    let instance: InstanceSource | undefined;
    try {
      if (!blocker) instance = await readSelectedInstance(requests, worker, selection);
      else if (!existing) throw new Error(blocker);
    } catch (error) {
      if (!existing) return setOpening(error instanceof Error ? error.message : String(error));
    }
    // The selected instance fills the form when it is one of the mapping's component (or for a new mapping).
    const fits =
      instance &&
      (!existing ||
        existing.figma.nodeId === (instance.facts.componentSetId ?? instance.facts.componentId) ||
        existing.figma.key === (instance.facts.componentSetKey ?? instance.facts.componentKey));
    const use = fits ? instance : undefined;
    setForm({
      draft: draftFor(use?.facts, use?.name ?? existing?.import.name ?? "", existing, use?.component),
      instance: use,
      original: existing,
      note: use?.componentNote,
    });
  };
  const formIndex = form?.original ? findMapping(stored?.map ?? { components: [] }, form.original) : undefined;

  return (
    <section class="settings-section components" aria-labelledby="components-heading">
      <h2 id="components-heading" class="section-title">
        Components
      </h2>
      <p class="field__help">
        Your team's code components for this file's Figma components, kept with the file: every collaborator's React
        code imports them. Saved to this file as you change them; the Save button below is for the other settings.
      </p>
      {form ? (
        <MappingForm
          initial={form.draft}
          instance={form.instance}
          map={stored?.map ?? { components: [] }}
          index={formIndex}
          note={form.note}
          busy={actions.busy}
          worker={worker}
          onCancel={() => setForm(undefined)}
          onSave={(mapping) => void actions.save(mapping, form.original).then((saved) => saved && setForm(undefined))}
        />
      ) : (
        <>
          <div class="components__actions components__actions--start">
            <button
              type="button"
              class="button button--secondary"
              disabled={actions.busy || blocker !== undefined}
              title={blocker}
              onClick={() => void open()}
            >
              Map to code component…
            </button>
            {blocker ? <span class="field__help">{blocker}</span> : null}
          </div>
          {opening ? <p class="field__error">{opening}</p> : null}
          <MappingList
            mappings={mappings}
            busy={actions.busy}
            onEdit={(i) => void open(i)}
            onRemove={(i) => void actions.remove(i)}
          />
        </>
      )}
      {actions.notes ? (
        <div class="components__notes" role="status">
          <p class="components__notes-title">{actions.notes.title}</p>
          <ul>
            {actions.notes.list.map((note, i) => (
              <li key={i} class={`components__note components__note--${note.severity}`}>
                {note.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <div class="components__actions">
        <button
          type="button"
          class="button button--ghost button--small"
          disabled={actions.busy}
          onClick={() => fileInput.current?.click()}
        >
          Import JSON…
        </button>
        <input
          ref={fileInput}
          type="file"
          accept=".json,application/json"
          hidden
          aria-label="Mapping file to import"
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            e.currentTarget.value = "";
            if (file) void actions.importFile(file);
          }}
        />
        <button
          type="button"
          class="button button--ghost button--small"
          disabled={mappings.length === 0}
          onClick={actions.exportFile}
        >
          Export JSON
        </button>
        <button
          type="button"
          class="button button--ghost button--small"
          disabled={actions.busy}
          onClick={() => setPasting(pasting === undefined ? "" : undefined)}
        >
          Paste Code Connect…
        </button>
        <span class="spacer" />
        {/* One unit, so a narrow panel wraps it whole: "Saved · 0.4 kB of 100 kB stored". */}
        <span class="components__state">
          {actions.status !== "idle" ? (
            <>
              <span class={`components__status components__status--${actions.status}`} role="status">
                {STATUS_TEXT[actions.status]}
              </span>
              <span class="muted" aria-hidden="true">
                ·
              </span>
            </>
          ) : null}
          <span
            class="components__size muted"
            title="Figma keeps at most 100 kB of plugin data per entry with the document"
          >
            {stored ? `${kB(stored.bytes)} of ${kB(stored.limit)} stored` : "Reading…"}
          </span>
        </span>
      </div>
      {pasting !== undefined ? (
        <div class="field">
          <textarea
            class="input text-area components__paste"
            rows={6}
            aria-label="Code Connect file"
            placeholder={'figma.connect(Button, "https://www.figma.com/design/…?node-id=1-23", { props: … })'}
            value={pasting}
            onInput={(e) => setPasting(e.currentTarget.value)}
          />
          <div class="components__actions">
            <SmallButton
              disabled={actions.busy || pasting.trim() === ""}
              onClick={() => void actions.readCodeConnect(pasting).then((ok) => ok && setPasting(undefined))}
            >
              {actions.busy ? "Reading…" : "Read Code Connect"}
            </SmallButton>
          </div>
        </div>
      ) : null}
    </section>
  );
}
