/** Which way the plugin runs: Dev Mode codegen (no UI) or the panel for a menu command. */
import { startDevMode, type CodegenStats } from "./devmode/devmode.js";
import { COMMANDS, type Command } from "../contract/messages.js";
import { MENU_ACTIONS, RELAUNCH_BUTTONS, type ImageAction, type PanelOpening } from "../contract/words.js";
import { openPanel, type PanelSession } from "./panel/session.js";

export type Started = { kind: "codegen"; stats: CodegenStats } | { kind: "panel"; session: PanelSession };

/** figma.command is "" when no menu item ran the plugin; relaunch buttons pass their command ("code"). */
export function commandFrom(raw: string | undefined): Command {
  return launchFrom(raw).command;
}

/** Whether `raw` is an own key of `table` (never a prototype's: "toString" is no command). */
const ownKey = <T extends object>(table: T, raw: string | undefined): raw is Extract<keyof T, string> =>
  // biome-ignore lint/suspicious/noPrototypeBuiltins: the main thread's lib is ES2020, without Object.hasOwn
  raw !== undefined && Object.prototype.hasOwnProperty.call(table, raw);

export interface Launch {
  command: Command;
  imageAction?: ImageAction;
  open?: PanelOpening;
}

/**
 * The panel to open; for an image's relaunch button ("refine-image", "regenerate-image") what to do there; for a menu
 * command such as "design-page" what to open inside it.
 */
export function launchFrom(raw: string | undefined): Launch {
  const command = COMMANDS.find((c) => c === raw);
  if (command) return { command };
  if (ownKey(MENU_ACTIONS, raw)) return { command: MENU_ACTIONS[raw].panel, open: MENU_ACTIONS[raw].open };
  const button = ownKey(RELAUNCH_BUTTONS, raw) ? RELAUNCH_BUTTONS[raw] : undefined;
  if (!button) return { command: "code" };
  return "action" in button ? { command: button.panel, imageAction: button.action } : { command: button.panel };
}

export async function start(): Promise<Started> {
  if (figma.editorType === "dev" && figma.mode === "codegen") return { kind: "codegen", stats: startDevMode() };
  const { command, imageAction, open } = launchFrom(figma.command);
  return { kind: "panel", session: await openPanel(command, imageAction, open) };
}
