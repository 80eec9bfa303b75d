/**
 * A simulated `figma` global, built from a real Figma REST reply (test/fixtures/figma), for the plugin's main
 * thread in Node tests and in the browser harness. Plain TypeScript: no Node imports here (file loading is in
 * ./node.ts). It models what Figment's main thread touches — nodes and their exports, selection and events,
 * clientStorage, the UI channel, notify, Dev Mode codegen, relaunch and plugin data — and records every
 * side effect so tests can assert on them (e.g. that the API key never lands in pluginData).
 *
 * Where the real API refuses something (postMessage before showUI, getNodeById under dynamic-page access,
 * setRelaunchData with a long description, createImage of a WebP or of more than 4096 px, plugin data over
 * 100 kB, changing a removed node), the simulator refuses too, so misuse fails in tests first.
 *
 * Undo: Figma makes everything a plugin does between two `figma.commitUndo()` calls one undo step. The
 * simulator lists each document change (create, move, resize, fills, plugin data, relaunch data, remove) in
 * `record.undo.pending` and moves them into `record.undo.steps` on every commitUndo.
 */
import { nodeBindings } from "./variable-bindings.js";
import { copyProps, refusesComponent } from "./made-components.js";
import { AUTO_LAYOUT_TYPES, defineAutoLayoutProps, layOut } from "./auto-layout.js";
import { defineGridChildProps } from "./grid-layout.js";
import { checkImageBytes, checkPaints, sha1Hex, simImage, type SimImage, type SimImageFormat } from "./image.js";
import { encodeBlankPng } from "./png.js";
import { defineVariableProps, simStyleLookup, simVariablesApi } from "./variables.js";
import type { DesignVariables } from "../../codegen/design/extras.js";
import { CLIENT_STORAGE_QUOTA } from "../../contract/limits.js";
import { simSvg } from "./svg.js";
import { defineTextProps, SimFonts, type SimFont } from "./text.js";
import { defineStyleProps, defineVectorStrokes } from "./style-props.js";
import { importSvgOnce } from "./svg-import.js";
import { defineGeometryProps, defineTransformProp } from "./geometry.js";
import { defineComponentProps, simComponents, type SimDefinitions } from "./components.js";

export type Json = Record<string, unknown>;

export interface SimCodegenPreferences {
  unit: "PIXEL" | "SCALED";
  scaleFactor?: number;
  customSettings: Record<string, string>;
}

export interface SimCodegenResult {
  title: string;
  code: string;
  language: string;
}

export interface FigmaSimOptions {
  /** A Figma REST reply: `GET /v1/files/:key` (document → pages) or `GET /v1/files/:key/nodes`. */
  file: unknown;
  /** Node ids to select at start; the current page is the one holding the first. */
  selectIds?: string[];
  /** `figma.command`; "" when the plugin has no menu command (Dev Mode codegen). */
  command?: string;
  editorType?: "figma" | "figjam" | "dev" | "slides";
  /** `figma.mode`; defaults to "codegen" in Dev Mode with no command, else "default". */
  mode?: "default" | "codegen" | "inspect";
  /** clientStorage content at start. */
  storage?: Record<string, unknown>;
  /**
   * clientStorage's quota in bytes (Figma's measure: keys + values as JSON, a Uint8Array by its length);
   * CLIENT_STORAGE_QUOTA when omitted.
   */
  storageQuota?: number;
  codegenPreferences?: SimCodegenPreferences;
  /** Delay of every exportAsync, in ms (0 = resolve on the next microtask). */
  exportDelayMs?: number;
  /** Commands allowed in setRelaunchData (the manifest's relaunchButtons); any when omitted. */
  relaunchCommands?: string[];
  /** `figma.fileKey`: undefined unless the plugin is private (enablePrivatePluginApi), as for Figment. */
  fileKey?: string;
  /** The viewport's centre at start (canvas coordinates); default 0, 0. */
  viewportCenter?: { x: number; y: number };
  /** The file's variables (`figma.variables`), in the `variables/local` meta shape; none when omitted. */
  variables?: DesignVariables;
  /**
   * Images the file holds, by hash: a fixture's image fills name them by `imageRef` (= the plugin's
   * imageHash), so tests give real PNG/JPEG/GIF bytes for those refs here. Refs without bytes are missing,
   * as in a file whose images Figma cannot load: getImageByHash returns null.
   */
  images?: Record<string, Uint8Array>;
  /**
   * What Figma's `inferredAutoLayout` answers, by frame id (its heuristic runs only inside Figma): tests give
   * the guesses they need; every other frame answers null, as Figma does for frames it has no guess for.
   */
  inferredAutoLayouts?: Record<string, unknown>;
  /** The fonts the editor has (listAvailableFontsAsync; loadFontAsync refuses others); every font when omitted. */
  fonts?: SimFont[];
}

/** Figma's limit of one plugin data entry: plugin id + key + value. */
export const PLUGIN_DATA_MAX_BYTES = 100_000;

/** Node types that have `fills` in the Plugin API (REST type names; a GROUP, SLICE, PAGE has none). */
const FILL_TYPES = new Set([
  "RECTANGLE",
  "ELLIPSE",
  "POLYGON",
  "REGULAR_POLYGON",
  "STAR",
  "VECTOR",
  "LINE",
  "TEXT",
  "FRAME",
  "COMPONENT",
  "COMPONENT_SET",
  "INSTANCE",
  "BOOLEAN_OPERATION",
  "SECTION",
]);

const utf8Length = (text: string): number => {
  let n = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
};

export interface ExportRecord {
  nodeId: string;
  format: string;
  /** For images: the scale applied and the pixel size produced. */
  scale?: number;
  width?: number;
  height?: number;
}

export interface SimRecord {
  showUI: { html: string; options: Json }[];
  notifications: { message: string; options: Json }[];
  exports: ExportRecord[];
  /** Every setPluginData / setSharedPluginData call (namespace undefined for private plugin data). */
  pluginData: { nodeId: string; namespace?: string; key: string; value: string }[];
  relaunch: { nodeId: string; data: Record<string, string> }[];
  /** Every createImage call that succeeded. */
  images: { hash: string; bytes: number; width: number; height: number; format: SimImageFormat }[];
  /**
   * Document changes by undo step: `steps` closed by figma.commitUndo() (`commits` counts the calls), `pending` since
   * the last.
   */
  undo: { commits: number; steps: string[][]; pending: string[] };
  resizes: { width: number; height: number }[];
  /** Every page.loadAsync() call, by page id in order; `allPagesLoads` counts figma.loadAllPagesAsync() calls. */
  pageLoads: string[];
  allPagesLoads: number;
  /** Every figma.viewport.scrollAndZoomIntoView call: the node ids, on the page current at the time. */
  zooms: { nodeIds: string[]; pageId: string }[];
  closed?: { message?: string };
  /** Errors thrown or rejected by the plugin's message and event handlers (Figma would log them). */
  handlerErrors: unknown[];
}

type ExportSettings = {
  format?: string;
  constraint?: { type: "SCALE" | "WIDTH" | "HEIGHT"; value: number };
  [key: string]: unknown;
};

const CONTAINER_TYPES = new Set([
  "DOCUMENT",
  "PAGE",
  "FRAME",
  "GROUP",
  "COMPONENT",
  "COMPONENT_SET",
  "INSTANCE",
  "SECTION",
  "BOOLEAN_OPERATION",
]);

/** Figma refuses exports this large; the simulator mirrors a cap so runaway scales fail loudly. */
const MAX_EXPORT_SIDE = 16384;

export interface FileMeta {
  components: Json;
  componentSets: Json;
  styles: Json;
}

const isRecord = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const num = (v: unknown, fallback = 0): number => (typeof v === "number" && Number.isFinite(v) ? v : fallback);
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** A scene node backed by its REST JSON. */
export class SimNode {
  readonly id: string;
  readonly type: string;
  private nameValue: string;
  visible: boolean;
  private xValue: number;
  private yValue: number;
  width: number;
  height: number;
  parent: SimNode | null = null;
  /** Only nodes that hold children have this property, as in Figma (`"children" in node`). */
  declare children?: SimNode[];
  /** Only nodes that can be filled have this property (`"fills" in node`); read-only paints, set a new array. */
  declare fills?: readonly unknown[];
  /** Made by the plugin (createRectangle): its position is its parent's plus x, y, not its REST box. */
  created = false;
  relaunchData: Record<string, string> = {};
  removed = false;
  private readonly pluginData = new Map<string, string>();
  private readonly sharedData = new Map<string, string>();

  constructor(
    private readonly sim: SimCore,
    /** The node's REST JSON; exports read it, so edits to it show in later exports. */
    readonly rest: Json,
    readonly meta: FileMeta,
    type: string,
  ) {
    this.id = String(rest["id"]);
    this.type = type;
    this.nameValue = typeof rest["name"] === "string" ? rest["name"] : type.toLowerCase();
    this.visible = rest["visible"] !== false;
    const box = isRecord(rest["absoluteBoundingBox"]) ? rest["absoluteBoundingBox"] : {};
    this.xValue = num(box["x"]);
    this.yValue = num(box["y"]);
    // A rotated layer's box is wider than the layer: `size` (REST, geometry=paths) is the layer's own.
    const size = isRecord(rest["size"]) ? rest["size"] : {};
    this.width = num(size["x"], num(box["width"]));
    this.height = num(size["y"], num(box["height"]));
    if (CONTAINER_TYPES.has(type)) this.children = [];
    defineVariableProps(
      this,
      () => sim.options.variables,
      (what) => this.change(what),
    );
    defineComponentProps(this, () => sim.components);
    if (type !== "DOCUMENT" && type !== "PAGE") defineGridChildProps(this, (what) => this.change(what));
    if (AUTO_LAYOUT_TYPES.has(type)) {
      defineAutoLayoutProps(this, (what) => this.change(what));
      Object.defineProperty(this, "inferredAutoLayout", {
        enumerable: true,
        get: () => structuredClone(sim.options.inferredAutoLayouts?.[this.id] ?? null),
      });
    }
    if (FILL_TYPES.has(type)) defineGeometryProps(this);
    else if (type !== "DOCUMENT" && type !== "PAGE") defineTransformProp(this);
    if (FILL_TYPES.has(type)) {
      let paints: readonly unknown[] = Object.freeze(
        (Array.isArray(rest["fills"]) ? rest["fills"] : []).map((p) => Object.freeze(pluginPaint(p))),
      );
      Object.defineProperty(this, "fills", {
        enumerable: true,
        get: () => paints,
        set: (value: unknown) => {
          this.change(`fills ${this.id}`);
          paints = checkPaints(value, (hash) => this.sim.images.has(hash));
        },
      });
    }
  }

  /** A document change: refused on a removed node (as Figma does), listed for the undo record. */
  protected change(what: string): void {
    if (this.removed) throw new Error(`The node (id ${this.id}) does not exist`);
    this.sim.change(what);
  }

  get name(): string {
    return this.nameValue;
  }

  set name(value: string) {
    if (typeof value !== "string") throw new Error("name: expected a string");
    this.change(`name ${this.id}`);
    this.nameValue = value;
  }

  /** Position relative to the parent (a page's children: absolute), as in Figma. */
  get x(): number {
    return this.xValue;
  }

  set x(value: number) {
    if (!Number.isFinite(value)) throw new Error("x: expected a finite number");
    this.change(`move ${this.id}`);
    this.shiftRest(value - this.xValue, 0);
    this.xValue = value;
  }

  get y(): number {
    return this.yValue;
  }

  set y(value: number) {
    if (!Number.isFinite(value)) throw new Error("y: expected a finite number");
    this.change(`move ${this.id}`);
    this.shiftRest(0, value - this.yValue);
    this.yValue = value;
  }

  /**
   * A move, as Figma's exports see it: the absolute boxes of the node and of everything in it shift (the
   * REST JSON is in page coordinates). Nodes the plugin created compute theirs from x, y instead.
   */
  private shiftRest(dx: number, dy: number): void {
    if (this.created || (dx === 0 && dy === 0)) return;
    const visit = (rest: Json): void => {
      for (const key of ["absoluteBoundingBox", "absoluteRenderBounds"]) {
        const box = rest[key];
        if (isRecord(box) && typeof box["x"] === "number" && typeof box["y"] === "number")
          rest[key] = { ...box, x: box["x"] + dx, y: box["y"] + dy };
      }
      if (Array.isArray(rest["children"])) for (const child of rest["children"]) if (isRecord(child)) visit(child);
    };
    visit(this.rest);
  }

  /** Sets x, y without recording a change (the simulator placing REST nodes in their parents). */
  place(x: number, y: number): void {
    this.xValue = x;
    this.yValue = y;
  }

  get absoluteBoundingBox(): { x: number; y: number; width: number; height: number } {
    if (this.created) {
      const parent = this.parent && this.parent.type !== "PAGE" ? this.parent.absoluteBoundingBox : { x: 0, y: 0 };
      return { x: parent.x + this.x, y: parent.y + this.y, width: this.width, height: this.height };
    }
    const box = isRecord(this.rest["absoluteBoundingBox"]) ? this.rest["absoluteBoundingBox"] : {};
    return { x: num(box["x"], this.x), y: num(box["y"], this.y), width: this.width, height: this.height };
  }

  /**
   * The children without the plugin's access checks (a page not yet loaded refuses `children`): for the simulator
   * itself.
   */
  childList(): SimNode[] | undefined {
    return this.children;
  }

  appendChild(child: SimNode): void {
    const list = this.childList();
    if (!list) throw new Error(`sim: ${this.type} node cannot have children`);
    if (child.removed) throw new Error(`The node (id ${child.id}) does not exist`);
    this.change(`append ${child.id} to ${this.id}`);
    this.adopt(child, list.length);
  }

  /** Figma's insertChild: `index` 0…children.length (0 is the bottom-most layer); more throws. */
  insertChild(index: number, child: SimNode): void {
    const list = this.childList();
    if (!list) throw new Error(`sim: ${this.type} node cannot have children`);
    if (child.removed) throw new Error(`The node (id ${child.id}) does not exist`);
    const max = list.length - (child.parent === this ? 1 : 0);
    if (!Number.isInteger(index) || index < 0 || index > max)
      throw new Error(`insertChild: index ${index} is out of range 0…${max}`);
    this.change(`insert ${child.id} into ${this.id} at ${index}`);
    this.adopt(child, index);
  }

  private adopt(child: SimNode, index: number): void {
    const previous = child.parent;
    const old = previous?.childList();
    old?.splice(old.indexOf(child), 1);
    child.parent = this;
    this.childList()!.splice(index, 0, child);
    if (previous && previous !== this) layOut(previous);
    layOut(this);
  }

  /** Every descendant for which `test` is true, in document order (Figma's findAll; a page must be loaded). */
  findAll(test: (node: SimNode) => boolean = () => true): SimNode[] {
    const out: SimNode[] = [];
    const visit = (nodes: readonly SimNode[]): void => {
      for (const n of nodes) {
        if (test(n)) out.push(n);
        if (n.children) visit(n.children);
      }
    };
    visit(this.children ?? []);
    return out;
  }

  findOne(test: (node: SimNode) => boolean): SimNode | null {
    return this.findAll(test)[0] ?? null;
  }

  remove(): void {
    this.change(`remove ${this.id}`);
    const parent = this.parent;
    const siblings = parent?.childList();
    siblings?.splice(siblings.indexOf(this), 1);
    this.parent = null;
    this.removed = true;
    if (parent) layOut(parent);
  }

  resize(width: number, height: number): void {
    // Figma's smallest size is 0.01 px.
    if (!(Number.isFinite(width) && Number.isFinite(height) && width >= 0.01 && height >= 0.01))
      throw new Error(`resize: width and height must be at least 0.01 (got ${width} × ${height})`);
    this.change(`resize ${this.id}`);
    this.width = width;
    this.height = height;
    this.rest["absoluteBoundingBox"] = { x: this.x, y: this.y, width, height };
    layOut(this);
    if (this.parent) layOut(this.parent);
  }

  async exportAsync(settings: ExportSettings = {}): Promise<unknown> {
    return this.sim.exportNode(this, settings);
  }

  setRelaunchData(data: Record<string, string>): void {
    for (const [command, description] of Object.entries(data)) {
      if (typeof description !== "string" || description.length > 1000)
        throw new Error("setRelaunchData: description must be a string of at most 1000 characters");
      const allowed = this.sim.options.relaunchCommands;
      if (allowed && !allowed.includes(command))
        throw new Error(`setRelaunchData: command "${command}" is not in the manifest's relaunchButtons`);
    }
    this.change(`relaunch ${this.id}`);
    this.relaunchData = { ...data };
    this.sim.record.relaunch.push({ nodeId: this.id, data: { ...data } });
  }

  getRelaunchData(): Record<string, string> {
    return { ...this.relaunchData };
  }

  getPluginData(key: string): string {
    return this.pluginData.get(key) ?? "";
  }

  setPluginData(key: string, value: string): void {
    if (typeof key !== "string" || key === "") throw new Error("setPluginData: key must be a non-empty string");
    if (typeof value !== "string") throw new Error("setPluginData: value must be a string");
    const size = utf8Length(this.sim.options.pluginId ?? "figment-dev") + utf8Length(key) + utf8Length(value);
    if (size > PLUGIN_DATA_MAX_BYTES)
      throw new Error(`setPluginData: the entry is ${size} bytes; plugin id, key and value may hold at most 100 kB`);
    this.change(`pluginData ${this.id} ${key}`);
    // The empty string removes the entry, as in Figma.
    if (value === "") this.pluginData.delete(key);
    else this.pluginData.set(key, value);
    this.sim.record.pluginData.push({ nodeId: this.id, key, value });
  }

  getPluginDataKeys(): string[] {
    return [...this.pluginData.keys()];
  }

  getSharedPluginData(namespace: string, key: string): string {
    return this.sharedData.get(`${namespace}\u0000${key}`) ?? "";
  }

  setSharedPluginData(namespace: string, key: string, value: string): void {
    if (typeof value !== "string") throw new Error("setSharedPluginData: value must be a string");
    if (typeof namespace !== "string" || !/^[A-Za-z0-9]{3,}/.test(namespace))
      throw new Error("setSharedPluginData: the namespace must be at least 3 alphanumeric characters");
    const size = utf8Length(namespace) + utf8Length(key) + utf8Length(value);
    if (size > PLUGIN_DATA_MAX_BYTES)
      throw new Error(
        `setSharedPluginData: the entry is ${size} bytes; namespace, key and value may hold at most 100 kB`,
      );
    this.change(`sharedPluginData ${this.id} ${key}`);
    // The empty string removes the entry, as in Figma.
    if (value === "") this.sharedData.delete(`${namespace}\u0000${key}`);
    else this.sharedData.set(`${namespace}\u0000${key}`, value);
    this.sim.record.pluginData.push({ nodeId: this.id, namespace, key, value });
  }
}

/** What Figma says when a plugin reads a page it has not loaded (documentAccess "dynamic-page"). */
export const UNLOADED_PAGE_ERROR =
  "Cannot access children on a page that has not been explored. Call `await page.loadAsync()` first.";

/**
 * A page: a node with a settable selection. Under documentAccess "dynamic-page" only the current page and
 * pages loaded with `loadAsync` (or made current) give their children; any other refuses `children` and
 * findAll, as in Figma. `sim.record.pageLoads` lists every loadAsync call by page id.
 */
export class SimPage extends SimNode {
  private current: SimNode[] = [];
  private readonly list: SimNode[] = [];
  /** Loaded with loadAsync, made current, or loaded with every page (loadAllPagesAsync). */
  loaded = false;
  /**
   * Set by the simulator: whether reads are checked yet (building the file reads freely) and whether this is the
   * current page.
   */
  checked: () => boolean = () => false;

  constructor(...args: ConstructorParameters<typeof SimNode>) {
    super(...args);
    Object.defineProperty(this, "children", {
      enumerable: true,
      get: () => {
        if (this.checked() && !this.loaded) throw new Error(UNLOADED_PAGE_ERROR);
        return this.list;
      },
      set: () => undefined,
    });
  }

  override childList(): SimNode[] {
    return this.list;
  }

  get selection(): readonly SimNode[] {
    return Object.freeze([...this.current]);
  }

  set selection(nodes: readonly SimNode[]) {
    // Figma refuses to select layers of another page (or removed ones).
    for (const n of nodes) {
      let p: SimNode | null = n;
      while (p && !(p instanceof SimPage)) p = p.parent;
      if (n.removed || p !== this) throw new Error(`Cannot select node ${n.id}: it is not on page ${this.name}`);
    }
    this.current = [...nodes];
    this.onSelectionSet();
  }

  /** Set by the simulator: emits selectionchange when this is the current page. */
  onSelectionSet: () => void = () => undefined;

  async loadAsync(): Promise<void> {
    this.pageLoads.push(this.id);
    await Promise.resolve();
    this.loaded = true;
  }

  /** Set by the simulator: the record's list of loadAsync calls. */
  pageLoads: string[] = [];
}

type Handler = (...args: unknown[]) => unknown;

/** The UI channel: `figma.ui` for the plugin, plus the harness side for tests and the browser page. */
export class SimUi {
  /** Every message the plugin posted, structured-cloned as Figma does, in order. */
  readonly messages: Json[] = [];
  shown = false;
  visible = false;
  closed = false;
  size = { width: 0, height: 0 };
  private onmessageHandler: Handler | undefined;
  private readonly messageHandlers: { fn: Handler; once: boolean }[] = [];
  private readonly listeners = new Set<(message: Json) => void>();

  /** What the plugin sees as `figma.ui`. */
  readonly api: Json;

  constructor(private readonly record: SimRecord) {
    const self = this;
    this.api = {
      postMessage: (message: unknown): void => this.postFromPlugin(message),
      get onmessage(): Handler | undefined {
        return self.onmessageHandler;
      },
      set onmessage(fn: Handler | undefined) {
        self.onmessageHandler = fn;
      },
      on: (_type: "message", fn: Handler): void => void this.messageHandlers.push({ fn, once: false }),
      once: (_type: "message", fn: Handler): void => void this.messageHandlers.push({ fn, once: true }),
      off: (_type: "message", fn: Handler): void => {
        const i = this.messageHandlers.findIndex((h) => h.fn === fn);
        if (i >= 0) this.messageHandlers.splice(i, 1);
      },
      resize: (width: number, height: number): void => {
        this.requireOpen("resize");
        this.size = { width, height };
        this.record.resizes.push({ width, height });
      },
      show: (): void => void (this.visible = true),
      hide: (): void => void (this.visible = false),
      close: (): void => this.close(),
      reposition: (): void => undefined,
      getPosition: () => ({ windowSpace: { x: 0, y: 0 }, canvasSpace: { x: 0, y: 0 } }),
    };
  }

  open(width: number, height: number, visible: boolean): void {
    this.shown = true;
    this.closed = false;
    this.visible = visible;
    this.size = { width, height };
  }

  close(): void {
    this.closed = true;
    this.visible = false;
  }

  private requireOpen(what: string): void {
    if (!this.shown || this.closed) throw new Error(`figma.ui.${what}: no UI is open (call figma.showUI first)`);
  }

  private postFromPlugin(message: unknown): void {
    this.requireOpen("postMessage");
    const copy = structuredClone(message) as Json;
    this.messages.push(copy);
    for (const listener of this.listeners) listener(copy);
  }

  /** Subscribes to messages the plugin posts (the browser harness forwards them to the UI iframe). */
  listen(listener: (message: Json) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Delivers a message from the UI to the plugin on a later macrotask, as Figma does. Resolves once the
   * plugin's handler has returned (and its promise settled, if it returned one); handler errors are recorded.
   */
  async send(message: unknown): Promise<void> {
    this.requireOpen("send");
    const copy = structuredClone(message);
    await sleep(0);
    const handlers: Handler[] = [];
    if (this.onmessageHandler) handlers.push(this.onmessageHandler);
    for (const h of [...this.messageHandlers]) {
      handlers.push(h.fn);
      if (h.once) this.messageHandlers.splice(this.messageHandlers.indexOf(h), 1);
    }
    if (handlers.length === 0) throw new Error("sim: the plugin has no UI message handler");
    const props = { origin: "null" };
    for (const handler of handlers) {
      try {
        await handler(copy, props);
      } catch (error) {
        this.record.handlerErrors.push(error);
      }
    }
  }

  /** Messages of one type, in order. */
  all(type: string): Json[] {
    return this.messages.filter((m) => m["type"] === type);
  }

  /**
   * The first message of `type` (posted at or after index `since`, and matching `where`), waiting for it
   * up to `timeoutMs`.
   */
  waitFor(
    type: string,
    options: { since?: number; where?: (m: Json) => boolean; timeoutMs?: number } = {},
  ): Promise<Json> {
    // The bound only ends a test whose message never comes; a busy 2-core machine may take seconds to send it.
    const { since = 0, where = () => true, timeoutMs = 30_000 } = options;
    const match = (m: Json): boolean => m["type"] === type && where(m);
    const found = this.messages.slice(since).find(match);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        stop();
        reject(
          new Error(
            `sim: no "${type}" message within ${timeoutMs} ms; got ` +
              `${this.messages.map((m) => String(m["type"])).join(", ") || "nothing"}`,
          ),
        );
      }, timeoutMs);
      const stop = this.listen((m) => {
        if (!match(m)) return;
        clearTimeout(timer);
        stop();
        resolve(m);
      });
    });
  }
}

/** Internal state shared by the nodes of one simulator. */
class SimCore {
  readonly record: SimRecord = {
    showUI: [],
    notifications: [],
    exports: [],
    pluginData: [],
    relaunch: [],
    images: [],
    undo: { commits: 0, steps: [], pending: [] },
    resizes: [],
    zooms: [],
    handlerErrors: [],
    pageLoads: [],
    allPagesLoads: 0,
  };
  readonly index = new Map<string, SimNode>();
  readonly failures = new Map<string, string>();
  /** getBytesAsync failures by image hash (failImage). */
  readonly imageFailures = new Map<string, string>();
  /** Images by hash (createImage). */
  readonly images = new Map<string, SimImage>();
  /** Document changes are recorded once the file is built (building it is no change). */
  tracking = false;
  /** While set, every exportAsync waits for it (holdExports). */
  exportHold: Promise<void> | undefined;
  /** Main components and their definitions (./components.ts). */
  readonly components = simComponents(
    () => this.index.values(),
    (rest, meta, type) => new SimNode(this, rest, meta, type),
  );
  constructor(readonly options: FigmaSimOptions & { pluginId?: string }) {}

  change(what: string): void {
    if (this.tracking) this.record.undo.pending.push(what);
  }

  commitUndo(): void {
    this.record.undo.commits++;
    if (this.record.undo.pending.length === 0) return;
    this.record.undo.steps.push(this.record.undo.pending);
    this.record.undo.pending = [];
  }

  async exportNode(node: SimNode, settings: ExportSettings): Promise<unknown> {
    const delay = this.options.exportDelayMs ?? 0;
    if (delay > 0) await sleep(delay);
    else await Promise.resolve();
    if (this.exportHold !== undefined) await this.exportHold;
    const format = settings.format ?? "PNG";
    const failure = this.failures.get(node.id);
    if (failure !== undefined) throw new Error(failure);
    if (node.removed) throw new Error("The node (id " + node.id + ") does not exist");
    if (format === "JSON_REST_V1") {
      this.record.exports.push({ nodeId: node.id, format });
      return {
        document: node.created ? liveRest(node) : structuredClone(node.rest),
        components: structuredClone(node.meta.components),
        componentSets: structuredClone(node.meta.componentSets),
        styles: structuredClone(node.meta.styles),
        schemaVersion: 0,
      };
    }
    if (format === "SVG_STRING") {
      this.record.exports.push({ nodeId: node.id, format });
      return simSvg(node.rest);
    }
    if (format !== "PNG") throw new Error(`sim: export format ${format} is not simulated`);
    const c = settings.constraint ?? { type: "SCALE", value: 1 };
    if (!(typeof c.value === "number" && c.value > 0))
      throw new Error(`Invalid export constraint value ${String(c.value)}`);
    const scale =
      c.type === "SCALE"
        ? c.value
        : c.type === "WIDTH"
          ? c.value / Math.max(node.width, 1)
          : c.value / Math.max(node.height, 1);
    const width = Math.max(1, Math.round(node.width * scale));
    const height = Math.max(1, Math.round(node.height * scale));
    if (width > MAX_EXPORT_SIDE || height > MAX_EXPORT_SIDE)
      throw new Error(`Export of ${width}×${height} px is too large`);
    this.record.exports.push({ nodeId: node.id, format, scale, width, height });
    // The layer's own colour (its first visible solid fill), so a panel showing the export shows the layer.
    return encodeBlankPng(width, height, solidColour(node.fills));
  }
}

/**
 * A node the plugin made, as REST shows it: its REST JSON (the properties set so far, under REST's names) with its
 * name, box, paints (colour alpha back in the colour), text and children as they are now.
 */
function liveRest(node: SimNode): Json {
  const rest: Json = { ...structuredClone(node.rest), name: node.name, absoluteBoundingBox: node.absoluteBoundingBox };
  if (!node.visible) rest["visible"] = false;
  const restPaint = (p: unknown): unknown => {
    if (!isRecord(p) || p["type"] !== "SOLID" || !isRecord(p["color"])) return structuredClone(p);
    const { opacity, ...paint } = p;
    return { ...structuredClone(paint), color: { ...p["color"], a: num(opacity, 1) } };
  };
  if (node.fills) rest["fills"] = node.fills.map(restPaint);
  const text = node as unknown as {
    characters?: string;
    fontName?: SimFont;
    fontSize?: number;
    getRangeFills?: (start: number, end: number) => unknown;
  };
  if (node.type === "TEXT" && typeof text.characters === "string") {
    rest["characters"] = text.characters;
    // A text layer's paints are its characters' (setRangeFills), where they are the same throughout.
    const ranged = text.characters.length > 0 ? text.getRangeFills?.(0, text.characters.length) : undefined;
    if (Array.isArray(ranged)) rest["fills"] = ranged.map(restPaint);
    const font = text.fontName!;
    rest["style"] = { fontFamily: font.family, fontStyle: font.style, fontSize: text.fontSize };
    // Its style, alignment and resizing, and every run of other values (textCase, decoration …) by character.
    const restText = (node as unknown as { restText?: (paint: (p: unknown) => unknown) => Json }).restText;
    if (restText) {
      const { fills, ...style } = restText(restPaint);
      Object.assign(rest, style);
      if (!Array.isArray(ranged)) rest["fills"] = fills;
    }
  }
  // REST lists a node's bindings beside its paints' own (the Plugin API's boundVariables, in REST's shape).
  const bound = nodeBindings(rest, { fills: rest["fills"] as unknown[], strokes: rest["strokes"] as unknown[] });
  if (Object.keys(bound).length > 0) rest["boundVariables"] = bound;
  const children = node.childList();
  if (children) rest["children"] = children.filter((c) => !c.removed).map(liveRest);
  return rest;
}

/** The first visible SOLID paint's colour, 0–255 a channel; undefined when there is none (the export is white). */
function solidColour(fills: readonly unknown[] | undefined): [number, number, number] | undefined {
  for (const paint of fills ?? []) {
    if (!isRecord(paint) || paint["type"] !== "SOLID" || paint["visible"] === false || !isRecord(paint["color"]))
      continue;
    const { r, g, b } = paint["color"];
    if (typeof r === "number" && typeof g === "number" && typeof b === "number") return [r * 255, g * 255, b * 255];
  }
  return undefined;
}

export interface FigmaSim {
  /** Install as `globalThis.figma` (see installFigmaSim). Typed loosely: it covers what Figment uses. */
  readonly figma: Json;
  /** What `__html__` holds. */
  readonly html: string;
  readonly options: FigmaSimOptions;
  readonly document: SimNode;
  readonly pages: SimPage[];
  readonly ui: SimUi;
  readonly storage: Map<string, unknown>;
  readonly record: SimRecord;
  readonly codegen: {
    preferences: SimCodegenPreferences;
    /** Calls the plugin's `generate` handler as Dev Mode does when a node is inspected. */
    generate(node: SimNode | string, language: string): Promise<SimCodegenResult[]>;
    /** Calls the `preferenceschange` handlers (Figma does so for "action" preferences). */
    changePreference(propertyName: string): Promise<void>;
    handlers(type: "generate" | "preferenceschange"): number;
    refreshes: number;
  };
  currentPage(): SimPage;
  node(id: string): SimNode;
  /** All nodes in document order (pages first). */
  nodes(): SimNode[];
  /** Top-level nodes of every page (what the REST reader calls roots). */
  topLevel(): SimNode[];
  /** Sets the current page's selection (emitting selectionchange). */
  select(ids: string[]): void;
  /** Makes exports of this node reject with `message` (null to stop). */
  failExport(id: string, message: string | null): void;
  /** Makes `getBytesAsync` of the image `hash` reject with `message` (null to stop), as when Figma cannot load it. */
  failImage(hash: string, message: string | null): void;
  /** Makes every clientStorage call reject with `message` (null to stop). */
  failStorage(message: string | null): void;
  /**
   * Holds every exportAsync, under way or to come, until the returned release is called: a test sees what the
   * plugin does while an export is under way (a state), however slow the machine.
   */
  holdExports(): () => void;
  /** Emits a figma event (selectionchange, currentpagechange, close, …) to the plugin's handlers. */
  emit(type: string, event?: unknown): void;
  /**
   * Property definitions a library's component set (or component), by id, has beyond what the file shows (the
   * REST reply lists only the variants the file uses); they win over the derived ones by name.
   */
  defineComponentProperties(id: string, definitions: SimDefinitions): void;
  /** The component `id` is gone (a deleted library component): its instances' getMainComponentAsync answers null. */
  loseMainComponent(id: string): void;
  /** Figma refuses the definitions of the component (set) `id` with `message` (a set whose variants conflict). */
  refuseComponentProperties(id: string, message: string): void;
  /** The library variant `id` comes without its set (the Plugin API allows a remote component no parent). */
  orphanVariant(id: string): void;
}

function readMeta(holder: Json): FileMeta {
  return {
    components: isRecord(holder["components"]) ? holder["components"] : {},
    componentSets: isRecord(holder["componentSets"]) ? holder["componentSets"] : {},
    styles: isRecord(holder["styles"]) ? holder["styles"] : {},
  };
}

/** A REST paint as the Plugin API shows it (images by `imageHash`, colour alpha as `opacity`). */
function pluginPaint(raw: unknown): Json {
  if (!isRecord(raw)) return { type: "SOLID", color: { r: 0, g: 0, b: 0 }, opacity: 1 };
  const { imageRef, color, ...rest } = raw;
  if (raw["type"] === "IMAGE") {
    // REST's STRETCH is the Plugin API's CROP; its imageTransform, rotation and scalingFactor come along.
    const mode =
      raw["scaleMode"] === "STRETCH" ? "CROP" : typeof raw["scaleMode"] === "string" ? raw["scaleMode"] : "FILL";
    const kept = Object.fromEntries(
      ["imageTransform", "rotation", "scalingFactor"]
        .filter((k) => raw[k] !== undefined)
        .map((k) => [k, structuredClone(raw[k])]),
    );
    return {
      type: "IMAGE",
      imageHash: typeof imageRef === "string" ? imageRef : null,
      scaleMode: mode,
      visible: raw["visible"] !== false,
      ...kept,
    };
  }
  if (raw["type"] === "SOLID" && isRecord(color))
    return {
      ...rest,
      color: { r: num(color["r"]), g: num(color["g"]), b: num(color["b"]) },
      opacity: num(raw["opacity"], 1) * num(color["a"], 1),
    };
  return { ...rest };
}

export function createFigmaSim(options: FigmaSimOptions): FigmaSim {
  const core = new SimCore(options);
  for (const [hash, bytes] of Object.entries(options.images ?? {}))
    core.images.set(hash, simImage(hash, bytes, checkImageBytes(bytes)));
  const file = structuredClone(options.file);
  if (!isRecord(file)) throw new Error("sim: file must be a Figma REST reply (an object)");
  const storage = new Map<string, unknown>(Object.entries(options.storage ?? {}));
  let storageFailure: string | null = null;
  const simUi = new SimUi(core.record);
  const events = new Map<string, { fn: Handler; once: boolean }[]>();
  const codegenHandlers = {
    generate: [] as { fn: Handler; once: boolean }[],
    preferenceschange: [] as { fn: Handler; once: boolean }[],
  };
  let pageCounter = 0;

  const build = (rest: Json, meta: FileMeta, parent: SimNode): void => {
    const type = String(rest["type"]);
    const node = new SimNode(core, rest, meta, type);
    if (parent.childList()) parent.appendChild(node);
    // Figma's x/y are relative to the parent (pages: absolute).
    if (parent.type !== "PAGE") {
      const box = parent.absoluteBoundingBox;
      node.place(node.x - box.x, node.y - box.y);
    }
    // Ids stay unique: a file never repeats one, but a synthetic test file might.
    if (core.index.has(node.id)) throw new Error(`sim: duplicate node id ${node.id}`);
    core.index.set(node.id, node);
    if (Array.isArray(rest["children"]))
      for (const child of rest["children"])
        if (isRecord(child) && typeof child["id"] === "string") build(child, meta, node);
  };

  const newPage = (name: string, id?: string, modes?: unknown): SimPage => {
    const page = new SimPage(
      core,
      {
        id: id ?? `0:${++pageCounter}`,
        name,
        type: "CANVAS",
        children: [],
        ...(isRecord(modes) ? { explicitVariableModes: modes } : {}),
      },
      readMeta({}),
      "PAGE",
    );
    document.appendChild(page);
    core.index.set(page.id, page);
    return page;
  };

  const document = new SimNode(
    core,
    { id: "0:0", name: typeof file["name"] === "string" ? file["name"] : "Document", type: "DOCUMENT" },
    readMeta({}),
    "DOCUMENT",
  );
  core.index.set(document.id, document);

  if (isRecord(file["nodes"])) {
    const page = newPage("Page 1");
    for (const entry of Object.values(file["nodes"])) {
      if (!isRecord(entry) || !isRecord(entry["document"])) continue;
      const doc = entry["document"];
      const meta = readMeta(entry);
      const tops = doc["type"] === "CANVAS" && Array.isArray(doc["children"]) ? doc["children"] : [doc];
      for (const top of tops) if (isRecord(top)) build(top, meta, page);
    }
  } else if (isRecord(file["document"])) {
    const meta = readMeta(file);
    const pages = Array.isArray(file["document"]["children"]) ? file["document"]["children"] : [];
    for (const raw of pages) {
      if (!isRecord(raw)) continue;
      if (raw["type"] === "CANVAS") {
        const page = newPage(
          typeof raw["name"] === "string" ? raw["name"] : "Page",
          typeof raw["id"] === "string" ? raw["id"] : undefined,
          raw["explicitVariableModes"],
        );
        for (const child of Array.isArray(raw["children"]) ? raw["children"] : [])
          if (isRecord(child)) build(child, meta, page);
      } else {
        build(raw, meta, newPage("Page"));
      }
    }
  } else if (typeof file["id"] === "string" && typeof file["type"] === "string") {
    build(file, readMeta({}), newPage("Page 1"));
  } else {
    throw new Error("sim: expected a REST file reply (document), a nodes reply (nodes) or a node");
  }

  const pages = (document.children ?? []).filter((p): p is SimPage => p instanceof SimPage);
  if (pages.length === 0) pages.push(newPage("Page 1"));

  const emit = (type: string, event?: unknown): void => {
    const list = events.get(type) ?? [];
    events.set(
      type,
      list.filter((h) => !h.once),
    );
    for (const h of list) {
      try {
        const result = h.fn(event);
        if (result instanceof Promise) result.catch((error: unknown) => core.record.handlerErrors.push(error));
      } catch (error) {
        core.record.handlerErrors.push(error);
      }
    }
  };

  const node = (id: string): SimNode => {
    const found = core.index.get(id);
    if (!found) throw new Error(`sim: no node ${id}`);
    return found;
  };

  const pageOf = (n: SimNode): SimPage | undefined => {
    let p: SimNode | null = n;
    while (p && !(p instanceof SimPage)) p = p.parent;
    return p ?? undefined;
  };

  const first = options.selectIds?.[0];
  let currentPage: SimPage = (first !== undefined ? pageOf(node(first)) : undefined) ?? pages[0]!;
  // The page Figma opens the file on is loaded; the others wait for loadAsync.
  currentPage.loaded = true;
  for (const page of pages) {
    page.pageLoads = core.record.pageLoads;
    page.checked = () => core.tracking;
    page.onSelectionSet = () => {
      if (page === currentPage) setTimeout(() => emit("selectionchange"), 0);
    };
  }
  if (options.selectIds) {
    const nodes = options.selectIds.map(node);
    // Initial selection: no event, as when the plugin starts with a selection.
    const set = currentPage.onSelectionSet;
    currentPage.onSelectionSet = () => undefined;
    currentPage.selection = nodes;
    currentPage.onSelectionSet = set;
  }

  const storageQuota = options.storageQuota ?? CLIENT_STORAGE_QUOTA;
  /** Like Figma: a set that would take the plugin's storage over its quota is rejected and changes nothing. */
  const setStored = (key: string, value: unknown): void => {
    let total = storedBytes(key, value);
    for (const [k, v] of storage) if (k !== key) total += storedBytes(k, v);
    if (total > storageQuota) throw new Error(`clientStorage quota exceeded: ${total} of ${storageQuota} bytes`);
    storage.set(key, structuredClone(value));
  };

  const storageCall = async <T>(fn: () => T): Promise<T> => {
    await Promise.resolve();
    if (storageFailure !== null) throw new Error(storageFailure);
    return fn();
  };

  const editorType = options.editorType ?? "figma";
  const command = options.command ?? "";
  const mode = options.mode ?? (editorType === "dev" && command === "" ? "codegen" : "default");
  const codegenState = {
    preferences: options.codegenPreferences ?? { unit: "PIXEL", customSettings: {} },
    refreshes: 0,
  };
  let rectangles = 0;
  const fonts = new SimFonts(options.fonts);
  const mixed = Symbol("figma.mixed");
  /** A node the plugin made: indexed, a document change, on the current page. */
  const made = (node: SimNode): SimNode => {
    node.created = true;
    core.index.set(node.id, node);
    core.change(`create ${node.id}`);
    currentPage.appendChild(node);
    return node;
  };
  let viewportCenter = { ...(options.viewportCenter ?? { x: 0, y: 0 }) };
  /** A fresh node of `type`, as the create* functions make one, not yet in a parent (./made-components.ts). */
  const fresh = (type: string, id: string, name: string): SimNode => {
    const box = { x: 0, y: 0, width: 100, height: 100 };
    const node = new SimNode(core, { id, name, type, absoluteBoundingBox: box }, readMeta({}), type);
    if (type === "TEXT") defineTextProps(node, fonts, mixed);
    if (type !== "VECTOR")
      defineStyleProps(
        node,
        (what) => core.change(what),
        () => layOut(node),
      );
    node.created = true;
    core.index.set(id, node);
    core.change(`create ${id}`);
    return node;
  };
  /** The copy where and as large as `from` (its children and properties in, which may have laid it out anew). */
  const settle = (from: SimNode, to: SimNode): void => {
    if (to.width !== from.width || to.height !== from.height)
      to.resize(Math.max(0.01, from.width), Math.max(0.01, from.height));
    to.x = from.x;
    to.y = from.y;
  };
  /** A copy of `from`'s tree as `type`, at `index` in `parent`; its layers' ids from `ids`. */
  const copyTree = (
    from: SimNode,
    type: string,
    id: string,
    parent: SimNode,
    index: number,
    ids: (layer: SimNode) => string,
  ): SimNode => {
    const node = fresh(type, id, from.name);
    if (type === "VECTOR") node.rest["fillGeometry"] = structuredClone(from.rest["fillGeometry"]);
    parent.insertChild(index, node);
    // Its own properties before its children's: a child's absolute position and FILL sizing need its auto layout.
    copyProps(from, node);
    (from.childList() ?? []).forEach((child, i) => copyTree(child, child.type, ids(child), node, i, ids));
    settle(from, node);
    return node;
  };

  const addHandler = (list: { fn: Handler; once: boolean }[], fn: Handler, once: boolean): void =>
    void list.push({ fn, once });
  const removeHandler = (list: { fn: Handler; once: boolean }[], fn: Handler): void => {
    const i = list.findIndex((h) => h.fn === fn);
    if (i >= 0) list.splice(i, 1);
  };
  const eventList = (type: string): { fn: Handler; once: boolean }[] => {
    let list = events.get(type);
    if (!list) events.set(type, (list = []));
    return list;
  };

  const figma: Json = {
    apiVersion: "1.0.0",
    pluginId: "figment-dev",
    fileKey: options.fileKey,
    command,
    editorType,
    mode,
    root: document,
    get currentPage(): SimPage {
      return currentPage;
    },
    set currentPage(_page: SimPage) {
      throw new Error(
        'Cannot set figma.currentPage with "documentAccess": "dynamic-page"; use figma.setCurrentPageAsync',
      );
    },
    setCurrentPageAsync: async (page: SimPage): Promise<void> => {
      // Switching to a page loads it.
      page.loaded = true;
      currentPage = page;
      setTimeout(() => {
        emit("currentpagechange");
        emit("selectionchange");
      }, 0);
    },
    viewport: {
      get center(): { x: number; y: number } {
        return { ...viewportCenter };
      },
      scrollAndZoomIntoView: (nodes: SimNode[]): void => {
        if (!Array.isArray(nodes)) throw new Error("scrollAndZoomIntoView: expected an array of nodes");
        for (const n of nodes) if (n.removed) throw new Error("scrollAndZoomIntoView: the node was removed");
        core.record.zooms.push({ nodeIds: nodes.map((n) => n.id), pageId: currentPage.id });
        if (nodes.length === 0) return;
        const boxes = nodes.map((n) => n.absoluteBoundingBox);
        const left = Math.min(...boxes.map((b) => b.x));
        const top = Math.min(...boxes.map((b) => b.y));
        const right = Math.max(...boxes.map((b) => b.x + b.width));
        const bottom = Math.max(...boxes.map((b) => b.y + b.height));
        viewportCenter = { x: (left + right) / 2, y: (top + bottom) / 2 };
      },
    },
    ui: simUi.api,
    showUI: (html: string, showOptions: Json = {}): void => {
      if (typeof html !== "string") throw new Error("showUI: html must be a string");
      core.record.showUI.push({ html, options: { ...showOptions } });
      simUi.open(num(showOptions["width"], 300), num(showOptions["height"], 200), showOptions["visible"] !== false);
    },
    closePlugin: (message?: string): void => {
      if (core.record.closed) return;
      core.record.closed = message === undefined ? {} : { message };
      simUi.close();
      emit("close");
    },
    notify: (message: string, notifyOptions: Json = {}): { cancel(): void } => {
      core.record.notifications.push({ message: String(message), options: { ...notifyOptions } });
      return { cancel: () => undefined };
    },
    on: (type: string, fn: Handler): void => addHandler(eventList(type), fn, false),
    once: (type: string, fn: Handler): void => addHandler(eventList(type), fn, true),
    off: (type: string, fn: Handler): void => removeHandler(eventList(type), fn),
    getNodeById: (): never => {
      throw new Error('Cannot call getNodeById with "documentAccess": "dynamic-page"; use getNodeByIdAsync');
    },
    variables: simVariablesApi(options.variables),
    getStyleByIdAsync: simStyleLookup(() => new Set([...core.index.values()].map((n) => n.meta.styles))),
    getNodeByIdAsync: async (id: string): Promise<SimNode | null> => {
      const found = core.index.get(id);
      return found && !found.removed ? found : null;
    },
    loadAllPagesAsync: async (): Promise<void> => {
      core.record.allPagesLoads++;
      for (const page of pages) page.loaded = true;
    },
    clientStorage: {
      getAsync: (key: string): Promise<unknown> =>
        storageCall(() => (storage.has(key) ? structuredClone(storage.get(key)) : undefined)),
      setAsync: (key: string, value: unknown): Promise<void> => storageCall(() => setStored(key, value)),
      deleteAsync: (key: string): Promise<void> => storageCall(() => void storage.delete(key)),
      keysAsync: (): Promise<string[]> => storageCall(() => [...storage.keys()]),
    },
    codegen: {
      on: (type: "generate" | "preferenceschange", fn: Handler): void => addHandler(codegenHandlers[type], fn, false),
      once: (type: "generate" | "preferenceschange", fn: Handler): void => addHandler(codegenHandlers[type], fn, true),
      off: (type: "generate" | "preferenceschange", fn: Handler): void => removeHandler(codegenHandlers[type], fn),
      get preferences(): SimCodegenPreferences {
        return codegenState.preferences;
      },
      refresh: (): void => void codegenState.refreshes++,
    },
    /** PNG, JPEG or GIF up to 4096 px per side, else Figma's errors; the same bytes give the same image. */
    createImage: (bytes: Uint8Array): SimImage => {
      const info = checkImageBytes(bytes);
      const hash = sha1Hex(bytes);
      const image = core.images.get(hash) ?? simImage(hash, bytes, info);
      core.images.set(hash, image);
      core.record.images.push({ hash, bytes: bytes.length, ...info });
      return image;
    },
    getImageByHash: (hash: string): SimImage | null => {
      const image = core.images.get(hash);
      if (!image) return null;
      const failure = core.imageFailures.get(hash);
      return failure === undefined ? image : { ...image, getBytesAsync: () => Promise.reject(new Error(failure)) };
    },
    commitUndo: (): void => core.commitUndo(),
    /** A 100 × 100 frame with a white fill on the current page, as Figma makes it; auto layout off. */
    createFrame: (): SimNode => {
      const id = `sim:${++rectangles}`;
      const frame = new SimNode(
        core,
        {
          id,
          name: "Frame",
          type: "FRAME",
          absoluteBoundingBox: { x: 0, y: 0, width: 100, height: 100 },
          fills: [{ type: "SOLID", color: { r: 1, g: 1, b: 1, a: 1 } }],
        },
        readMeta({}),
        "FRAME",
      );
      defineStyleProps(
        frame,
        (what) => core.change(what),
        () => layOut(frame),
      );
      return made(frame);
    },
    mixed,
    loadFontAsync: (font: unknown): Promise<void> => fonts.load(font),
    listAvailableFontsAsync: () => fonts.list(),
    /**
     * A frame of the SVG's size (its width and height, else its viewBox) holding a VECTOR per drawn shape with its
     * fill, stroke and outline (./svg-import.ts), as Figma makes it; markup without an <svg> root is refused. The
     * markup is parsed once per source (a page repeats its icons).
     */
    createNodeFromSvg: (svg: string): SimNode => {
      const parsed = typeof svg === "string" ? importSvgOnce(svg) : undefined;
      if (!parsed) throw new Error("Failed to parse the SVG");
      const id = `sim:${++rectangles}`;
      const box = { x: 0, y: 0, width: parsed.width, height: parsed.height };
      const frame = new SimNode(
        core,
        { id, name: "svg", type: "FRAME", absoluteBoundingBox: box, fills: [] },
        readMeta({}),
        "FRAME",
      );
      defineStyleProps(frame, (what) => core.change(what));
      made(frame);
      for (const shape of parsed.shapes) {
        const rest: Json = { id: `sim:${++rectangles}`, ...structuredClone(shape.rest) };
        rest["strokes"] = (rest["strokes"] as unknown[]).map(pluginPaint);
        const vector = new SimNode(core, rest, readMeta({}), "VECTOR");
        defineVectorStrokes(vector, (what) => core.change(what));
        // Made inside the frame (not on the page first, then moved): one change each, as Figma's one import.
        vector.created = true;
        core.index.set(vector.id, vector);
        frame.appendChild(vector);
      }
      return frame;
    },
    /** An empty text layer in Inter Regular 12 (its characters need the font loaded first, as in Figma). */
    createText: (): SimNode => {
      const id = `sim:${++rectangles}`;
      const text = new SimNode(
        core,
        { id, name: "Text", type: "TEXT", absoluteBoundingBox: { x: 0, y: 0, width: 1, height: 14 } },
        readMeta({}),
        "TEXT",
      );
      defineTextProps(text, fonts, mixed);
      defineStyleProps(text, (what) => core.change(what));
      return made(text);
    },
    /** Figma's "Create component": a COMPONENT in the node's place with its properties and children. */
    createComponentFromNode: (node: SimNode): SimNode => {
      if (!(node instanceof SimNode) || node.removed || !node.parent || refusesComponent(node))
        throw new Error("Cannot create component from node");
      const parent = node.parent;
      const component = fresh("COMPONENT", `sim:${++rectangles}`, node.name);
      parent.insertChild(parent.childList()!.indexOf(node), component);
      for (const child of [...(node.childList() ?? [])]) component.appendChild(child);
      copyProps(node, component);
      settle(node, component);
      node.remove();
      Object.defineProperty(component, "createInstance", {
        value: (): SimNode => {
          if (component.removed) throw new Error(`The node (id ${component.id}) does not exist`);
          const id = `sim:${++rectangles}`;
          const page = currentPage.childList();
          const instance = copyTree(component, "INSTANCE", id, currentPage, page.length, (l) => `I${id};${l.id}`);
          instance.rest["componentId"] = component.id;
          return instance;
        },
      });
      return component;
    },
    createRectangle: (): SimNode => {
      const id = `sim:${++rectangles}`;
      const rect = new SimNode(
        core,
        { id, name: "Rectangle", type: "RECTANGLE", absoluteBoundingBox: { x: 0, y: 0, width: 100, height: 100 } },
        readMeta({}),
        "RECTANGLE",
      );
      rect.created = true;
      core.index.set(id, rect);
      core.change(`create ${id}`);
      currentPage.appendChild(rect);
      return rect;
    },
  };

  core.tracking = true;
  const sim: FigmaSim = {
    figma,
    html: '<!doctype html><title>Figment (simulated UI)</title><div id="app"></div>',
    options,
    document,
    pages,
    ui: simUi,
    storage,
    record: core.record,
    codegen: {
      get preferences() {
        return codegenState.preferences;
      },
      set preferences(p: SimCodegenPreferences) {
        codegenState.preferences = p;
      },
      get refreshes() {
        return codegenState.refreshes;
      },
      set refreshes(n: number) {
        codegenState.refreshes = n;
      },
      async generate(target, language) {
        const list = codegenHandlers.generate;
        const handler = list[0];
        if (!handler) throw new Error('sim: the plugin registered no figma.codegen.on("generate") handler');
        if (handler.once) list.splice(0, 1);
        const n = typeof target === "string" ? node(target) : target;
        return (await handler.fn({ node: n, language })) as SimCodegenResult[];
      },
      async changePreference(propertyName) {
        for (const h of [...codegenHandlers.preferenceschange]) {
          if (h.once) removeHandler(codegenHandlers.preferenceschange, h.fn);
          await h.fn({ propertyName });
        }
      },
      handlers: (type) => codegenHandlers[type].length,
    },
    currentPage: () => currentPage,
    node,
    nodes: () => [...core.index.values()].filter((n) => !n.removed),
    topLevel: () => pages.flatMap((p) => p.childList()),
    select: (ids) => {
      currentPage.selection = ids.map(node);
    },
    failExport: (id, message) => {
      if (message === null) core.failures.delete(id);
      else core.failures.set(id, message);
    },
    failImage: (hash, message) => {
      if (message === null) core.imageFailures.delete(hash);
      else core.imageFailures.set(hash, message);
    },
    failStorage: (message) => {
      storageFailure = message;
    },
    holdExports: () => {
      let release = (): void => undefined;
      core.exportHold = new Promise((resolve) => (release = resolve));
      return () => {
        core.exportHold = undefined;
        release();
      };
    },
    emit,
    defineComponentProperties: (id, definitions) => core.components.define(id, definitions),
    loseMainComponent: (id) => core.components.lose(id),
    refuseComponentProperties: (id, message) => core.components.refuse(id, message),
    orphanVariant: (id) => core.components.orphan(id),
  };
  return sim;
}

/** Figma's measure of a stored entry: its key and its value as JSON (UTF-8), each Uint8Array by its length. */
export function storedBytes(key: string, value: unknown): number {
  let binary = 0;
  const json = JSON.stringify(value, (_k, v: unknown) => {
    if (!(v instanceof Uint8Array)) return v;
    binary += v.length;
    return 0;
  });
  const utf8 = new TextEncoder();
  return utf8.encode(key).length + utf8.encode(json ?? "").length + binary;
}

/** Makes `sim` the `figma` global (and sets `__html__`); returns a function that restores the previous ones. */
export function installFigmaSim(sim: FigmaSim): () => void {
  const g = globalThis as { figma?: unknown; __html__?: unknown };
  const previous = { figma: g.figma, html: g.__html__ };
  g.figma = sim.figma;
  g.__html__ = sim.html;
  return () => {
    g.figma = previous.figma;
    g.__html__ = previous.html;
  };
}
