/** The one selected frame a render starts from (its own file: the render and SD requests both name it). */
import type { SelectedNode } from "../../contract/messages.js";

export type RenderTarget = SelectedNode;
