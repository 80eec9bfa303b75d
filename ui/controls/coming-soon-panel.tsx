/** Placeholder for a panel that arrives in a later version: what it will do, and the way back to code. */
export function ComingSoonPanel({ title, what, onOpenCode }: { title: string; what: string; onOpenCode(): void }) {
  return (
    <div class="panel panel--soon">
      <div class="soon">
        <h2 class="soon__title">{title}</h2>
        <p class="muted">{what}</p>
        <p class="muted">This panel is coming in a later version of Figment.</p>
        <button type="button" class="button button--primary" onClick={onOpenCode}>
          Open Generate code
        </button>
      </div>
    </div>
  );
}
