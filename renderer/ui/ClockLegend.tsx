import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ClockKind } from '../../shared/deadlines/clocks';

/** Every clock a complaint runs, in the order the complaint page shows them. */
export const CLOCK_KINDS: readonly ClockKind[] = ['acknowledgement', 'firstReply', 'response', 'resolution', 'tier'];

/** What each clock measures, one line each (vocabulary `clockMeaning`), as the help sheet and the complaint page show it. */
export function ClockLegend() {
  const { t } = useTranslation();
  return (
    <dl className="clock-legend">
      {CLOCK_KINDS.map((kind) => (
        <div key={kind}>
          <dt>{t(`clockKind.${kind}`)}</dt>
          <dd>{t(`clockMeaning.${kind}`)}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The same lines as a tooltip, one clock a line ("受理：收到投诉后…"). */
export function clockLegendText(t: TFunction): string {
  return CLOCK_KINDS.map((kind) => t('clock.meaningLine', { name: t(`clockKind.${kind}`), meaning: t(`clockMeaning.${kind}`) })).join('\n');
}
