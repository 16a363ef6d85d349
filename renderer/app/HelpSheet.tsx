import { useTranslation } from 'react-i18next';
import { SHORTCUT_KEYS, type ToolbarAction } from '../features/complaint/actions/toolbarModel';
import { ClockLegend } from '../ui/ClockLegend';
import { Dialog } from '../ui/Dialog';

const SHORTCUTS: readonly [keys: string[], key: string][] = [
  [['F2'], 'help.newComplaint'],
  [['Ctrl', 'K'], 'help.search'],
  [['Ctrl', 'Enter'], 'help.submit'],
  [['Enter'], 'help.enterSubmit'],
  [['Esc'], 'help.escape'],
  [['↑', '↓'], 'help.rows'],
  [['Enter'], 'help.open'],
  [['?'], 'help.help'],
];

/** On the escalation board, with a card focused. */
const BOARD_SHORTCUTS: readonly [keys: string[], key: string][] = [
  [['↑', '↓', '←', '→'], 'board.help.select'],
  [['Shift', '→'], 'board.help.escalate'],
  [['Space'], 'board.help.drag'],
  [['Enter'], 'board.help.open'],
];

/** The complaint page's Alt+letter steps, in workflow order; steps never offered together share a letter. */
function actionShortcuts(): [letter: string, actions: ToolbarAction[]][] {
  const byLetter = new Map<string, ToolbarAction[]>();
  for (const [action, letter] of Object.entries(SHORTCUT_KEYS) as [ToolbarAction, string][]) {
    byLetter.set(letter, [...(byLetter.get(letter) ?? []), action]);
  }
  return [...byLetter];
}

function Keys({ keys, separator = ' + ' }: { keys: readonly string[]; separator?: string }) {
  return (
    <span className="keys">
      {keys.map((k, i) => (
        <span key={k}>
          {i > 0 && separator}
          <kbd>{k}</kbd>
        </span>
      ))}
    </span>
  );
}

export function HelpSheet({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Dialog title={t('help.title')} onClose={onClose}>
      <table className="shortcut-table">
        <tbody>
          {SHORTCUTS.map(([keys, key]) => (
            <tr key={key}>
              <td>
                <Keys keys={keys} separator={keys[0] === '↑' ? ' / ' : ' + '} />
              </td>
              <td>{t(key)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3 className="shortcut-heading">{t('board.help.title')}</h3>
      <ul className="shortcut-grid">
        {BOARD_SHORTCUTS.map(([keys, key]) => (
          <li key={key}>
            <Keys keys={keys} separator={keys.length > 2 ? ' / ' : ' + '} />
            <span>{t(key)}</span>
          </li>
        ))}
      </ul>
      <h3 className="shortcut-heading">{t('help.complaintPage')}</h3>
      <ul className="shortcut-grid">
        <li>
          <Keys keys={['Ctrl', 'P']} />
          <span>{t('help.print')}</span>
        </li>
        {actionShortcuts().map(([letter, actions]) => (
          <li key={letter}>
            <Keys keys={['Alt', letter]} />
            <span>{actions.map((action) => t(`actions.title.${action}`)).join(' / ')}</span>
          </li>
        ))}
      </ul>
      <h3 className="shortcut-heading">{t('help.clocks')}</h3>
      <ClockLegend />
    </Dialog>
  );
}
