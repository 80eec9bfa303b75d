/** Which way the plugin runs: Dev Mode codegen (no UI) or the panel for a menu command. */
import { startDevMode, type CodegenStats } from "./devmode/devmode.js";
import { COMMANDS, type Command } from "../contract/messages.js";
import { openPanel, type PanelSession } from "./panel/session.js";

export type Started = { kind: "codegen"; stats: CodegenStats } | { kind: "panel"; session: PanelSession };

/** figma.command is "" when no menu item ran the plugin; relaunch buttons pass their command ("code"). */
export function commandFrom(raw: string | undefined): Command {
  return COMMANDS.find((c) => c === raw) ?? "code";
}

export async function start(): Promise<Started> {
  if (figma.editorType === "dev" && figma.mode === "codegen") return { kind: "codegen", stats: startDevMode() };
  return { kind: "panel", session: await openPanel(commandFrom(figma.command)) };
}
