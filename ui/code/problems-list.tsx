/**
 * Problems the pipeline reported, with file:line or the layer they are about: clicking one opens the file at
 * that line, or selects the layer on the canvas and zooms to it ("Select layer").
 */
import { useState } from "preact/hooks";
import type { Problem } from "../../codegen/types.js";
import { ChevronIcon, ErrorIcon, InfoIcon, WarningIcon } from "../controls/icons.js";
import { plural } from "../../kernel/plural.js";

const ORDER = { error: 0, warning: 1, info: 2 } as const;

export interface ProblemsListProps {
  problems: Problem[];
  files: Set<string>;
  onOpen(path: string, line: number | undefined): void;
  /** Selects the layer a problem names in Figma; absent where there is no canvas to go to. */
  onFocusNode?: (nodeId: string) => void;
}

export function ProblemsList({ problems, files, onOpen, onFocusNode }: ProblemsListProps) {
  const [open, setOpen] = useState(problems.some((p) => p.severity === "error"));
  if (problems.length === 0) return null;
  const sorted = [...problems].sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
  const errors = problems.filter((p) => p.severity === "error").length;
  const warnings = problems.filter((p) => p.severity === "warning").length;
  return (
    <section class={`problems${open ? " is-open" : ""}`} aria-label="Problems">
      <button type="button" class="problems__header" aria-expanded={open} onClick={() => setOpen(!open)}>
        <span class={`tree__chevron${open ? " is-open" : ""}`}>
          <ChevronIcon />
        </span>
        <span>Problems</span>
        <span class="muted">
          {problems.length}
          {errors > 0 ? ` · ${plural(errors, "error")}` : ""}
          {warnings > 0 ? ` · ${plural(warnings, "warning")}` : ""}
        </span>
      </button>
      {open ? (
        <ul class="problems__list">
          {sorted.map((problem, index) => {
            const openable = problem.file !== undefined && files.has(problem.file);
            const layer = !openable && problem.nodeId !== undefined && onFocusNode ? problem.nodeId : undefined;
            const location = problem.file
              ? `${problem.file}${problem.line ? `:${problem.line}` : ""}`
              : layer
                ? "Select layer"
                : problem.nodeId
                  ? `layer ${problem.nodeId}`
                  : "";
            const content = (
              <>
                {problem.severity === "error" ? (
                  <ErrorIcon label="Error" />
                ) : problem.severity === "warning" ? (
                  <WarningIcon label="Warning" />
                ) : (
                  <InfoIcon label="Info" />
                )}
                <span class="problem__message">{problem.message}</span>
                {location ? (
                  <span class={`problem__location one-line${layer ? " problem__location--action" : ""}`}>
                    {location}
                  </span>
                ) : null}
              </>
            );
            return (
              <li key={index} class={`problem problem--${problem.severity}`}>
                {openable ? (
                  <button type="button" class="problem__row" onClick={() => onOpen(problem.file!, problem.line)}>
                    {content}
                  </button>
                ) : layer ? (
                  <button
                    type="button"
                    class="problem__row"
                    title={`Select layer ${layer} in Figma and zoom to it`}
                    onClick={() => onFocusNode!(layer)}
                  >
                    {content}
                  </button>
                ) : (
                  <div class="problem__row">{content}</div>
                )}
              </li>
            );
          })}
        </ul>
      ) : null}
    </section>
  );
}
