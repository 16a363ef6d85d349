/**
 * Page-side timers of the board benchmark (tests/bench/board.bench.ts), bundled as one script and added to the app's page
 * as `window.boardBench`; the Node side parses what they answer.
 */

/** What a timer waits for: the board's first card drawn, or the column headings (their counts) changed. */
export type BoardCondition = { kind: 'firstCard' } | { kind: 'headingsChange'; before: string };

/** The column headings' accessible labels (name, count, overdue), joined: what a filter change alters. */
function boardHeadings(): string {
  return [...document.querySelectorAll('.board-column h2')].map((heading) => heading.getAttribute('aria-label') ?? '').join('|');
}

/**
 * Starts the clock at the next `eventType` event (capture phase, before the app's handlers) and stops it once
 * `condition` holds and a frame has been drawn; the result is left in `window.__boardTimer`.
 */
function armBoardTimer({ eventType, condition }: { eventType: 'click' | 'input'; condition: BoardCondition }): void {
  const holds = (): boolean => {
    if (condition.kind === 'firstCard') return (document.querySelector('[data-card]')?.getBoundingClientRect().height ?? 0) > 0;
    const now = boardHeadings();
    return now !== '' && now !== condition.before;
  };
  const slot: { ms?: number } = {};
  Object.assign(window, { __boardTimer: slot });
  window.addEventListener(
    eventType,
    () => {
      const started = performance.now();
      const done = () => requestAnimationFrame(() => setTimeout(() => (slot.ms = performance.now() - started), 0));
      if (holds()) return done();
      const observer = new MutationObserver(() => {
        if (!holds()) return;
        observer.disconnect();
        done();
      });
      observer.observe(document, { childList: true, subtree: true, characterData: true, attributes: true });
    },
    { capture: true, once: true },
  );
}

/**
 * The floor: the same open rows read straight from IndexedDB (one `getAll` on the `[terminal+tier]` index the
 * board reads), with the database already open as the app's is. Answers the ms of each run and the row count.
 */
async function plainOpenRowsRead({ name, runs }: { name: string; runs: number }): Promise<{ ms: number[]; rows: number }> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(name);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('indexedDB.open failed'));
  });
  const ms: number[] = [];
  let rows = 0;
  try {
    for (let run = 0; run < runs; run++) {
      const started = performance.now();
      const read = await new Promise<unknown[]>((resolve, reject) => {
        const request = db.transaction('complaints').objectStore('complaints').index('[terminal+tier]').getAll(IDBKeyRange.bound([0, ''], [0, '\uffff']));
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error ?? new Error('getAll failed'));
      });
      ms.push(performance.now() - started);
      rows = read.length;
    }
  } finally {
    db.close();
  }
  return { ms, rows };
}

/** How many complaints the escalation sweep would name now (`escalationDueAt` ≤ now): the app's backlog. */
async function sweepBacklog(name: string): Promise<number> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(name);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('indexedDB.open failed'));
  });
  try {
    return await new Promise<number>((resolve, reject) => {
      const request = db.transaction('complaints').objectStore('complaints').index('escalationDueAt').count(IDBKeyRange.upperBound(new Date().toISOString()));
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('count failed'));
    });
  } finally {
    db.close();
  }
}

/**
 * Scrolls the fullest column from top to bottom, `stepPx` per frame, and answers the frame intervals and the
 * most cards drawn at once in it (virtualised: a screenful, whatever the column holds).
 */
async function scrollFullestColumn({ stepPx, frames }: { stepPx: number; frames: number }): Promise<{ cards: number; intervals: number[]; mostDrawn: number }> {
  const columns = [...document.querySelectorAll<HTMLElement>('.board-column')];
  const count = (column: HTMLElement) => Number(column.querySelector('.board-count')?.textContent ?? '0');
  const fullest = columns.sort((a, b) => count(b) - count(a))[0];
  const scroller = fullest?.querySelector<HTMLElement>('.board-scroll');
  if (!fullest || !scroller) throw new Error('no column to scroll');
  scroller.scrollTop = 0;
  const intervals: number[] = [];
  let mostDrawn = 0;
  await new Promise<void>((resolve) => {
    let last = performance.now();
    let frame = 0;
    const step = (at: number) => {
      intervals.push(at - last);
      last = at;
      mostDrawn = Math.max(mostDrawn, fullest.querySelectorAll('[data-card]').length);
      scroller.scrollTop += stepPx;
      if (++frame < frames) requestAnimationFrame(step);
      else resolve();
    };
    requestAnimationFrame(step);
  });
  return { cards: count(fullest), intervals: intervals.slice(1), mostDrawn };
}

Object.assign(window, { boardBench: { boardHeadings, armBoardTimer, plainOpenRowsRead, sweepBacklog, scrollFullestColumn } });
