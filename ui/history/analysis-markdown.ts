/**
 * An analysis entry as Markdown (Copy, and the export's .md files): the computed findings, then the model's critique.
 * Pure.
 */
import type { AnalysisEntry } from "../../contract/history.js";
import { figures, groupFindings } from "../controls/findings-list.js";

export function analysisMarkdown(entry: AnalysisEntry): string {
  const lines = [
    `# Analysis of ${entry.frame.name}`,
    "",
    `${entry.createdAt.slice(0, 16).replace("T", " ")} UTC${entry.model ? ` · ${entry.model}` : ""}`,
    "",
    "## Findings",
    "",
  ];
  if (entry.findings.length === 0) lines.push("No problems found by the checks.", "");
  for (const group of groupFindings(entry.findings)) {
    lines.push(`### ${group.label} (${group.items.length})`, "");
    for (const f of group.items) {
      const extra = figures(f);
      lines.push(`- **${f.severity}** · ${f.nodeName}: ${f.message}${extra ? ` (${extra})` : ""}`);
    }
    lines.push("");
  }
  if (entry.markdown?.trim()) lines.push("## Critique", "", entry.markdown.trim(), "");
  return lines.join("\n");
}
