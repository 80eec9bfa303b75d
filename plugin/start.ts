/** Which way the plugin runs: Dev Mode codegen (no UI) or the panel for a menu command. */
import { startDevMode, type CodegenStats } from "./devmode/devmode.js";
import { COMMANDS, type Command } from "../contract/messages.js";
import { RELAUNCH_BUTTONS, type ImageAction } from "../contract/words.js";
import { openPanel, type PanelSession } from "./panel/session.js";

export type Started = { kind: "codegen"; stats: CodegenStats } | { kind: "panel"; session: PanelSession };

/** figma.command is "" when no menu item ran the plugin; relaunch buttons pass their command ("code"). */
export function commandFrom(raw: string | undefined): Command {
  return launchFrom(raw).command;
}

/** The panel to open, and for an image's relaunch button ("refine-image", "regenerate-image") what to do there. */
export function launchFrom(raw: string | undefined): { command: Command; imageAction?: ImageAction } {
  const command = COMMANDS.find((c) => c === raw);
  if (command) return { command };
  const button =
    // biome-ignore lint/suspicious/noPrototypeBuiltins: the main thread's lib is ES2020, without Object.hasOwn
    raw !== undefined && Object.prototype.hasOwnProperty.call(RELAUNCH_BUTTONS, raw)
      ? RELAUNCH_BUTTONS[raw as keyof typeof RELAUNCH_BUTTONS]
      : undefined;
  if (!button) return { command: "code" };
  return "action" in button ? { command: button.panel, imageAction: button.action } : { command: button.panel };
}

export async function start(): Promise<Started> {
  if (figma.editorType === "dev" && figma.mode === "codegen") return { kind: "codegen", stats: startDevMode() };
  const { command, imageAction } = launchFrom(figma.command);
  return { kind: "panel", session: await openPanel(command, imageAction) };
}
