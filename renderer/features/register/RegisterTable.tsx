import { memo, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { TFunction } from 'i18next';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import type { ComplaintId } from '../../../shared/brand';
import { formatDateTime } from '../../i18n/format';
import { parseLanguage, type Language } from '../../i18n/language';
import { ClockBadge } from '../../ui/ClockBadge';
import { GradeChip } from '../../ui/GradeChip';
import { useCategoryName } from '../../ui/categories';
import { useSession } from '../../session/session';
import { REGISTER_PAGE, useNow, useRegister } from '../../store';
import type { ComplaintRow, RegisterQuery } from '../../store';
import { toggleSort, type RegisterFilters } from './filters';
import { Icon } from '../../ui/Icon';
import { clockLegendText } from '../../ui/ClockLegend';

const ROW_HEIGHT = 30;

const COLUMNS = [
  { key: 'number', sort: 'number' },
  { key: 'receivedAt', sort: 'receivedAt' },
  { key: 'customer' },
  { key: 'channel' },
  { key: 'category' },
  { key: 'grade', sort: 'grade' },
  { key: 'status' },
  { key: 'tier' },
  { key: 'flags' },
  { key: 'assignee' },
  { key: 'nextDeadline', sort: 'nextDeadlineAt' },
] as const;

interface RegisterTableProps {
  query: RegisterQuery;
  sort: RegisterFilters['sort'];
  onSort: (sort: RegisterFilters['sort']) => void;
  selected: number;
  onSelect: (index: number) => void;
  onOpen: (row: ComplaintRow) => void;
  /** The matching complaints (count for the filter bar, ids in register order for exports). */
  onResult: (result: { total: number | undefined; ids: readonly ComplaintId[] }) => void;
  emptyText: string;
}

/** Everything a row needs to format itself, built once per table render (not once per row). */
interface RowFormat {
  t: TFunction;
  language: Language;
  timeZone: string;
  categoryName: (code: string) => string;
}

/** Memoised: while scrolling only the rows that come into view render; the others keep their DOM. */
const RowCells = memo(function RowCells({ row, now, format }: { row: ComplaintRow; now: string; format: RowFormat }) {
  const { t, language, timeZone, categoryName } = format;
  const deadlineMs = row.nextDeadlineAt ? Date.parse(row.nextDeadlineAt) : undefined;
  const minutes = deadlineMs === undefined ? undefined : Math.abs(deadlineMs - Date.parse(now)) / 60_000;
  return (
    <>
      <span className="cell" role="gridcell">{row.number}</span>
      <span className="cell" role="gridcell">{formatDateTime(row.receivedAt, language, timeZone)}</span>
      <span className="cell cell-stack" role="gridcell">
        <span>{row.customerName || t('complaint.anonymous')}</span> <span className="muted">{row.phoneMasked}</span>
      </span>
      <span className="cell cell-wrap" role="gridcell">{t(`channel.${row.channel}`, { defaultValue: row.channel })}</span>
      <span className="cell cell-wrap" role="gridcell" title={categoryName(row.subCategory ?? row.category)}>{categoryName(row.subCategory ?? row.category)}</span>
      <span className="cell" role="gridcell"><GradeChip grade={row.grade} /></span>
      <span className="cell cell-wrap" role="gridcell">{t(`status.${row.status}`, { defaultValue: row.status })}</span>
      <span className="cell cell-wrap" role="gridcell" title={`${row.tier} · ${t(`tier.${row.tier}`, { defaultValue: row.tier })}`}>
        {row.tier} · {t(`tier.${row.tier}`, { defaultValue: row.tier })}
      </span>
      <span className="cell cell-flags" role="gridcell">
        {row.flags.map((flag) => (
          <span key={flag} className="tag tag-danger tag-small" title={t(`flag.${flag}`, { defaultValue: flag })}>
            {t(`registerList.flagShort.${flag}`, { defaultValue: flag })}
          </span>
        ))}
      </span>
      <span className="cell" role="gridcell">{row.assigneeName}</span>
      <span className="cell" role="gridcell">
        <ClockBadge
          state={row.clockState}
          minutes={minutes}
          kind={row.nextDeadlineKind}
          dueText={formatDateTime(row.nextDeadlineAt, language, timeZone)}
          beyondCalendar={row.nextDeadlineBeyondCalendar === 1}
        />
      </span>
    </>
  );
});

/** The virtualised register: only the rows on screen exist in the DOM, so 100 000 complaints scroll smoothly. */
export function RegisterTable({ query, sort, onSort, selected, onSelect, onOpen, onResult, emptyText }: RegisterTableProps) {
  const { t, i18n } = useTranslation();
  const { branch } = useSession();
  const categoryName = useCategoryName();
  const language = parseLanguage(i18n.language) ?? 'zh-CN';
  const format = useMemo<RowFormat>(
    () => ({ t, language, timeZone: branch.timeZone, categoryName }),
    [t, language, branch.timeZone, categoryName],
  );
  const bodyRef = useRef<HTMLDivElement>(null);
  // The store reads whole pages around the rows on screen; re-render for the store only when the page changes.
  const [range, setRange] = useState({ start: 0, end: REGISTER_PAGE - 1 });
  const now = useNow();
  const view = useRegister(query, range);
  // One row object per position and view, so memoised rows see the same object until their data changes.
  const rowAt = useMemo(() => {
    const cache = new Map<number, ComplaintRow>();
    return (index: number): ComplaintRow | undefined => {
      const cached = cache.get(index);
      if (cached) return cached;
      const row = view.getRow(index);
      if (row) cache.set(index, row);
      return row;
    };
  }, [view]);
  const count = view.total ?? 0;
  useEffect(() => onResult({ total: view.total, ids: view.ids }), [view.total, view.ids, onResult]);
  // The virtualiser's methods change on every scroll by design; this component is simply not memoised.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => bodyRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 15,
    onChange: (instance) => {
      const shown = instance.getVirtualItems();
      const start = Math.floor((shown[0]?.index ?? 0) / REGISTER_PAGE) * REGISTER_PAGE;
      const end = (Math.floor((shown[shown.length - 1]?.index ?? 0) / REGISTER_PAGE) + 1) * REGISTER_PAGE - 1;
      setRange((old) => (old.start === start && old.end === end ? old : { start, end }));
    },
  });
  const items = virtualizer.getVirtualItems();

  const move = (index: number) => {
    const next = Math.max(0, Math.min(count - 1, index));
    onSelect(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const page = Math.max(1, Math.floor((bodyRef.current?.clientHeight ?? ROW_HEIGHT * 10) / ROW_HEIGHT) - 1);
    const steps: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: page, PageUp: -page };
    if (event.key in steps) {
      event.preventDefault();
      move(selected + (steps[event.key] ?? 0));
    } else if (event.key === 'Home' || event.key === 'End') {
      event.preventDefault();
      move(event.key === 'Home' ? 0 : count - 1);
    } else if (event.key === 'Enter') {
      const row = rowAt(selected);
      if (row) onOpen(row);
    }
  };

  return (
    <div className="table-wrap" role="grid" aria-label={t('registerList.tableLabel')} aria-rowcount={count + 1}>
      <div className="vtable-head" role="row" aria-rowindex={1}>
        {COLUMNS.map((column) => {
          const label = t(column.key === 'customer' ? 'complaint.complainant' : `registerList.${column.key}`);
          if (!('sort' in column)) return <span key={column.key} className="cell" role="columnheader">{label}</span>;
          const active = sort.by === column.sort;
          return (
            <span key={column.key} className="cell" role="columnheader" aria-sort={active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}>
              <button type="button" title={column.key === 'nextDeadline' ? `${t('registerList.sortBy', { column: label })}\n${clockLegendText(t)}` : t('registerList.sortBy', { column: label })} onClick={() => onSort(toggleSort(sort, column.sort))}>
                {label} {active && <Icon name={sort.direction === 'asc' ? 'sortUp' : 'sortDown'} />}
              </button>
            </span>
          );
        })}
      </div>
      <div ref={bodyRef} id="register-body" className="vtable-body" tabIndex={0} onKeyDown={onKeyDown} aria-activedescendant={count > 0 ? `register-row-${selected}` : undefined}>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }} role="rowgroup">
          {items.map((item) => {
            const row = rowAt(item.index);
            return (
              <div
                key={item.key}
                id={`register-row-${item.index}`}
                className="vtable-row"
                role="row"
                aria-rowindex={item.index + 2}
                aria-selected={item.index === selected}
                style={{ transform: `translateY(${item.start}px)` }}
                onClick={() => {
                  onSelect(item.index);
                  if (row) onOpen(row);
                }}
              >
                {row ? <RowCells row={row} now={now} format={format} /> : <span className="cell muted">…</span>}
              </div>
            );
          })}
        </div>
        {view.total === 0 && <p className="empty-state">{emptyText}</p>}
      </div>
    </div>
  );
}
