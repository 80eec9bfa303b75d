/**
 * The plugin UI: waits for `init`, then shows the panel for its command. Holds what every panel shares
 * (settings, selection, thumbnail, banners for errors, toasts for confirmations) and the code job, and reports
 * refused messages loudly.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from "preact/hooks";
import type { Command, SelectionSummary } from "../contract/messages.js";
import { DEFAULT_SETTINGS, type Settings } from "../contract/settings.js";
import type { ApiKeyVault } from "./model/api-key.js";
import type { Bridge } from "./channel/bridge.js";
import type { MainRequests } from "./channel/requests.js";
import { useAiJob } from "./code/ai-job.js";
import { codeJobBusy, useCodeJob } from "./code/code-job.js";
import { Banners, type BannerItem, type BannerTone } from "./controls/banner.js";
import { ExpandToggle, usePanelExpand } from "./controls/expand-toggle.js";
import { ResizeHandle } from "./controls/resize-handle.js";
import { Toasts, useToasts } from "./controls/toasts.js";
import { onHistoryFull } from "./channel/history-client.js";
import { refusedText } from "./history/use-refused-saves.js";
import { savedOutput } from "./code/saved-result.js";
import { GeneratePanel } from "./code/generate-panel.js";
import { useThumbnails } from "./code/thumbnails.js";
import type { PanelContext } from "./parts/part-props.js";
import { PanelPartsView, type PartExtras } from "./parts/panel-parts-view.js";
import { usePanelParts } from "./parts/use-panel-parts.js";
import { useFetchedPrices } from "./settings/use-fetched-prices.js";
import { useLeaveGuard } from "./settings/use-leave-guard.js";
import { useSettingsDraft } from "./settings/use-settings-draft.js";
import type { Engine } from "./engine/engine.js";
import type { StoredComponents } from "../contract/components.js";

export interface AppProps {
  bridge: Bridge;
  requests: MainRequests;
  worker: Engine;
  vault: ApiKeyVault;
}

/** A menu command's panel, or History (reached from the panel's own navigation only). */
type Panel = Command | "history";

const NAV: { panel: Panel; label: string }[] = [
  { panel: "code", label: "Code" },
  { panel: "image", label: "Image" },
  { panel: "analyze", label: "Analyze" },
  { panel: "search", label: "Search" },
  { panel: "history", label: "History" },
  { panel: "settings", label: "Settings" },
];

/** How long to wait for `init` before saying that the main thread is not answering. */
const INIT_TIMEOUT_MS = 5000;
/** Banners kept at most (the panel shows two; "+N more" the rest). */
const MAX_BANNERS = 20;

const EMPTY_SELECTION: SelectionSummary = { nodes: [], unsupported: [] };

/** Errors and warnings: they stay until dismissed. Confirmations are toasts (useToasts). */
function useBanners() {
  const [items, setItems] = useState<BannerItem[]>([]);
  const nextId = useRef(1);
  const dismiss = useCallback((id: number) => setItems((all) => all.filter((b) => b.id !== id)), []);
  const show = useCallback((text: string, tone: BannerTone, action?: BannerItem["action"], about?: string) => {
    const id = nextId.current++;
    // The same text twice is one banner; so are two banners about the same thing (the newer says it).
    setItems((all) =>
      [
        ...all.filter((b) => b.text !== text && (about === undefined || b.about !== about)),
        { id, tone, text, ...(action ? { action } : {}), ...(about ? { about } : {}) },
      ].slice(-MAX_BANNERS),
    );
  }, []);
  return { items, show, dismiss };
}

/**
 * The panel shown. A toast speaks of the view it came from: leaving the view takes it away, so it never covers
 * another's controls.
 */
function usePanel(clearToasts: () => void): [Panel, (next: Panel) => void] {
  const [panel, showPanel] = useState<Panel>("code");
  const shown = useRef<Panel>("code");
  const setPanel = useCallback(
    (next: Panel) => {
      if (next !== shown.current) clearToasts();
      shown.current = next;
      showPanel(next);
    },
    [clearToasts],
  );
  return [panel, setPanel];
}

/** A warning when Figma's main thread has not answered `ready` in time (the plugin may need a restart). */
function useSlowInitWarning(ready: boolean, show: (text: string, tone: "warning") => void): void {
  useEffect(() => {
    if (ready) return;
    const timer = setTimeout(
      () =>
        show(
          "Waiting for Figma… the plugin's main thread has not answered " +
            "yet. Close the plugin and run it again if this stays.",
          "warning",
        ),
      INIT_TIMEOUT_MS,
    );
    return () => clearTimeout(timer);
  }, [ready, show]);
}

export function App({ bridge, requests, worker, vault }: AppProps) {
  const [ready, setReady] = useState(false);
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [, setKeysVersion] = useState(0);
  const [selection, setSelection] = useState<SelectionSummary>(EMPTY_SELECTION);
  const banners = useBanners();
  const toasts = useToasts();
  const [panel, setPanel] = usePanel(toasts.clear);
  const job = useCodeJob(requests, worker);
  const showError = useCallback((text: string) => banners.show(text, "error"), [banners.show]);
  const prices = useFetchedPrices(requests, showError);
  const ai = useAiJob(requests, worker, vault, settings, prices.prices);
  const [editorType, setEditorType] = useState("figma");
  /** Opened by "Design from a prompt…" in the plugin's menu: the Code panel opens with its prompt. */
  const [promptOpen, setPromptOpen] = useState(false);
  const notify = useCallback(
    (text: string, tone: "info" | "error" = "info") => (tone === "info" ? toasts.show(text) : banners.show(text, tone)),
    [toasts.show, banners.show],
  );
  /** Image, Analyze, Search, History and Settings come when first opened, or in idle time after the first paint. */
  const parts = usePanelParts(requests, ready, panel === "code" ? worker : undefined, codeJobBusy(job.state));
  /** Unsaved Settings edits live here, so they survive switching panels. */
  const draft = useSettingsDraft(settings, vault, requests);
  const leave = useLeaveGuard(panel, setPanel, draft, () => toasts.show("Settings saved"));
  /** A key for the chosen provider's endpoint (keys are kept per provider and base URL). */
  const hasKey = vault.hasKeyFor(settings);
  const thumbnails = useThumbnails(bridge, selection);
  /** The document's component mapping: the code uses it; Settings → Components edits it. */
  const [components, setComponents] = useState<StoredComponents | undefined>(undefined);
  useEffect(() => {
    if (ready)
      requests.call("load-components", {}).then(
        (r) => setComponents(r.stored),
        (error: unknown) =>
          banners.show(
            `Could not read the file's component mapping: ${error instanceof Error ? error.message : String(error)}`,
            "error",
          ),
      );
  }, [ready]);
  const expand = usePanelExpand(bridge);

  // A layout effect, so `ready` leaves as the panel's script ends instead of after its first frame and a
  // timer (useEffect): `init`, the panel's content, comes a frame sooner. Only `init` answers `ready`.
  useLayoutEffect(() => {
    const off = [
      bridge.on("init", (message) => {
        setPanel(message.command);
        setSettings(message.settings);
        vault.replaceAll(message.apiKeys);
        prices.replaceAll(message.prices);
        setSelection(message.selection);
        setEditorType(message.editorType);
        setPromptOpen(message.open === "prompt");
        // Opened by "Refine image" / "Regenerate image" on a layer Figment made.
        const { imageNode } = message;
        if (imageNode)
          void parts.call("image", (image) => image.openNode(imageNode, message.selection)).catch(() => undefined);
        setReady(true);
      }),
      bridge.on("selection", (message) => setSelection(message.selection)),
      bridge.on("settings-saved", (message) => {
        setSettings(message.settings);
        vault.syncSlots(message.keySlots);
      }),
      bridge.on("error", (message) => {
        // Errors of a request belong to whoever made it (the code job); the rest are shown here.
        if (message.requestId === undefined) banners.show(message.message, "error");
      }),
      bridge.onInvalid((error) =>
        banners.show(`The plugin sent a message the panel does not understand: ${error}`, "error"),
      ),
      vault.onChange(() => setKeysVersion((v) => v + 1)),
    ];
    bridge.send("ready", {});
    return () => off.forEach((unsubscribe) => unsubscribe());
  }, [bridge, vault, banners.show, prices.replaceAll, parts.call]);

  // A result the history store refused for space: held in memory, and a banner that leads to freeing space.
  const openFreeSpace = useRef((): void => undefined);
  openFreeSpace.current = () => {
    leave.go("history");
    void parts.call("history", (history) => history.openFreeSpace()).catch(() => undefined);
  };
  useEffect(
    () =>
      onHistoryFull((entry, full) => {
        void parts.call("history", (history) => history.addRefused(entry, full)).catch(() => undefined);
        banners.show(
          refusedText([{ entry, full }]),
          "warning",
          { label: "Open History", run: () => openFreeSpace.current() },
          `history-full:${entry.kind}:${entry.id}`,
        );
      }),
    [parts.call, banners.show],
  );

  useSlowInitWarning(ready, banners.show);

  const saveSettings = (patch: Partial<Settings>) => {
    setSettings((s) => ({ ...s, ...patch }));
    requests
      .call("save-settings", { settings: patch })
      .catch((error: unknown) =>
        banners.show(`Could not save the setting: ${error instanceof Error ? error.message : String(error)}`, "error"),
      );
  };
  const focusNode = (nodeId: string) => {
    requests
      .call("focus-node", { nodeId })
      .catch((error: unknown) => notify(error instanceof Error ? error.message : String(error), "error"));
  };
  const openSettings = () => setPanel("settings");
  const ctx: PanelContext = {
    requests,
    worker,
    vault,
    settings,
    selection,
    prices: prices.prices,
    hasKey,
    notify,
    onOpenSettings: openSettings,
    onFocusNode: focusNode,
    onViewChange: toasts.clear,
  };
  const extras: PartExtras = {
    image: { editorType },
    analyze: {},
    search: {},
    history: {
      onOpenCode: (entry) => {
        // The result on show, not the prompt the menu command opened the panel with.
        setPromptOpen(false);
        job.show(savedOutput(entry));
        setPanel("code");
      },
      onRefineImage: async (versionId) => {
        const opened = await parts.call("image", (image) => image.openVersion(versionId));
        if (opened) setPanel("image");
        return opened;
      },
    },
    settings: { draft, onPrices: prices.save, components, onComponents: setComponents },
  };

  return (
    <div class="app">
      <nav class="nav" aria-label="Figment" inert={leave.dialog !== null}>
        {NAV.map((item) => (
          <button
            key={item.panel}
            type="button"
            class={`nav__item${panel === item.panel ? " is-active" : ""}`}
            aria-current={panel === item.panel ? "page" : undefined}
            onClick={() => leave.go(item.panel)}
          >
            {item.label}
          </button>
        ))}
        <span class="spacer" />
        <ExpandToggle expand={expand} />
      </nav>
      <Banners items={banners.items} onDismiss={banners.dismiss} />
      <main class="main" inert={leave.dialog !== null}>
        {!ready ? (
          <p class="loading muted" role="status">
            Connecting to Figma…
          </p>
        ) : panel === "code" ? (
          <GeneratePanel
            onViewChange={toasts.clear}
            selection={selection}
            thumbnails={thumbnails}
            settings={settings}
            job={job}
            ai={ai}
            worker={worker}
            requests={requests}
            hasKey={hasKey}
            onSettingsChange={saveSettings}
            onOpenSettings={openSettings}
            notify={notify}
            onFocusNode={focusNode}
            components={components?.map}
            promptOpen={promptOpen}
          />
        ) : null}
        {ready ? <PanelPartsView parts={parts} active={panel} ctx={ctx} extras={extras} /> : null}
      </main>
      {leave.dialog}
      <Toasts {...toasts} />
      <ResizeHandle bridge={bridge} onResized={expand.forget} />
    </div>
  );
}
