/** The simulator itself: node tree from real files, exports, selection events, storage, UI channel, codegen. */
import { afterEach, describe, expect, it } from "vitest";
import { readRestReply } from "../../codegen/rest/reply.js";
import { createFigmaSim, installFigmaSim, storedBytes } from "./index.js";
import { encodeBlankPng, readPngSize } from "./png.js";
import { FIGMA_FIXTURES, fixtureImages, imageRefsOf, readFigmaFixture, simFromFixture } from "./node.js";
import { readFileSync } from "node:fs";
import { fixturePath } from "../helpers/fixtures.js";
import { inflateSync } from "node:zlib";

describe("encodeBlankPng", () => {
  it("writes PNGs that zlib can inflate, of the size asked", () => {
    for (const [w, h] of [
      [1, 1],
      [9, 3],
      [750, 1334],
      [2048, 37],
    ] as const) {
      const png = encodeBlankPng(w, h);
      expect(readPngSize(png)).toEqual({ width: w, height: h });
      // IDAT starts after the signature (8) and IHDR chunk (25); its data is a zlib stream.
      const view = new DataView(png.buffer);
      const idatLength = view.getUint32(33);
      const raw = inflateSync(png.subarray(41, 41 + idatLength));
      expect(raw.length).toBe((Math.ceil(w / 8) + 1) * h);
    }
  });

  it("writes a PNG all one colour when given one (a layer's fill): one palette entry, every pixel index 0", () => {
    const png = encodeBlankPng(9, 3, [230, 51, 51]);
    expect(readPngSize(png)).toEqual({ width: 9, height: 3 });
    const view = new DataView(png.buffer);
    // IHDR (colour type 3 at byte 25), then PLTE (length at 33, type at 37, the colour at 41).
    expect(png[25]).toBe(3);
    expect(String.fromCharCode(...png.subarray(37, 41))).toBe("PLTE");
    expect([...png.subarray(41, 44)]).toEqual([230, 51, 51]);
    const idat = 33 + 12 + view.getUint32(33);
    const raw = inflateSync(png.subarray(idat + 8, idat + 8 + view.getUint32(idat)));
    expect([...raw]).toEqual(new Array((Math.ceil(9 / 8) + 1) * 3).fill(0));
  });

  it("reads the size of Figma's own render", () => {
    expect(readPngSize(new Uint8Array(readFileSync(fixturePath("grida-vector-frame.png"))))).toEqual({
      width: 500,
      height: 500,
    });
  });
});

describe("createFigmaSim", () => {
  it.each(FIGMA_FIXTURES)("builds the node tree of %s with the REST reader's roots on its pages", (name) => {
    const sim = simFromFixture(name);
    const roots = readRestReply(readFigmaFixture(name)).roots;
    expect(sim.topLevel().map((n) => n.id)).toEqual(roots.map((r) => r.id));
    for (const node of sim.topLevel()) {
      expect(node.parent?.type).toBe("PAGE");
      expect(sim.node(node.id)).toBe(node);
    }
  });

  it("gives nodes their REST name, type, size and children", () => {
    const sim = simFromFixture("figmasharp-login.file.json");
    const frame = sim.node("101:3");
    expect(frame).toMatchObject({ name: "Log-In Page", type: "FRAME", width: 375, height: 667, visible: true });
    expect(frame.children!.length).toBeGreaterThan(0);
    expect(frame.children![0]!.parent).toBe(frame);
    const leaf = sim.nodes().find((n) => n.type === "TEXT")!;
    expect("children" in leaf).toBe(false);
  });

  it("exports JSON_REST_V1 as the nodes endpoint does, and PNGs at the requested scale", async () => {
    const sim = simFromFixture("figmasharp-login.file.json");
    const frame = sim.node("101:3");
    const json = (await frame.exportAsync({ format: "JSON_REST_V1" })) as Record<string, unknown>;
    expect(Object.keys(json).sort()).toEqual(["componentSets", "components", "document", "schemaVersion", "styles"]);
    expect(json["document"]).toMatchObject({ id: "101:3", name: "Log-In Page", type: "FRAME" });
    expect(readRestReply(json).roots.map((r) => r.id)).toEqual(["101:3"]);
    const png = (await frame.exportAsync({ format: "PNG", constraint: { type: "SCALE", value: 0.5 } })) as Uint8Array;
    expect(readPngSize(png)).toEqual({ width: 188, height: 334 });
    expect(sim.record.exports.at(-1)).toEqual({ nodeId: "101:3", format: "PNG", scale: 0.5, width: 188, height: 334 });
    sim.failExport("101:3", "boom");
    await expect(frame.exportAsync()).rejects.toThrow("boom");
  });

  it(
    "holds the images given by hash (a fixture's imageRefs): " +
      "real bytes, null for unknown hashes, failImage rejects",
    async () => {
      const name = "figmasharp-bundler-dialog.file.json";
      const images = fixtureImages(name);
      expect(Object.keys(images)).toEqual(imageRefsOf(readFigmaFixture(name)));
      expect(Object.keys(images)).toHaveLength(8);
      const sim = simFromFixture(name, { images });
      const figma = sim.figma as {
        getImageByHash(
          hash: string,
        ): { hash: string; getBytesAsync(): Promise<Uint8Array>; getSizeAsync(): Promise<unknown> } | null;
      };
      const [ref, other] = Object.keys(images) as [string, string];
      const image = figma.getImageByHash(ref)!;
      expect(image.hash).toBe(ref);
      expect(Buffer.from(await image.getBytesAsync()).equals(Buffer.from(images[ref]!))).toBe(true);
      expect(await image.getSizeAsync()).toEqual(readPngSize(images[ref]!));
      expect(Buffer.from(await figma.getImageByHash(other)!.getBytesAsync()).equals(Buffer.from(images[ref]!))).toBe(
        false,
      );
      expect(figma.getImageByHash("0".repeat(40))).toBeNull();
      sim.failImage(ref, "Image could not be loaded");
      await expect(figma.getImageByHash(ref)!.getBytesAsync()).rejects.toThrow("Image could not be loaded");
      sim.failImage(ref, null);
      expect((await figma.getImageByHash(ref)!.getBytesAsync()).length).toBe(images[ref]!.length);
      expect(() => createFigmaSim({ file: readFigmaFixture(name), images: { x: new Uint8Array([1, 2, 3]) } })).toThrow(
        "Image type is unsupported",
      );
    },
  );

  it(
    "exports SVG_STRING: Figma-shaped markup of the node's size, " +
      "from fillGeometry when the file has it, else its fills",
    async () => {
      const sim = simFromFixture("grida-vector-frame.nodes.json");
      const vector = (await sim.node("1038:25").exportAsync({ format: "SVG_STRING" })) as string;
      const rest = sim.node("1038:25").rest as {
        fillGeometry: { path: string }[];
        absoluteBoundingBox: { width: number; height: number };
      };
      expect(
        vector.startsWith(`<svg width="${Math.round(rest.absoluteBoundingBox.width * 1000) / 1000}" height="`),
      ).toBe(true);
      expect(vector).toContain(`d="${rest.fillGeometry[0]!.path}" fill="#D9D9D9"/>`);
      expect(vector).toContain('xmlns="http://www.w3.org/2000/svg"');
      const frame = (await sim.node("1038:24").exportAsync({ format: "SVG_STRING" })) as string;
      expect(frame).toMatch(/^<svg width="500" height="500" viewBox="0 0 500 500"/);
      expect(frame).toContain(rest.fillGeometry[0]!.path);
      expect(sim.record.exports.map((e) => e.format)).toEqual(["SVG_STRING", "SVG_STRING"]);
      // Without geometry: the shape's box (or ellipse) in its first solid fill.
      const dialog = simFromFixture("figmasharp-bundler-dialog.file.json");
      const ellipse = dialog
        .nodes()
        .find(
          (n) => n.type === "ELLIPSE" && n.visible && Array.isArray(n.rest["fills"]) && n.rest["fills"].length > 0,
        )!;
      expect(await ellipse.exportAsync({ format: "SVG_STRING" })).toMatch(
        /<ellipse cx="[\d.]+" cy="[\d.]+" rx="[\d.]+" ry="[\d.]+" fill="#[0-9A-F]{6}"/,
      );
      sim.failExport("1038:25", "Render failed");
      await expect(sim.node("1038:25").exportAsync({ format: "SVG_STRING" })).rejects.toThrow("Render failed");
    },
  );

  it("emits selectionchange when the selection is set, and keeps clientStorage values as copies", async () => {
    const sim = simFromFixture("figmasharp-bundler-dialog.file.json", { selectIds: ["25:0"] });
    const figma = sim.figma as {
      on(t: string, f: () => void): void;
      currentPage: { selection: readonly unknown[] };
      clientStorage: { setAsync(k: string, v: unknown): Promise<void>; getAsync(k: string): Promise<unknown> };
    };
    expect(figma.currentPage.selection.map((n) => (n as { id: string }).id)).toEqual(["25:0"]);
    let events = 0;
    figma.on("selectionchange", () => events++);
    sim.select(["160:199"]);
    await new Promise((r) => setTimeout(r, 5));
    expect(events).toBe(1);
    const value = { a: [1] };
    await figma.clientStorage.setAsync("k", value);
    value.a.push(2);
    expect(await figma.clientStorage.getAsync("k")).toEqual({ a: [1] });
    sim.failStorage("quota");
    await expect(figma.clientStorage.getAsync("k")).rejects.toThrow("quota");
  });

  it("refuses postMessage before showUI and delivers UI messages asynchronously", async () => {
    const sim = createFigmaSim({ file: readFigmaFixture("grida-vector-frame.nodes.json") });
    const figma = sim.figma as {
      showUI(h: string, o?: object): void;
      ui: { postMessage(m: unknown): void; onmessage: ((m: unknown) => void) | undefined };
    };
    expect(() => figma.ui.postMessage({ type: "x" })).toThrow(/showUI/);
    figma.showUI(sim.html, { width: 320, height: 480 });
    const received: unknown[] = [];
    figma.ui.onmessage = (m) => received.push(m);
    const sent = sim.ui.send({ type: "ready" });
    expect(received).toEqual([]);
    await sent;
    expect(received).toEqual([{ type: "ready" }]);
    figma.ui.postMessage({ type: "hello", bytes: new Uint8Array([1, 2]) });
    expect(await sim.ui.waitFor("hello")).toEqual({ type: "hello", bytes: new Uint8Array([1, 2]) });
  });

  it("installs as the figma global and restores the previous one", () => {
    const sim = simFromFixture("grida-vector-frame.nodes.json", { command: "code" });
    const restore = installFigmaSim(sim);
    const g = globalThis as { figma?: { command?: string }; __html__?: string };
    expect(g.figma?.command).toBe("code");
    expect(g.__html__).toBe(sim.html);
    restore();
    expect(g.figma).toBeUndefined();
  });

  it("runs Dev Mode codegen handlers and records relaunch data and plugin data", async () => {
    const sim = simFromFixture("grida-vector-frame.nodes.json", { editorType: "dev", relaunchCommands: ["code"] });
    expect((sim.figma as { mode: string }).mode).toBe("codegen");
    const codegen = (
      sim.figma as { codegen: { on(t: string, f: (e: { node: { id: string }; language: string }) => unknown): void } }
    ).codegen;
    codegen.on("generate", ({ node, language }) => [{ title: node.id, code: language, language: "PLAINTEXT" }]);
    expect(await sim.codegen.generate("1038:24", "react")).toEqual([
      { title: "1038:24", code: "react", language: "PLAINTEXT" },
    ]);
    const node = sim.node("1038:24");
    node.setRelaunchData({ code: "Generate" });
    expect(() => node.setRelaunchData({ other: "x" })).toThrow(/relaunchButtons/);
    node.setPluginData("k", "v");
    expect(sim.record.relaunch).toEqual([{ nodeId: "1038:24", data: { code: "Generate" } }]);
    expect(sim.record.pluginData).toEqual([{ nodeId: "1038:24", key: "k", value: "v" }]);
  });
});

afterEach(() => {
  delete (globalThis as { figma?: unknown }).figma;
});

describe("clientStorage quota", () => {
  it("rejects a set that would take the plugin over its quota, as Figma does, and keeps what was stored", async () => {
    const sim = createFigmaSim({ file: readFigmaFixture("grida-vector-frame.nodes.json"), storageQuota: 1000 });
    const storage = sim.figma.clientStorage as {
      setAsync(k: string, v: unknown): Promise<void>;
      getAsync(k: string): Promise<unknown>;
    };
    await storage.setAsync("a", new Uint8Array(600));
    await expect(storage.setAsync("b", new Uint8Array(500))).rejects.toThrow(/quota exceeded: 1\d{3} of 1000 bytes/);
    expect(sim.storage.has("b")).toBe(false);
    // Replacing a key counts its new size only.
    await storage.setAsync("a", new Uint8Array(900));
    expect(((await storage.getAsync("a")) as Uint8Array).length).toBe(900);
    expect(storedBytes("ké", { x: new Uint8Array(10) })).toBe(3 + '{"x":0}'.length + 10);
  });
});

describe("dynamic-page access", () => {
  const UNLOADED = "Cannot access children on a page that has not been explored. Call `await page.loadAsync()` first.";

  it("refuses another page's children and findAll until loadAsync, and counts every load", async () => {
    const sim = simFromFixture("figmagic-design-system.file.json");
    const [current, other] = sim.pages;
    expect(sim.currentPage()).toBe(current);
    expect(current!.children!.length).toBeGreaterThan(0);
    expect(() => other!.children).toThrow(UNLOADED);
    expect(() => other!.findAll()).toThrow(UNLOADED);
    await other!.loadAsync();
    expect(other!.children!.map((n) => n.id)).toEqual(other!.childList().map((n) => n.id));
    expect(other!.findAll((n) => n.type === "TEXT").length).toBeGreaterThan(0);
    expect(sim.record.pageLoads).toEqual([other!.id]);
    // Switching to a page loads it too; loadAllPagesAsync loads the rest.
    await (sim.figma["setCurrentPageAsync"] as (p: unknown) => Promise<void>)(sim.pages[2]);
    expect(() => sim.pages[2]!.children).not.toThrow();
    expect(() => sim.pages[3]!.children).toThrow(UNLOADED);
    await (sim.figma["loadAllPagesAsync"] as () => Promise<void>)();
    expect(sim.record.allPagesLoads).toBe(1);
    expect(() => sim.pages[3]!.children).not.toThrow();
  });

  it("exports nodes on pages not loaded (JSON and PNG), as getNodeByIdAsync reaches them", async () => {
    const sim = simFromFixture("figmagic-design-system.file.json");
    const far = sim.pages[4]!.childList().find((n) => n.type === "FRAME")!;
    const found = (await (sim.figma["getNodeByIdAsync"] as (id: string) => Promise<typeof far | null>)(far.id))!;
    expect(found).toBe(far);
    expect(((await found.exportAsync({ format: "JSON_REST_V1" })) as { document: { id: string } }).document.id).toBe(
      far.id,
    );
    expect(readPngSize((await found.exportAsync({ format: "PNG" })) as Uint8Array)).toEqual({
      width: Math.round(far.width),
      height: Math.round(far.height),
    });
  });

  it("moves a node's exported boxes, and its layers', when x or y is set", async () => {
    const sim = simFromFixture("figmasharp-login.file.json");
    const frame = sim.node("101:3");
    const child = frame.childList()![0]!;
    const before = { frame: frame.absoluteBoundingBox, child: child.absoluteBoundingBox };
    frame.x += 100;
    frame.y -= 20;
    expect(frame.absoluteBoundingBox).toEqual({ ...before.frame, x: before.frame.x + 100, y: before.frame.y - 20 });
    expect(child.absoluteBoundingBox).toEqual({ ...before.child, x: before.child.x + 100, y: before.child.y - 20 });
    const json = (await frame.exportAsync({ format: "JSON_REST_V1" })) as {
      document: { absoluteBoundingBox: { x: number } };
    };
    expect(json.document.absoluteBoundingBox.x).toBe(before.frame.x + 100);
  });
});

describe("main components (getMainComponentAsync, componentPropertyDefinitions)", () => {
  /** Selfie's "Value" is an instance of a library set (31484:43007) whose two variants the reply lists. */
  const VALUE = "I33459:3756;53646:75795";
  const HOME_INDICATOR = "33459:3759";
  type Main = {
    id: string;
    type: string;
    name: string;
    key: string;
    remote: boolean;
    parent: Main | null;
    children?: Main[];
    variantProperties: Record<string, string> | null;
    componentPropertyDefinitions: Record<string, { type: string; defaultValue: unknown; variantOptions?: string[] }>;
  };
  const mainOf = (sim: ReturnType<typeof simFromFixture>, id: string) =>
    (sim.node(id) as unknown as { getMainComponentAsync(): Promise<Main | null> }).getMainComponentAsync();

  it(
    "gives a library instance its remote variant, whose set lists " +
      "every variant the reply names and the instances' other properties",
    async () => {
      const sim = simFromFixture("figma-differ-selfie.nodes.json");
      const main = await mainOf(sim, VALUE);
      expect(main).toMatchObject({
        id: "31484:43009",
        type: "COMPONENT",
        key: expect.stringMatching(/^[0-9a-f]{40}$/),
        remote: true,
        variantProperties: { Size: "Default", Direction: "Up", Color: "Black" },
      });
      expect(await mainOf(sim, VALUE)).toBe(main);
      const set = main!.parent!;
      expect(set).toMatchObject({ id: "31484:43007", type: "COMPONENT_SET", name: "Value", remote: true });
      expect(set.children!.map((c) => c.name)).toEqual([
        "Size=Default, Direction=Up, Color=Black",
        "Size=Small, Direction=Up, Color=Black",
      ]);
      const definitions = set.componentPropertyDefinitions;
      expect(definitions["Size"]).toEqual({
        type: "VARIANT",
        defaultValue: "Default",
        variantOptions: ["Default", "Small"],
      });
      expect(definitions["Color"]).toEqual({ type: "VARIANT", defaultValue: "Black", variantOptions: ["Black"] });
      expect(definitions["Performance#53643:10"]).toEqual({ type: "BOOLEAN", defaultValue: true });
      // As in Figma, a variant has no definitions of its own.
      expect(() => main!.componentPropertyDefinitions).toThrow(/component set or non-variant component/);
      // Not in the page tree: nodes() and getNodeByIdAsync do not list library components.
      expect(sim.nodes().some((n) => n.id === set.id)).toBe(false);
    },
  );

  it(
    "takes a library's definitions beyond the file's, answers null for a " +
      "lost component, and gives a local component as the document's node",
    async () => {
      const sim = simFromFixture("figma-differ-selfie.nodes.json");
      sim.defineComponentProperties("33459:960", {
        Platform: { type: "VARIANT", defaultValue: "iOS", variantOptions: ["iOS", "Android"] },
      });
      const home = await mainOf(sim, HOME_INDICATOR);
      expect(home!.parent!.componentPropertyDefinitions).toEqual({
        Platform: { type: "VARIANT", defaultValue: "iOS", variantOptions: ["iOS", "Android"] },
        "Dark Mode": { type: "VARIANT", defaultValue: "No", variantOptions: ["No"] },
      });
      sim.loseMainComponent("33459:967");
      expect(await mainOf(sim, HOME_INDICATOR)).toBeNull();
      // A component the reply does not know: no main component.
      const unknown = simFromFixture("vincegx-home-slideshow.nodes.json");
      const instance = unknown.nodes().find((n) => n.type === "INSTANCE")!;
      expect(await mainOf(unknown, instance.id)).toBeNull();

      const local = simFromFixture("figmagic-design-system.file.json");
      const close = await mainOf(local, "4665:783");
      expect(close).toBe(local.node("2710:5") as unknown);
      expect(close).toMatchObject({
        type: "COMPONENT",
        key: expect.stringMatching(/^[0-9a-f]{40}$/),
        remote: false,
        variantProperties: null,
        componentPropertyDefinitions: {},
      });
    },
  );

  it("reads a component set's own definitions when the REST node has them", async () => {
    const definitions = {
      Size: { type: "VARIANT", defaultValue: "md", variantOptions: ["sm", "md", "lg"] },
      "Label#1:9": { type: "TEXT", defaultValue: "Button" },
    };
    const box = { x: 0, y: 0, width: 10, height: 10 };
    const file = {
      document: {
        id: "0:0",
        type: "DOCUMENT",
        children: [
          {
            id: "0:1",
            type: "CANVAS",
            name: "P",
            children: [
              {
                id: "1:1",
                type: "COMPONENT_SET",
                name: "Button",
                absoluteBoundingBox: box,
                componentPropertyDefinitions: definitions,
                children: [{ id: "1:2", type: "COMPONENT", name: "Size=md", absoluteBoundingBox: box, children: [] }],
              },
              {
                id: "2:1",
                type: "INSTANCE",
                name: "Button",
                componentId: "1:2",
                absoluteBoundingBox: box,
                children: [],
              },
            ],
          },
        ],
      },
      components: { "1:2": { key: "k2", name: "Size=md", componentSetId: "1:1" } },
      componentSets: { "1:1": { key: "k1", name: "Button" } },
    };
    const sim = createFigmaSim({ file });
    const main = await mainOf(sim as unknown as ReturnType<typeof simFromFixture>, "2:1");
    expect(main).toBe(sim.node("1:2") as unknown);
    expect(main!.parent!.componentPropertyDefinitions).toEqual(definitions);
    expect(main!.parent!.key).toBe("k1");
    expect(main!.variantProperties).toEqual({ Size: "md" });
  });
});
