/**
 * A labelled form control. The label is a sibling tied by id, not a wrapper: a <select> inside its
 * <label> would make the option texts part of the label's text.
 */
import type { ComponentChildren } from 'preact';

export function Field({ id, label, children }: { id: string; label: string; children: ComponentChildren }) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {children}
    </div>
  );
}
