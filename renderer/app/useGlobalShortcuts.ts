import { useEffect } from 'react';
import { navigate } from '../session/useRoute';
import { requestSearchFocus } from '../session/searchFocus';

const isTyping = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/** F2 new complaint, Ctrl+K find a complaint, `?` help — from anywhere in the signed-in app (UI.md). */
export function useGlobalShortcuts(openHelp: () => void): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      if (event.key === 'F2') {
        event.preventDefault();
        navigate({ name: 'new' });
      } else if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        navigate({ name: 'register' });
        requestSearchFocus();
      } else if (event.key === '?' && !isTyping(event.target) && !event.ctrlKey && !event.altKey) {
        event.preventDefault();
        openHelp();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [openHelp]);
}
