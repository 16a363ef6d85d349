import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { allowedActions, whyNot } from '../../../../shared/domain/commands';
import { refusalText } from '../../../i18n/refusal';
import type { ComplaintState } from '../../../../shared/domain/state';
import { useSession } from '../../../session/session';
import { useCalendar, usePolicyFor } from '../../../ui/policy';
import { useNow } from '../../../store';
import { ActionDialog } from './ActionDialog';
import { MoreMenu } from './MoreMenu';
import { actionForShortcut, SHORTCUT_KEYS, toolbarLayout, type ToolbarAction } from './toolbarModel';
import './actions.css';
import { Icon } from '../../../ui/Icon';

/** "Alt+A": the shortcut as shown in a tooltip and announced by `aria-keyshortcuts`. */
export const shortcutOf = (action: ToolbarAction): string => `Alt+${SHORTCUT_KEYS[action]}`;

/**
 * The steps the signed-in person may take on this complaint now (exactly `allowedActions`, less those the
 * evidence panel and print actions offer): the expected next step emphasised, frequent steps beside it, the rest
 * under "More". Each opens its dialog by click, Enter, or its Alt+key shortcut; focus comes back here after.
 */
export function ActionToolbar({ complaint }: { complaint: ComplaintState }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const policy = usePolicyFor(complaint);
  const [open, setOpen] = useState<ToolbarAction>();
  const [saved, setSaved] = useState<ToolbarAction>();
  const group = useRef<HTMLDivElement>(null);
  const refocus = useRef(false);

  const calendar = useCalendar();
  // The moment matters to some gates (closing as unreachable waits out working days): re-checked as time passes.
  const now = useNow();
  const layout = useMemo(
    () => toolbarLayout(complaint, allowedActions(complaint, { id: user.id, role: user.role }, policy, { now, calendar })),
    [complaint, user.id, user.role, policy, now, calendar],
  );
  // When nothing is offered, say why: the most basic step's refusal (ended, or someone else's complaint).
  const whyNothing = useMemo(() => whyNot('addNote', complaint, { id: user.id, role: user.role }, policy, { now, calendar }), [complaint, user.id, user.role, policy, now, calendar]);

  const openDialog = useCallback((action: ToolbarAction) => {
    setSaved(undefined);
    setOpen(action);
  }, []);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented || open) return;
      if (document.querySelector('[aria-modal="true"]')) return; // another dialog (print preview, evidence) is open
      const action = event.code.startsWith('Key') ? actionForShortcut(layout, event.code.slice(3)) : undefined;
      if (!action) return;
      event.preventDefault();
      openDialog(action);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [layout, open, openDialog]);

  // After a step the button that opened it may be gone (Acknowledge, once acknowledged): keep focus in the toolbar.
  useEffect(() => {
    if (!refocus.current || open) return;
    const active = document.activeElement;
    if (active === null || active === document.body || !active.isConnected) {
      group.current?.querySelector<HTMLElement>('button')?.focus();
    }
  });

  const close = () => {
    refocus.current = true;
    setOpen(undefined);
  };
  const done = () => {
    setSaved(open);
    close();
  };

  const button = (action: ToolbarAction, primary = false) => (
    <button
      key={action}
      type="button"
      className={primary ? 'btn btn-primary' : 'btn'}
      onClick={() => openDialog(action)}
      title={`${t(`actions.hint.${action}`)} (${shortcutOf(action)})`}
      aria-keyshortcuts={shortcutOf(action)}
    >
      {t(`actions.title.${action}`)}
    </button>
  );

  const nothing = !layout.primary && layout.inline.length === 0 && layout.more.length === 0;
  return (
    <div ref={group} className="action-toolbar" role="group" aria-label={t('actions.toolbar')}>
      {layout.primary && button(layout.primary, true)}
      {layout.inline.map((action) => button(action))}
      {layout.more.length > 0 && <MoreMenu actions={layout.more} onChoose={openDialog} />}
      {nothing && <span className="muted">{whyNothing ? t('actions.noneBecause', { reason: refusalText(t, whyNothing) }) : t('actions.none')}</span>}
      <span role="status" aria-live="polite" className="action-saved">
        {saved && (
          <>
            <Icon name="check" /> {t('actions.saved', { action: t(`actions.title.${saved}`) })}
          </>
        )}
      </span>
      {open && <ActionDialog action={open} complaint={complaint} onDone={done} onClose={close} />}
    </div>
  );
}
