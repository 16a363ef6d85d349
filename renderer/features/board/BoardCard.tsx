import { memo, type KeyboardEvent } from 'react';
import { useDraggable } from '@dnd-kit/core';
import type { TFunction } from 'i18next';
import { durationParts } from '../../i18n/format';
import { ClockBadge } from '../../ui/ClockBadge';
import { GradeChip } from '../../ui/GradeChip';
import type { ComplaintRecord } from '../../store/records';
import type { BoardCard as Card, ColumnKey } from './boardModel';

/** What a card shows beyond its row, resolved once per board render. */
export interface CardFormat {
  t: TFunction;
  categoryName: (code: string) => string;
  userName: (id: string) => string;
  /** The customer as this person may see it (masked for staff, SPEC §8). */
  customerOf: (record: ComplaintRecord) => string;
  formatInstant: (instant: string | undefined) => string;
}

/** The clock words of a card at `now`: time left or the overrun of its nearest deadline, or the pause. */
export function cardClock(card: Card, now: string, format: CardFormat) {
  const { record } = card;
  const deadlineMs = record.nextDeadlineAt ? Date.parse(record.nextDeadlineAt) : undefined;
  const minutes = deadlineMs === undefined ? undefined : Math.abs(deadlineMs - Date.parse(now)) / 60_000;
  const span = durationParts(minutes ?? 0);
  const text = format.t(`clock.${card.clock}`, { remaining: format.t(`clock.duration.${span.key}`, span.values), overrun: format.t(`clock.duration.${span.key}`, span.values) });
  return { minutes, text };
}

interface BoardCardProps {
  card: Card;
  column: ColumnKey;
  now: string;
  format: CardFormat;
  /** Just moved here by an automatic escalation: stands out for a moment. */
  arrived: boolean;
  onKeyDown: (event: KeyboardEvent<HTMLElement>, card: Card, column: ColumnKey) => void;
  onOpen: (card: Card, column: ColumnKey) => void;
}

/** The face of a card, also drawn under the pointer while it is dragged. */
export function CardFace({ card, now, format }: { card: Card; now: string; format: CardFormat }) {
  const { record } = card;
  const { t } = format;
  const clock = cardClock(card, now, format);
  const since = record.tierSince ?? record.receivedAt;
  const inTier = durationParts(Math.max(0, Date.parse(now) - Date.parse(since)) / 60_000);
  return (
    <>
      <div className="card-line card-head">
        <GradeChip grade={record.grade} />
        <span className="card-number">{record.number}</span>
        <span className="card-spacer" />
        {record.flags.map((flag) => (
          <span key={flag} className="tag tag-danger card-flag">
            {t(`flag.${flag}`)}
          </span>
        ))}
      </div>
      <div className="card-line">
        <span className="card-category">{format.categoryName(record.subCategory ?? record.category)}</span>
        <span className="muted">·</span>
        <span className="card-customer">{format.customerOf(record)}</span>
      </div>
      <div className="card-line muted">
        <span className="card-assignee">{record.assignee ? format.userName(record.assignee) : t('board.unassigned')}</span>
        <span className="card-spacer" />
        <span title={format.formatInstant(since)}>{t('board.inTier', { duration: t(`clock.duration.${inTier.key}`, inTier.values) })}</span>
      </div>
      <div className="card-line">
        <ClockBadge state={card.clock} minutes={clock.minutes} kind={record.nextDeadlineKind} dueText={format.formatInstant(record.nextDeadlineAt)} />
      </div>
    </>
  );
}

/**
 * One complaint on the board: focusable, draggable (pointer, or Space with dnd-kit's keyboard sensor), Enter
 * opens it; the page handles the arrows and Shift+→. Memoised: a clock tick re-renders only cards whose words change.
 */
export const BoardCard = memo(function BoardCard({ card, column, now, format, arrived, onKeyDown, onOpen }: BoardCardProps) {
  const { record } = card;
  const id = `${column}:${record.id}`;
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({ id, data: { card, column } });
  const clock = cardClock(card, now, format);
  const label = format.t('board.cardLabel', { number: record.number, grade: format.t('grade.label', { grade: record.grade }), clock: clock.text });
  return (
    <div
      ref={setNodeRef}
      {...attributes}
      {...listeners}
      className="board-card"
      data-grade={record.grade}
      data-clock={card.clock}
      data-card={id}
      data-dragging={isDragging || undefined}
      data-arrived={arrived || undefined}
      aria-label={label}
      onClick={() => onOpen(card, column)}
      onKeyDown={(event) => {
        // While lifted, the keyboard sensor's own document listener moves and drops the card.
        if (isDragging) return;
        onKeyDown(event, card, column);
        if (!event.defaultPrevented) listeners?.onKeyDown?.(event);
      }}
    >
      <CardFace card={card} now={now} format={format} />
    </div>
  );
});
