/** The Image panel's Rows mode set up as a user does: Rows → a template → rows pasted as CSV → Use these rows. */
import type { Frame } from "playwright-core";

export async function setUpRows(ui: Frame, template: string, csv: string): Promise<void> {
  await ui.locator(".panel--image").waitFor();
  await ui.getByRole("radio", { name: "Rows" }).click();
  await ui.getByRole("textbox", { name: "Prompt template" }).fill(template);
  const box = ui.getByRole("textbox", { name: "CSV or JSONL rows" });
  if (!(await box.isVisible())) await ui.getByRole("button", { name: "Paste CSV or JSONL" }).click();
  await box.fill(csv);
  await ui.getByRole("button", { name: "Use these rows" }).click();
}
