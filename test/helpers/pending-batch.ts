/** A pending batch as the panel stores it (contract/pending-batch.ts), for storage and panel tests. */
import type { PendingBatch } from "../../contract/pending-batch.js";

export function pendingBatch(
  id: string,
  options: { items?: number; name?: string; batchId?: string; status?: string } = {},
): PendingBatch {
  const n = options.items ?? 3;
  const created = "2026-05-01T12:00:00.000Z";
  const items = Array.from({ length: n }, (_, i) => ({
    row: i + 1,
    stem: `${String(i + 1).padStart(2, "0")}-hero`,
    prompt: `A hero image, variant ${i + 1}`,
  }));
  return {
    id,
    name: options.name ?? "Hero variants",
    createdAt: created,
    items,
    size: "1024x1024",
    quality: "low",
    record: {
      version: 1,
      kind: "images",
      endpoint: "/v1/images/generations",
      baseURL: "https://api.openai.com/v1",
      model: "gpt-image-2",
      created,
      runs: [
        {
          input: "input-1.jsonl",
          created,
          inputFileId: "file-1",
          batchId: options.batchId ?? `batch_${id}`,
          status: options.status ?? "in_progress",
        },
      ],
      lines: items.map((item) => ({
        customId: `row-${item.row}`,
        row: item.row,
        fileStem: item.stem,
        run: 0,
        state: "pending" as const,
      })),
    },
    inputs: {
      "input-1.jsonl":
        items
          .map((item) =>
            JSON.stringify({
              custom_id: `row-${item.row}`,
              method: "POST",
              url: "/v1/images/generations",
              body: { model: "gpt-image-2", prompt: item.prompt },
            }),
          )
          .join("\n") + "\n",
    },
  };
}
