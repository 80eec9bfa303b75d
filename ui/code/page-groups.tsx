/**
 * Frames of the selection that draw one page at several widths ("Home • Desktop", "Home • Tablet", "Home • Mobile"):
 * found before Generate, shown in the head ("3 frames → one responsive page: Desktop 1440, Tablet 768, Phone 375"),
 * and made one page by the Generate that follows unless "Generate separately" is on.
 *
 * Finding them needs the frames' content (codegen/design/page-groups.ts), which the selection summary does not carry:
 * the main thread exports the selection's JSON (as Generate does, without PNG or assets; Figma serializes it) and the
 * engine worker groups it. Only for a selection of two or more frames of different widths, so a single frame, the
 * common case, costs nothing.
 */
import { useEffect, useState } from "preact/hooks";
import { pageGroupLine, type PageGroup } from "../../codegen/design/page-groups.js";
import type { SelectedNode, SelectionSummary } from "../../contract/messages.js";
import type { MainRequests } from "../channel/requests.js";
import type { Engine } from "../engine/engine.js";
import { Checkbox } from "../controls/fields.js";
import type { Pages } from "./code-job.js";

/** Narrower than this, a layer is no page's drawing (as page-groups.ts). */
const MIN_PAGE_WIDTH = 240;
const PAGE_TYPES = new Set(["FRAME", "COMPONENT", "INSTANCE"]);

/**
 * The selection's nodes that could draw pages, as a key that changes only when they do; undefined when they cannot
 * hold a group (fewer than two widths).
 */
export function groupingKey(nodes: readonly SelectedNode[]): string | undefined {
  const frames = nodes.filter((n) => PAGE_TYPES.has(n.type) && Math.round(n.width) >= MIN_PAGE_WIDTH);
  if (new Set(frames.map((n) => Math.round(n.width))).size < 2) return undefined;
  return frames.map((n) => `${n.id}@${Math.round(n.width)}`).join(" ");
}

/** The groups of the selection, found once per selection of two or more frames of different widths. */
export function useSelectionPages(selection: SelectionSummary, requests: MainRequests, worker: Engine): PageGroup[] {
  const key = groupingKey(selection.nodes);
  const [found, setFound] = useState<{ key: string; groups: PageGroup[] } | undefined>(undefined);
  useEffect(() => {
    if (key === undefined) return;
    const controller = new AbortController();
    requests
      .call("export-selection", { png: false, assets: false }, { signal: controller.signal })
      .then(({ frames }) => worker.call("page-groups", { exports: frames.map((f) => ({ id: f.id, json: f.json })) }))
      .then(({ groups }) => {
        if (!controller.signal.aborted) setFound({ key, groups });
      })
      // A selection that cannot be exported or grouped has no groups: Generate says what is wrong with it.
      .catch(() => undefined);
    return () => controller.abort();
  }, [key, requests, worker]);
  return found !== undefined && found.key === key ? found.groups : [];
}

/** The groups as the Generate request takes them: none when the frames are generated separately. */
export function pagesOf(groups: readonly PageGroup[], separate: boolean): Pages {
  return separate ? [] : groups.map((g) => g.frames.map((f) => f.id));
}

/** The head's note of the selection's pages drawn at several widths, with the switch that keeps them apart. */
/** The note for the generate head, from the job's "Generate separately" state. */
export function PageGroupsOf(props: {
  groups: readonly PageGroup[];
  job: { separate: boolean; setSeparate(separate: boolean): void };
  busy: boolean;
}) {
  const { groups, job, busy } = props;
  return <PageGroupsNote groups={groups} separate={job.separate} disabled={busy} onSeparate={job.setSeparate} />;
}

export function PageGroupsNote(props: {
  groups: readonly PageGroup[];
  separate: boolean;
  disabled: boolean;
  onSeparate(separate: boolean): void;
}) {
  const { groups, separate } = props;
  if (groups.length === 0) return null;
  return (
    <div class={`page-groups${separate ? " is-separate" : ""}`} role="status">
      {groups.map((g) => (
        <p
          key={g.frames[0]!.id}
          class="page-groups__line"
          title={`${g.frames.map((f) => `“${f.name}” (${f.width})`).join(", ")}: found by ${g.by}`}
        >
          {separate ? `${g.frames.length} frames of one page, each generated on its own` : pageGroupLine(g)}
        </p>
      ))}
      <Checkbox
        class="page-groups__separate"
        title="Each frame its own page, as drawn"
        checked={separate}
        disabled={props.disabled}
        onCheck={props.onSeparate}
      >
        Generate separately
      </Checkbox>
    </div>
  );
}
