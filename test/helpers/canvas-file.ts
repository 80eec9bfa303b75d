/**
 * A small Figma file for canvas-write tests: a mobile frame, a card with layers of every kind Fill selection
 * meets (rectangle, ellipse, text, group, line), and a section; plus an image record and real PNG bytes.
 */
import type { ImageRecord } from "../../contract/image.js";
import { encodePng } from "../openai-server/png.js";

const box = (x: number, y: number, width: number, height: number) => ({ x, y, width, height });
const solid = [{ type: "SOLID", color: { r: 0.9, g: 0.2, b: 0.2, a: 1 } }];

export const CANVAS_FILE = {
  name: "Canvas tests",
  document: {
    id: "0:0",
    type: "DOCUMENT",
    children: [
      {
        id: "0:1",
        type: "CANVAS",
        name: "Page 1",
        children: [
          {
            id: "1:1",
            type: "FRAME",
            name: "Mobile",
            absoluteBoundingBox: box(0, 0, 375, 812),
            fills: solid,
            children: [],
          },
          {
            id: "2:1",
            type: "FRAME",
            name: "Card",
            absoluteBoundingBox: box(500, 100, 320, 200),
            fills: solid,
            children: [
              {
                id: "2:2",
                type: "RECTANGLE",
                name: "Photo",
                absoluteBoundingBox: box(510, 110, 120, 80),
                fills: solid,
              },
              { id: "2:3", type: "ELLIPSE", name: "Avatar", absoluteBoundingBox: box(640, 110, 40, 40), fills: solid },
              {
                id: "2:4",
                type: "TEXT",
                name: "Title",
                characters: "Hello",
                absoluteBoundingBox: box(640, 160, 100, 20),
                fills: solid,
              },
              {
                id: "2:5",
                type: "GROUP",
                name: "Badges",
                absoluteBoundingBox: box(700, 110, 40, 20),
                children: [
                  {
                    id: "2:6",
                    type: "RECTANGLE",
                    name: "Badge",
                    absoluteBoundingBox: box(700, 110, 40, 20),
                    fills: solid,
                  },
                ],
              },
              { id: "2:7", type: "LINE", name: "Divider", absoluteBoundingBox: box(510, 200, 300, 0), fills: [] },
            ],
          },
          {
            id: "3:1",
            type: "SECTION",
            name: "Ideas",
            absoluteBoundingBox: box(0, 1000, 800, 600),
            fills: solid,
            children: [],
          },
        ],
      },
    ],
  },
};

/** PNG bytes of `width`×`height` (real zlib-compressed pixels; `seed` picks the colours). */
export const png = (width: number, height: number, seed = 0): Uint8Array =>
  new Uint8Array(encodePng(width, height, { seed }));

export function imageRecord(patch: Partial<ImageRecord> = {}): ImageRecord {
  return {
    versionId: "v-1",
    createdAt: "2026-05-01T12:00:00.000Z",
    prompt: "A warm hero shot of a reading lamp on an oak desk",
    model: "gpt-image-2",
    provider: "openai",
    api: "images",
    size: "1536x1024",
    quality: "high",
    background: "auto",
    format: "png",
    count: 1,
    index: 0,
    ...patch,
  };
}
