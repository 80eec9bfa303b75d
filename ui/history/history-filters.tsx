/** The list's filters: kind, frame (with a "Selected frame" shortcut), and this file or all files. */
import type { FrameRef } from "../../contract/history.js";
import { Segmented } from "../controls/segmented.js";
import { SelectMenu } from "../controls/select-menu.js";
import type { KindFilter } from "./history-list.js";
import type { HistoryFilter } from "./history-session.js";
import { SmallButton } from "../controls/small-button.js";

const KINDS: { value: KindFilter; label: string }[] = [
  { value: "all", label: "All" },
  { value: "code", label: "Code" },
  { value: "image", label: "Images" },
  { value: "analysis", label: "Analyses" },
];

const ANY = "*";

export interface HistoryFiltersProps {
  filter: HistoryFilter;
  frames: FrameRef[];
  /** The selected frame, when it has entries. */
  selectedFrame: string | undefined;
  onChange(patch: Partial<HistoryFilter>): void;
}

export function HistoryFilters({ filter, frames, selectedFrame, onChange }: HistoryFiltersProps) {
  const frameOptions = [
    { value: ANY, label: "All frames" },
    ...frames.map((f) => ({ value: f.id, label: f.name || "Untitled frame" })),
  ];
  return (
    <div class="history-filters">
      <div class="history-filters__row">
        <Segmented label="Kind" value={filter.kind} options={KINDS} onChange={(kind) => onChange({ kind })} />
        <span class="spacer" />
        <Segmented
          label="Files"
          value={filter.allFiles ? "all" : "this"}
          options={[
            { value: "this", label: "This file" },
            {
              value: "all",
              label: "All files",
              title: "Entries made in other files: they can be deleted to free up space",
            },
          ]}
          onChange={(v) => onChange({ allFiles: v === "all", frameId: undefined })}
        />
      </div>
      <div class="history-filters__row">
        <SelectMenu
          label="Frame"
          class="history-filters__frame"
          value={filter.frameId ?? ANY}
          options={frameOptions}
          onChange={(v) => onChange({ frameId: v === ANY ? undefined : v })}
        />
        {selectedFrame ? (
          <SmallButton
            aria-pressed={filter.frameId === selectedFrame}
            onClick={() => onChange({ frameId: filter.frameId === selectedFrame ? undefined : selectedFrame })}
          >
            Selected frame
          </SmallButton>
        ) : null}
      </div>
    </div>
  );
}
