import { useDroppable } from '@dnd-kit/core';
import { memo, type KeyboardEvent } from 'react';
import { BoardCard, type CardFormat } from './BoardCard';
import { isRouteLane, type BoardCard as Card, type BoardColumn as Column, type ColumnKey } from './boardModel';

interface BoardColumnProps {
  column: Column;
  name: string;
  now: string;
  format: CardFormat;
  onCardKeyDown: (event: KeyboardEvent<HTMLElement>, card: Card, column: ColumnKey) => void;
  onOpen: (card: Card, column: ColumnKey) => void;
}

/**
 * Cards drawn per column: the most urgent come first, so what is cut is the calmest; the header still counts
 * them all. Keeps the board quick when a backlog (or a benchmark) puts thousands in one tier.
 */
export const CARDS_SHOWN = 150;

/** One tier (or legal / PR lane): its name, count and overdue count, and its cards, a drop target for moves. */
export const BoardColumnView = memo(function BoardColumnView({ column, name, now, format, onCardKeyDown, onOpen }: BoardColumnProps) {
  const { t } = format;
  const { setNodeRef, isOver } = useDroppable({ id: column.key });
  const lane = isRouteLane(column.key);
  const headingId = `board-col-${column.key}`;
  return (
    <section
      ref={setNodeRef}
      className="board-column"
      data-column={column.key}
      data-lane={lane || undefined}
      data-over={isOver || undefined}
      aria-labelledby={headingId}
    >
      <header className="board-column-head">
        <h2 id={headingId} aria-label={t('board.columnLabel', { name, count: column.cards.length, overdue: column.overdue })}>
          <span className="board-column-name">{name}</span>
          {lane && <span className="board-lane-tag">{t('board.lane')}</span>}
        </h2>
        <span className="board-counts" aria-hidden="true">
          <span className="board-count">{column.cards.length}</span>
          {column.overdue > 0 && <span className="board-overdue">{t('board.overdueCount', { count: column.overdue })}</span>}
        </span>
      </header>
      {column.cards.length === 0 ? (
        <p className="board-empty muted">{t('board.empty')}</p>
      ) : (
        <ul className="board-cards" aria-labelledby={headingId}>
          {column.cards.slice(0, CARDS_SHOWN).map((card) => (
            <BoardCard key={card.record.id} card={card} column={column.key} now={now} format={format} onKeyDown={onCardKeyDown} onOpen={onOpen} />
          ))}
          {column.cards.length > CARDS_SHOWN && <li className="board-more muted">{t('board.more', { count: column.cards.length - CARDS_SHOWN })}</li>}
        </ul>
      )}
    </section>
  );
});
