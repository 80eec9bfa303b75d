/**
 * The REST JSON of a group masked by a picture (issue 72): "Mask group" (2:1) at 10,10, 100×100, holding the mask
 * "Brush" (2:2, a vector filled with the picture `brush`, stretched) and the layer it masks, "Photo" (2:3, the picture
 * `photo`). The tests give both pictures' bytes (`loadDesign(…, { images })`).
 */
export const restBox = (x: number, y: number, width: number, height: number) => ({ x, y, width, height });

export function pictureMaskGroup(maskType: "ALPHA" | "LUMINANCE") {
  return {
    id: "2:1",
    name: "Mask group",
    type: "GROUP",
    absoluteBoundingBox: restBox(10, 10, 100, 100),
    children: [
      {
        id: "2:2",
        name: "Brush",
        type: "VECTOR",
        isMask: true,
        maskType,
        absoluteBoundingBox: restBox(10, 10, 100, 100),
        fills: [{ type: "IMAGE", imageRef: "brush", scaleMode: "STRETCH" }],
      },
      {
        id: "2:3",
        name: "Photo",
        type: "RECTANGLE",
        absoluteBoundingBox: restBox(10, 10, 100, 100),
        fills: [{ type: "IMAGE", imageRef: "photo", scaleMode: "FILL" }],
      },
    ],
  };
}
