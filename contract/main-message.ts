/**
 * A message arriving on the main thread, checked whole: contract/messages.ts's check, and then the layer document
 * of `insert-layers` through contract/layers.ts's validator. messages.ts checks that document only for being an
 * object, because ui.html holds messages.ts too and the validator would ride in it (issue 24's budget); the panel
 * sends only documents its reader has checked.
 */
import { FieldError } from "./fields.js";
import { checkLayerDocument } from "./layers.js";
import { type MainMessage, MessageError, parseMainMessage } from "./messages.js";

/** Checks a message arriving on the main thread. Throws MessageError for unknown names or bad fields. */
export function parseMainMessageWhole(data: unknown): MainMessage {
  const message = parseMainMessage(data);
  if (message.type !== "insert-layers") return message;
  try {
    return { ...message, layers: checkLayerDocument(message.layers) };
  } catch (error) {
    // As messages.ts's check: whatever reading the document threw is the message's fault.
    throw new MessageError(
      error instanceof FieldError
        ? `to main: message "insert-layers" is malformed: ${error.message}`
        : "to main: a message that could not be read " +
            `(reading it threw ${error instanceof Error ? error.name : typeof error})`,
    );
  }
}
