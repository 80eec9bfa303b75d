/** The Image panel's Batch mode set up as a user does: Batch → a template → rows pasted as CSV → Use these rows. */
import type { Frame } from "playwright-core";

export async function setUpBatchRows(ui: Frame, template: string, csv: string): Promise<void> {
  await ui.locator(".panel--image").waitFor();
  await ui.getByRole("radio", { name: "Batch" }).click();
  await ui.getByRole("textbox", { name: "Prompt template" }).fill(template);
  const box = ui.getByRole("textbox", { name: "CSV or JSONL rows" });
  if (!(await box.isVisible())) await ui.getByRole("button", { name: "Paste CSV or JSONL" }).click();
  await box.fill(csv);
  await ui.getByRole("button", { name: "Use these rows" }).click();
}
