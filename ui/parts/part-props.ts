/**
 * What the app hands each panel part (ui/<panel>/<panel>-part.tsx). A part is a panel's "keeper": mounted once
 * its script has come and kept mounted from then on, it holds the panel's session (so it survives switching
 * panels, as when the app held it) and shows the panel while it is the active one. Types only: the shell must
 * not import a part's code, or it would be in ui.html again.
 */
import type { FetchedPrice, ImageNode, SelectionSummary } from "../../contract/messages.js";
import type { CodeEntry, HistoryFull, SavedEntry } from "../../contract/history.js";
import type { PanelPart } from "../../contract/messages.js";
import type { Settings } from "../../contract/settings.js";
import type { MainRequests } from "../channel/requests.js";
import type { ApiKeyVault } from "../model/api-key.js";
import type { SettingsDraft } from "./settings-draft-types.js";
import type { Engine } from "../engine/engine.js";
import type { StoredComponents } from "../../contract/components.js";

/**
 * What a panel's sessions and model jobs take of the app: the channel, the engine, the keys, settings, selection and
 * prices.
 */
export interface PanelServices {
  requests: MainRequests;
  worker: Engine;
  vault: ApiKeyVault;
  settings: Settings;
  selection: SelectionSummary;
  prices: Record<string, FetchedPrice> | undefined;
}

/** What every panel may use of the app. */
export interface PanelContext extends PanelServices {
  /** A key for the chosen provider's endpoint. */
  hasKey: boolean;
  /** A confirmation (toast) or an error (banner). */
  notify(text: string, tone?: "info" | "error"): void;
  onOpenSettings(): void;
  onFocusNode(nodeId: string): void;
  /** The panel shows another view of itself (a list → one entry, a mode): the toasts about the last one leave. */
  onViewChange(): void;
}

export interface PartProps<Api = undefined> {
  ctx: PanelContext;
  /** The panel is on show (else the part renders nothing, and keeps its session). */
  active: boolean;
  /** Called on every commit with what the app may call on the part. */
  expose(api: Api): void;
}

/** What the app calls on the Image part: a layer's relaunch button, History's "Refine". */
export interface ImageApi {
  openNode(node: ImageNode, selection: SelectionSummary): void;
  openVersion(versionId: string): Promise<boolean>;
}

/** What the app calls on the History part: a result refused for space, and the banner's "Open History". */
export interface HistoryApi {
  addRefused(entry: SavedEntry, full: HistoryFull): void;
  openFreeSpace(): Promise<void>;
}

export interface PartPropsMap {
  image: PartProps<ImageApi> & { editorType: string };
  analyze: PartProps;
  search: PartProps;
  history: PartProps<HistoryApi> & {
    /** Shows the saved files in the Code panel (and goes there). */
    onOpenCode(entry: CodeEntry): void;
    /** Opens the Image panel on a stored version; false when it is not there. */
    onRefineImage(versionId: string): Promise<boolean>;
  };
  settings: PartProps & {
    draft: SettingsDraft;
    onPrices(prices: Record<string, FetchedPrice>): void;
    /** The document's component mapping as stored (undefined until read), and the mapping after a save. */
    components: StoredComponents | undefined;
    onComponents(stored: StoredComponents): void;
  };
}

/** The api each part exposes (undefined: none). */
export type PartApi<K extends PanelPart> = PartPropsMap[K] extends PartProps<infer Api> ? Api : never;
