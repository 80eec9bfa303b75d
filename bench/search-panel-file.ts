/**
 * A synthetic design file for the Search panel's bench: `count` top-level frames over pages of 200, each a
 * screen with a title and a few lines of text drawn from a fixed vocabulary (deterministic), so queries have
 * realistic hit counts. Small REST JSON (~1 kB a frame), so the simulator and the scan load it quickly.
 */
const WORDS = (
  "account address alert archive avatar back balance banner basket " +
  "billing booking calendar camera card cart chart chat checkout city " +
  "comment confirm contact coupon dashboard delivery detail discount " +
  "download draft edit email empty error event explore favorite feed filter " +
  "follow friend gallery guest help history home inbox invite invoice " +
  "journey language launch library like list location login logout map " +
  "market menu message music news notification offer onboarding order " +
  "password payment photo pin plan player playlist points price privacy " +
  "profile promo rating receipt refund register reminder report request " +
  "reset review reward route save schedule search security send settings " +
  "share shipping shop signup sleep social sort splash status story " +
  "subscribe summary support task team ticket timeline today track transfer " +
  "travel trip upload user verify video wallet weather welcome wishlist workout"
).split(" ");

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

const box = (x: number, y: number, width: number, height: number) => ({ x, y, width, height });

function text(id: string, characters: string, y: number, size: number) {
  return {
    id,
    name: characters.slice(0, 40),
    type: "TEXT",
    characters,
    absoluteBoundingBox: box(16, y, 343, size * 1.4),
    style: { fontFamily: "Inter", fontWeight: size > 20 ? 700 : 400, fontSize: size, lineHeightPx: size * 1.4 },
    fills: [{ type: "SOLID", color: { r: 0.1, g: 0.1, b: 0.1, a: 1 } }],
  };
}

export function searchPanelFile(count: number): unknown {
  const random = rng(42);
  const pick = () => WORDS[Math.floor(random() * WORDS.length)]!;
  const pages: { id: string; name: string; type: string; children: unknown[] }[] = [];
  for (let i = 0; i < count; i++) {
    if (i % 200 === 0)
      pages.push({ id: `0:${pages.length + 1}`, name: `Flows ${pages.length + 1}`, type: "CANVAS", children: [] });
    const title = `${pick()} ${pick()}`;
    const lines = Array.from({ length: 3 + Math.floor(random() * 5) }, () =>
      Array.from({ length: 3 + Math.floor(random() * 5) }, pick).join(" "),
    );
    const children = [
      text(`${i + 1}:2`, title, 24, 24),
      ...lines.map((line, j) => text(`${i + 1}:${j + 3}`, line, 72 + j * 24, 14)),
    ];
    pages.at(-1)!.children.push({
      id: `${i + 1}:1`,
      name: `${title[0]!.toUpperCase()}${title.slice(1)} ${i + 1}`,
      type: "FRAME",
      absoluteBoundingBox: box((i % 20) * 400, Math.floor(i / 20) * 900, 375, 812),
      fills: [{ type: "SOLID", color: { r: 1, g: 1, b: 1, a: 1 } }],
      clipsContent: true,
      children,
    });
  }
  return {
    name: "Search bench",
    document: { id: "0:0", name: "Document", type: "DOCUMENT", children: pages },
    components: {},
    styles: {},
  };
}
