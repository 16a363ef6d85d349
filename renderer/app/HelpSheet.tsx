import { useTranslation } from 'react-i18next';
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

export function HelpSheet({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Dialog title={t('help.title')} onClose={onClose}>
      <table className="shortcut-table">
        <tbody>
          {SHORTCUTS.map(([keys, key]) => (
            <tr key={key}>
              <td>
                {keys.map((k, i) => (
                  <span key={k}>
                    {i > 0 && (keys[0] === '↑' ? ' / ' : ' + ')}
                    <kbd>{k}</kbd>
                  </span>
                ))}
              </td>
              <td>{t(key)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Dialog>
  );
}
