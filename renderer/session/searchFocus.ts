/**
 * Ctrl+K from anywhere: the shell opens the register and asks it to focus its search box. The request is
 * remembered until the register mounts, so it works whether or not the register is already on screen.
 */
const EVENT = 'desk:focus-search';
let pending = false;

export function requestSearchFocus(): void {
  pending = true;
  window.dispatchEvent(new Event(EVENT));
}

/** Calls `focus` now if a request is pending and on every later request; returns the unsubscribe. */
export function onSearchFocusRequest(focus: () => void): () => void {
  const handle = () => {
    pending = false;
    focus();
  };
  if (pending) handle();
  window.addEventListener(EVENT, handle);
  return () => window.removeEventListener(EVENT, handle);
}
