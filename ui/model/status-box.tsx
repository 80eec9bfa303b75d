/**
 * A model request's status, brought into view whenever its phase changes: the button that asked may sit far above or
 * below it.
 */
import type { ComponentChildren } from "preact";
import { useEffect, useRef } from "preact/hooks";

export function StatusBox({
  phase,
  class: cls,
  children,
}: {
  phase: string;
  class: string;
  children: ComponentChildren;
}) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (phase !== "idle") box.current?.scrollIntoView?.({ block: "nearest" });
  }, [phase]);
  return (
    <div ref={box} class={cls}>
      {children}
    </div>
  );
}
