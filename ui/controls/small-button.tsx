/**
 * The panels' small secondary button, the one a row of actions is made of (Done, Close, Copy, Try again, Show…):
 * `button button--secondary button--small` (styles.css), never a form's submit. Other attributes (disabled, title,
 * aria-*) and the children go to the <button>; `class` adds to its classes.
 */
import type { ButtonHTMLAttributes } from "preact";

export type SmallButtonProps = Omit<ButtonHTMLAttributes<HTMLButtonElement>, "type" | "class" | "className"> & {
  class?: string;
};

export function SmallButton({ class: extra, ...button }: SmallButtonProps) {
  return (
    <button type="button" class={`button button--secondary button--small${extra ? ` ${extra}` : ""}`} {...button} />
  );
}
