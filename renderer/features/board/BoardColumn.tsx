import { useDroppable } from '@dnd-kit/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useRef, type KeyboardEvent } from 'react';
import { BoardCard, type CardFormat } from './BoardCard';
import { isRouteLane, type BoardCard as Card, type BoardColumn as Column, type ColumnKey } from './boardModel';

interface BoardColumnProps {
  column: Column;
  name: string;
  now: string;
  format: CardFormat;
  /** Complaints whose card stands out now (moved by an automatic escalation). */
  arrivals: ReadonlyMap<string, number>;
  /** The card (`column:id`) to bring into view and focus once it is drawn, if it is in this column. */
  focusWanted: string | undefined;
  onFocused: () => void;
  onCardKeyDown: (event: KeyboardEvent<HTMLElement>, card: Card, column: ColumnKey) => void;
  onOpen: (card: Card, column: ColumnKey) => void;
}

/** A card's height before it is measured (four lines); cards that wrap are measured as they are drawn. */
const ESTIMATED_CARD_PX = 104;
const CARD_GAP_PX = 6;

/**
 * One tier (or legal / PR lane): its name, count and overdue count, and its cards, a drop target for moves. The
 * cards are virtualised: only those in view (and a few around) are drawn, so a column of thousands scrolls as
 * lightly as one of ten.
 */
export const BoardColumnView = memo(function BoardColumnView({ column, name, now, format, arrivals, focusWanted, onFocused, onCardKeyDown, onOpen }: BoardColumnProps) {
  const { t } = format;
  const { setNodeRef, isOver } = useDroppable({ id: column.key });
  const listRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: column.cards.length,
    getScrollElement: () => listRef.current,
    estimateSize: () => ESTIMATED_CARD_PX,
    getItemKey: (index) => column.cards[index]?.record.id ?? index,
    gap: CARD_GAP_PX,
    paddingStart: CARD_GAP_PX,
    paddingEnd: CARD_GAP_PX,
    overscan: 4,
  });
  const lane = isRouteLane(column.key);
  const headingId = `board-col-${column.key}`;
  const items = virtualizer.getVirtualItems();

  // A card wanted in focus (back from its complaint, just moved here) is scrolled to, then focused once drawn.
  const wantedIndex = focusWanted?.startsWith(`${column.key}:`) ? column.cards.findIndex((card) => `${column.key}:${card.record.id}` === focusWanted) : -1;
  useEffect(() => {
    if (wantedIndex < 0 || !focusWanted) return;
    const element = listRef.current?.querySelector<HTMLElement>(`[data-card="${CSS.escape(focusWanted)}"]`);
    if (element) {
      element.focus();
      onFocused();
    } else virtualizer.scrollToIndex(wantedIndex, { align: 'center' });
  }, [wantedIndex, focusWanted, items, virtualizer, onFocused]);

  return (
    <section ref={setNodeRef} className="board-column" data-column={column.key} data-lane={lane || undefined} data-over={isOver || undefined} aria-labelledby={headingId}>
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
        <div ref={listRef} className="board-scroll">
          <ul className="board-cards" aria-labelledby={headingId} style={{ height: virtualizer.getTotalSize() }}>
            {items.map((item) => {
              const card = column.cards[item.index];
              if (!card) return null;
              return (
                <li key={item.key} ref={virtualizer.measureElement} data-index={item.index} className="card-slot" style={{ transform: `translateY(${item.start}px)` }}>
                  <BoardCard card={card} column={column.key} now={now} format={format} arrived={arrivals.has(card.record.id)} onKeyDown={onCardKeyDown} onOpen={onOpen} />
                </li>
              );
            })}
          </ul>
        </div>
      )}
    </section>
  );
});
