import { useTranslation } from 'react-i18next';
import { durationParts } from '../i18n/format';
import { Icon, type IconName } from './Icon';

/** `stopped`: the complaint was voided or rejected before the step was done (see endedClockBadgeProps). */
export const CLOCK_STATES = ['on_time', 'due_soon', 'overdue', 'met', 'missed', 'paused', 'stopped', 'none'] as const;
export type ClockState = (typeof CLOCK_STATES)[number];

export interface ClockBadgeProps {
  state: ClockState;
  /** Minutes left (on time, due soon) or past the deadline (overdue). */
  minutes?: number;
  /**
   * Which clock this is (acknowledgement, firstReply, response, resolution, tier): its name is the prefix
   * ("解决 · 剩余 3小时") and its one-line meaning (vocabulary `clockMeaning`) opens the tooltip.
   */
  kind?: string;
  /** The deadline itself, already formatted, for the tooltip. */
  dueText?: string;
  /** Counted past the end of the working calendar: it may move once that year's holidays are imported. */
  beyondCalendar?: boolean;
}

const ICONS: Record<ClockState, IconName> = {
  on_time: 'clock',
  due_soon: 'clock',
  overdue: 'alert',
  met: 'check',
  missed: 'cross',
  paused: 'pause',
  stopped: 'dash',
  none: 'dash',
};

/** One visual language for every deadline in the app (UI.md "The deadline is the hero"). */
export function ClockBadge({ state, minutes, kind, dueText, beyondCalendar = false }: ClockBadgeProps) {
  const { t, i18n } = useTranslation();
  const known = kind !== undefined && i18n.exists(`clockKind.${kind}`);
  const label = known ? t(`clockKind.${kind}`) : undefined;
  const duration = durationParts(minutes ?? 0);
  const span = t(`clock.duration.${duration.key}`, duration.values);
  const text = t(`clock.${state}`, { remaining: span, overrun: span });
  const full = label ? `${label} · ${text}` : text;
  const meaning = known ? t('clock.meaningLine', { name: label, meaning: t(`clockMeaning.${kind}`) }) : undefined;
  const title = [dueText ? `${full} (${dueText})` : full, meaning, beyondCalendar ? t('calendar.beyondHint') : undefined].filter(Boolean).join('\n');
  return (
    <span className="clock" data-state={state} data-beyond-calendar={beyondCalendar || undefined} title={title}>
      <Icon name={ICONS[state]} className="clock-glyph" />
      {full}
      {beyondCalendar && <span className="clock-beyond">{t('calendar.beyondMark')}</span>}
    </span>
  );
}
