import { useCallback, useMemo, useState, type KeyboardEvent } from 'react';
import {
  DndContext,
  DragOverlay,
  KeyboardSensor,
  PointerSensor,
  rectIntersection,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type DragStartEvent,
} from '@dnd-kit/core';
import { useTranslation } from 'react-i18next';
import { canSeePersonalData, maskName } from '../../../shared/export/personalData';
import type { Refusal } from '../../../shared/result';
import { routeHref } from '../../session/routes';
import { useSession } from '../../session/session';
import { formatDateTime } from '../../i18n/format';
import { parseLanguage } from '../../i18n/language';
import { refusalText } from '../../i18n/refusal';
import { useBranchesHeld, useDeskStore, useNow } from '../../store';
import type { ComplaintRecord } from '../../store/records';
import { useCategoryName } from '../../ui/categories';
import { useUserName } from '../../ui/useUserName';
import { CardFace, type CardFormat } from './BoardCard';
import { BoardColumnView } from './BoardColumn';
import { BoardFilterBar } from './BoardFilterBar';
import { loadFilters, saveFilters } from './boardFilters';
import { buildBoard, isRouteLane, moveTarget, neighbour, type BoardCard, type BoardFilters, type ColumnKey } from './boardModel';
import { columnCoordinates } from './dndKeyboard';
import { MoveDialog, type MoveRequest } from './MoveDialog';
import { useArrivals } from './useArrivals';
import { useOpenComplaints } from './useOpenComplaints';
import './board.css';

/** The card focused last, so coming back from a complaint (Esc, back) lands where the person was. */
const LAST_FOCUS_KEY = 'complaint-desk.board-focus';

/** Countdowns move every 15 s: a minute-precision clock never lags by more than a quarter of its unit. */
const TICK_MS = 15_000;

/**
 * The escalation board (SPEC §5, UI.md): every open complaint as a card in its tier column (and legal / PR lane),
 * most urgent first, with live countdowns. A card moves by drag, by Space and arrows, or by Shift+→ — each opens
 * the escalate step's own dialog; Enter or a click opens the complaint.
 */
export function BoardPage({ branch: branchShown }: { branch?: string | undefined }) {
  const { t, i18n } = useTranslation();
  const { user, branch } = useSession();
  const branches = useBranchesHeld();
  const allRecords = useOpenComplaints();
  // Head office may look at one branch (kept in the URL, `#/board?branch=BJ02`); a code it does not hold shows all.
  const onlyBranch = branchShown !== undefined && branches?.includes(branchShown) ? branchShown : undefined;
  const records = useMemo(() => (onlyBranch ? allRecords?.filter((record) => record.branch === onlyBranch) : allRecords), [allRecords, onlyBranch]);
  // Replaced in place, like the dashboard's period: choosing a branch is not a step back in history.
  const showBranch = useCallback((next: string) => window.location.replace(routeHref(next ? { name: 'board', branch: next } : { name: 'board' })), []);
  const { db } = useDeskStore();
  const arrivals = useArrivals(db, branch.code);
  const now = useNow(TICK_MS);
  const [filters, setFilters] = useState<BoardFilters>(() => loadFilters(window.localStorage, user.id, user.role));
  const changeFilters = useCallback(
    (next: BoardFilters) => {
      setFilters(next);
      saveFilters(window.localStorage, user.id, next);
    },
    [user.id],
  );
  const [move, setMove] = useState<MoveRequest>();
  // Kept as what happened, not as text, so it reads in the language chosen after it appeared.
  const [notice, setNotice] = useState<{ request: MoveRequest; refusal?: Refusal; assigned?: string; assignRefused?: boolean }>();
  const [dragging, setDragging] = useState<{ card: BoardCard; column: ColumnKey }>();
  // The card to focus once it is drawn: the one focused before opening a complaint, or a card just moved.
  const [focusWanted, setFocusWanted] = useState<string | undefined>(() => sessionStorage.getItem(LAST_FOCUS_KEY) ?? undefined);
  const focused = useCallback(() => setFocusWanted(undefined), []);

  const categoryName = useCategoryName();
  const userName = useUserName();
  const language = parseLanguage(i18n.language) ?? 'zh-CN';
  const seesNames = canSeePersonalData(user.role);
  const format = useMemo<CardFormat>(
    () => ({
      t,
      categoryName,
      userName,
      customerOf: (record: ComplaintRecord) =>
        record.customerName === '' ? t('board.anonymous') : seesNames || record.assignee === user.id ? record.customerName : maskName(record.customerName),
      formatInstant: (instant) => formatDateTime(instant, language, branch.timeZone),
    }),
    [t, categoryName, userName, seesNames, user.id, language, branch.timeZone],
  );
  const viewer = useMemo(
    () => ({ userId: user.id, wordsOf: (record: ComplaintRecord) => `${format.customerOf(record)} ${userName(record.assignee)} ${categoryName(record.category)}`.toLowerCase() }),
    [user.id, format, userName, categoryName],
  );
  const columns = useMemo(() => (records ? buildBoard(records, now, filters, viewer) : undefined), [records, now, filters, viewer]);
  const columnKeys = useMemo(() => (columns ?? []).map((column) => column.key), [columns]);
  const columnName = useCallback((key: ColumnKey) => (isRouteLane(key) ? t(`route.${key}`) : `${key} · ${t(`tier.${key}`)}`), [t]);

  const open = useCallback((card: BoardCard, column: ColumnKey) => {
    sessionStorage.setItem(LAST_FOCUS_KEY, `${column}:${card.record.id}`);
    const from = new URLSearchParams({ from: 'board', ...(onlyBranch ? { branch: onlyBranch } : {}) });
    window.location.hash = `${routeHref({ name: 'complaint', id: card.record.id })}?${from.toString()}`;
  }, [onlyBranch]);

  const requestMove = useCallback((card: BoardCard, from: ColumnKey, to: ColumnKey) => {
    if (!moveTarget(card.record, to)) return;
    setNotice(undefined);
    setMove({ id: card.record.id, number: card.record.number, from, to });
  }, []);

  const onCardKeyDown = useCallback(
    (event: KeyboardEvent<HTMLElement>, card: BoardCard, column: ColumnKey) => {
      if (dragging || event.ctrlKey || event.metaKey || event.altKey) return;
      const cards = columns?.find((c) => c.key === column)?.cards ?? [];
      const index = cards.findIndex((c) => c.record.id === card.record.id);
      if (event.key === 'Enter') {
        event.preventDefault();
        open(card, column);
      } else if (event.shiftKey && (event.key === 'ArrowRight' || event.key === 'ArrowLeft')) {
        event.preventDefault();
        const to = neighbour(columnKeys, column, event.key === 'ArrowRight' ? 1 : -1);
        if (to) requestMove(card, column, to);
      } else if (!event.shiftKey && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
        event.preventDefault();
        const next = cards[index + (event.key === 'ArrowDown' ? 1 : -1)];
        if (next) setFocusWanted(`${column}:${next.record.id}`);
      } else if (!event.shiftKey && (event.key === 'ArrowRight' || event.key === 'ArrowLeft')) {
        event.preventDefault();
        // The nearest non-empty column that way, at the same position or its last card.
        let to = neighbour(columnKeys, column, event.key === 'ArrowRight' ? 1 : -1);
        while (to) {
          const target = columns?.find((c) => c.key === to)?.cards ?? [];
          const next = target[Math.min(index, target.length - 1)];
          if (next) {
            setFocusWanted(`${to}:${next.record.id}`);
            break;
          }
          to = neighbour(columnKeys, to, event.key === 'ArrowRight' ? 1 : -1);
        }
      }
    },
    [dragging, columns, columnKeys, open, requestMove],
  );

  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    // Space lifts and drops; Enter is left to open the complaint.
    useSensor(KeyboardSensor, { coordinateGetter: columnCoordinates, keyboardCodes: { start: ['Space'], cancel: ['Escape'], end: ['Space', 'Enter'] } }),
  );
  const onDragStart = ({ active }: DragStartEvent) => {
    const data = active.data.current as { card: BoardCard; column: ColumnKey } | undefined;
    setDragging(data);
  };
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    setDragging(undefined);
    const data = active.data.current as { card: BoardCard; column: ColumnKey } | undefined;
    if (!data || !over) return;
    setFocusWanted(`${data.column}:${data.card.record.id}`);
    requestMove(data.card, data.column, over.id as ColumnKey);
  };
  const numberOf = (id: string | number) => (dragging && `${dragging.column}:${dragging.card.record.id}` === id ? dragging.card.record.number : String(id));
  const announcements: Announcements = {
    onDragStart: ({ active }) => t('board.dnd.picked', { number: numberOf(active.id) }),
    onDragOver: ({ active, over }) => (over ? t('board.dnd.over', { number: numberOf(active.id), to: columnName(over.id as ColumnKey) }) : undefined),
    onDragEnd: ({ active, over }) => (over ? t('board.dnd.dropped', { number: numberOf(active.id), to: columnName(over.id as ColumnKey) }) : undefined),
    onDragCancel: ({ active }) => t('board.dnd.cancelled', { number: numberOf(active.id) }),
  };

  const onMoved = useCallback((assigned?: string) => {
    if (!move) return;
    setNotice({ request: move, assigned });
    setFocusWanted(`${move.to}:${move.id}`);
    setMove(undefined);
  }, [move]);
  const onRefused = useCallback(
    (refusal: Refusal) => {
      if (!move) return;
      setNotice({ request: move, refusal });
      setFocusWanted(`${move.from}:${move.id}`);
      setMove(undefined);
    },
    [move],
  );
  const onAssignRefused = useCallback(
    (refusal: Refusal) => {
      if (!move) return;
      setNotice({ request: move, refusal, assignRefused: true });
      setFocusWanted(`${move.to}:${move.id}`);
      setMove(undefined);
    },
    [move],
  );
  const closeMove = useCallback(() => setMove(undefined), []);
  const noticeText = (() => {
    if (!notice) return undefined;
    const { request, refusal, assigned } = notice;
    const values = { number: request.number, to: columnName(request.to) };
    if (refusal) return t(notice.assignRefused ? 'board.assignRefused' : 'board.moveRefused', { ...values, reason: refusalText(t, refusal) });
    if (assigned) return t('board.movedAssigned', { ...values, name: userName(assigned) });
    return t(isRouteLane(request.to) ? 'board.routed' : 'board.moved', values);
  })();

  const total = records?.filter((record) => record.terminal === 0).length ?? 0;
  const overdue = columns?.filter((column) => !isRouteLane(column.key)).reduce((sum, column) => sum + column.overdue, 0) ?? 0;

  return (
    <div className="page board-page" aria-labelledby="page-title">
      <div className="page-head">
        <h1 id="page-title">{t('board.title')}</h1>
        <span className="muted">{t('board.summary', { count: total, overdue })}</span>
        <span className="spacer" />
        <span className="muted board-hint">{t('board.hint')}</span>
      </div>
      <BoardFilterBar filters={filters} onChange={changeFilters} branches={branches ?? []} branch={onlyBranch ?? ''} onBranch={showBranch} />
      <div className="board-notice" role={notice?.refusal ? 'alert' : 'status'}>
        {notice && (
          <div className={`banner ${notice.refusal ? 'banner-error' : 'banner-ok'}`}>
            {noticeText}{' '}
            <button type="button" className="btn-link" onClick={() => setNotice(undefined)}>
              {t('board.dismiss')}
            </button>
          </div>
        )}
      </div>
      {!columns ? (
        <p className="muted">{t('board.loading')}</p>
      ) : (
        <DndContext
          sensors={sensors}
          collisionDetection={rectIntersection}
          onDragStart={onDragStart}
          onDragEnd={onDragEnd}
          onDragCancel={() => setDragging(undefined)}
          accessibility={{ announcements, screenReaderInstructions: { draggable: t('board.dnd.instructions') } }}
        >
          <div
            className="board"
            style={{ gridTemplateColumns: `repeat(${columns.length}, minmax(${columns.length > 4 ? 188 : 220}px, 1fr))` }}
            onFocus={(event) => {
              const id = (event.target as HTMLElement).dataset.card;
              if (id) sessionStorage.setItem(LAST_FOCUS_KEY, id);
            }}
          >
            {columns.map((column) => (
              <BoardColumnView
                key={column.key}
                column={column}
                name={columnName(column.key)}
                now={now}
                format={format}
                arrivals={arrivals}
                focusWanted={move ? undefined : focusWanted}
                onFocused={focused}
                onCardKeyDown={onCardKeyDown}
                onOpen={open}
              />
            ))}
          </div>
          <DragOverlay dropAnimation={null}>
            {dragging && (
              <div className="board-card board-card-overlay" data-grade={dragging.card.record.grade} data-clock={dragging.card.clock}>
                <CardFace card={dragging.card} now={now} format={format} />
              </div>
            )}
          </DragOverlay>
        </DndContext>
      )}
      {move && <MoveDialog request={move} columnName={columnName} onDone={onMoved} onAssignRefused={onAssignRefused} onRefused={onRefused} onClose={closeMove} />}
    </div>
  );
}
