import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SHORTCUT_KEYS, type ToolbarAction } from './toolbarModel';
import { Icon } from '../../../ui/Icon';

/**
 * "More ▾": the less frequent steps as a menu (WAI-ARIA menu button). Arrow keys move, Enter chooses, Esc or Tab
 * closes; choosing puts focus back on the button first, so the dialog returns focus there when it closes.
 */
export function MoreMenu({ actions, onChoose }: { actions: readonly ToolbarAction[]; onChoose: (action: ToolbarAction) => void }) {
  const { t } = useTranslation();
  const [expanded, setExpanded] = useState(false);
  const trigger = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLUListElement>(null);
  const menuId = useId();

  useEffect(() => {
    if (expanded) menu.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
  }, [expanded]);

  const closeMenu = () => {
    setExpanded(false);
    trigger.current?.focus();
  };

  const choose = (action: ToolbarAction) => {
    closeMenu();
    onChoose(action);
  };

  const onMenuKeyDown = (event: React.KeyboardEvent) => {
    const items = [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLElement);
    const move = (index: number) => items[(index + items.length) % items.length]?.focus();
    if (event.key === 'ArrowDown') move(at + 1);
    else if (event.key === 'ArrowUp') move(at - 1);
    else if (event.key === 'Home') move(0);
    else if (event.key === 'End') move(items.length - 1);
    else if (event.key === 'Escape') {
      event.stopPropagation();
      closeMenu();
    } else if (event.key === 'Tab') setExpanded(false);
    else return;
    if (event.key !== 'Tab') event.preventDefault();
  };

  return (
    <div
      className="more-menu"
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setExpanded(false);
      }}
    >
      <button
        ref={trigger}
        type="button"
        className="btn"
        aria-haspopup="menu"
        aria-expanded={expanded}
        aria-controls={expanded ? menuId : undefined}
        onClick={() => setExpanded((value) => !value)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown') {
            event.preventDefault();
            setExpanded(true);
          }
        }}
      >
        {t('actions.more')} <Icon name="chevronDown" />
      </button>
      {expanded && (
        <ul ref={menu} id={menuId} className="more-menu-list" role="menu" aria-label={t('actions.more')} onKeyDown={onMenuKeyDown}>
          {actions.map((action) => (
            <li key={action} role="none">
              <button type="button" role="menuitem" tabIndex={-1} onClick={() => choose(action)} aria-keyshortcuts={`Alt+${SHORTCUT_KEYS[action]}`}>
                <span>{t(`actions.title.${action}`)}</span>
                <kbd aria-hidden="true">Alt+{SHORTCUT_KEYS[action]}</kbd>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
