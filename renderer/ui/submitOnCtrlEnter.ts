import type { KeyboardEvent } from 'react';

/** Ctrl+Enter (⌘+Enter on a Mac) anywhere in a form submits it: the app's one "save" key. A form's onKeyDown. */
export function submitOnCtrlEnter(event: KeyboardEvent<HTMLFormElement>): void {
  if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey)) return;
  event.preventDefault();
  event.currentTarget.requestSubmit();
}
