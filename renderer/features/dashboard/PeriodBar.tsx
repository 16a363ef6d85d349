import { useTranslation } from 'react-i18next';
import { dateTextOf } from '../../../shared/calendar/dates';
import { COMPARISONS, PERIOD_KINDS, type PeriodChoice, type ResolvedPeriod } from '../../../shared/kpi/period';

interface PeriodBarProps {
  choice: PeriodChoice;
  onChange: (next: PeriodChoice) => void;
  /** Undefined while the choice does not make a period (a custom range being typed). */
  period: ResolvedPeriod | undefined;
  today: string;
}

/** Period kind, previous / next, custom days, and what it is compared with; the chosen days shown in full. */
export function PeriodBar({ choice, onChange, period, today }: PeriodBarProps) {
  const { t } = useTranslation();
  const unit = t(`dashboard.unitName.${choice.kind}`);
  const shift = (anchorDay: number) => onChange({ ...choice, anchor: dateTextOf(anchorDay) });
  const lastDay = (toDay: number) => dateTextOf(toDay - 1);
  const containsToday = period !== undefined && dateTextOf(period.current.fromDay) <= today && today <= lastDay(period.current.toDay);
  return (
    <div className="period-bar" role="group" aria-label={t('dashboard.period')}>
      <div className="field">
        <label htmlFor="period-kind">{t('dashboard.period')}</label>
        <select
          id="period-kind"
          value={choice.kind}
          onChange={(event) => {
            const kind = PERIOD_KINDS.find((k) => k === event.target.value) ?? 'month';
            onChange(kind === 'custom' && period ? { ...choice, kind, from: dateTextOf(period.current.fromDay), to: lastDay(period.current.toDay) } : { ...choice, kind, anchor: today });
          }}
        >
          {PERIOD_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`dashboard.kind.${kind}`)}
            </option>
          ))}
        </select>
      </div>
      {choice.kind === 'custom' ? (
        <>
          <div className="field field-date">
            <label htmlFor="period-from">{t('dashboard.from')}</label>
            <input id="period-from" type="date" value={choice.from ?? ''} onChange={(event) => onChange({ ...choice, from: event.target.value })} />
          </div>
          <div className="field field-date">
            <label htmlFor="period-to">{t('dashboard.to')}</label>
            <input id="period-to" type="date" value={choice.to ?? ''} onChange={(event) => onChange({ ...choice, to: event.target.value })} />
          </div>
        </>
      ) : (
        period && (
          <div className="period-step">
            <button type="button" className="btn" onClick={() => shift(period.current.fromDay - 1)} aria-label={t('dashboard.previousPeriod', { unit })} title={t('dashboard.previousPeriod', { unit })}>
              ‹
            </button>
            <button type="button" className="btn" onClick={() => shift(period.current.toDay)} aria-label={t('dashboard.nextPeriod', { unit })} title={t('dashboard.nextPeriod', { unit })}>
              ›
            </button>
            <button type="button" className="btn" onClick={() => onChange({ ...choice, anchor: today })} disabled={containsToday}>
              {t('dashboard.current', { unit })}
            </button>
          </div>
        )
      )}
      <div className="field">
        <label htmlFor="period-compare">{t('dashboard.compare')}</label>
        <select id="period-compare" value={choice.compare} onChange={(event) => onChange({ ...choice, compare: COMPARISONS.find((c) => c === event.target.value) ?? 'previous' })}>
          {COMPARISONS.map((compare) => (
            <option key={compare} value={compare}>
              {t(`dashboard.compareWith.${compare}`)}
            </option>
          ))}
        </select>
      </div>
      {period && (
        <div className="period-range">
          <strong data-testid="period-range">{t('dashboard.range', { from: dateTextOf(period.current.fromDay), to: lastDay(period.current.toDay) })}</strong>
          <span className="muted">{t('dashboard.comparedRange', { from: dateTextOf(period.comparison.fromDay), to: lastDay(period.comparison.toDay) })}</span>
        </div>
      )}
    </div>
  );
}
