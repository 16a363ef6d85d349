/**
 * The dashboard's period in the URL (`#/dashboard?kind=month&anchor=2026-11-20&compare=previous`), so a view can
 * be bookmarked, reopened, and comes back as it was after a drill-down and Back. What the URL says is parsed,
 * never trusted: anything unreadable falls back to this month against the previous one.
 */
import { useCallback, useSyncExternalStore } from 'react';
import { defaultChoice, PeriodChoiceSchema, type PeriodChoice } from '../../../shared/kpi/period';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function choiceFromHash(hash: string, today: string): PeriodChoice {
  const query = hash.split('?')[1] ?? '';
  const params = Object.fromEntries(new URLSearchParams(query));
  const parsed = PeriodChoiceSchema.safeParse({ ...defaultChoice(today), ...params });
  return parsed.success ? parsed.data : defaultChoice(today);
}

export function hashOf(choice: PeriodChoice): string {
  const params = new URLSearchParams({ kind: choice.kind, anchor: choice.anchor, compare: choice.compare });
  if (choice.kind === 'custom') {
    if (choice.from) params.set('from', choice.from);
    if (choice.to) params.set('to', choice.to);
  }
  return `#/dashboard?${params.toString()}`;
}

/** The period chosen and a setter that rewrites the URL in place (a period change is not a step back in history). */
export function usePeriodChoice(today: string): [PeriodChoice, (next: PeriodChoice) => void] {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  const choice = choiceFromHash(hash, today);
  const setChoice = useCallback((next: PeriodChoice) => {
    window.location.replace(hashOf(next));
  }, []);
  return [choice, setChoice];
}
