import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { policyBook, type PolicyBook, type PolicyVersion } from '../../shared/policy/book';
import type { Refusal } from '../../shared/result';
import { refusalText } from '../i18n/refusal';
import { api } from '../platform/api';

/** Main's policy book: every version the branch ran, the last in force for new complaints. */
export interface PolicyBookValue {
  readonly book: PolicyBook;
  /** Asks main again at once (after a save here, or when sync may have brought head office's policy). */
  refresh(): void;
}

/** How often a window asks main whether a version arrived (saved in another window, or pulled from head office). */
const CHECK_MS = 60_000;

const PolicyContext = createContext<PolicyBookValue | null>(null);

export function usePolicyBookValue(): PolicyBookValue {
  const value = useContext(PolicyContext);
  if (!value) throw new Error('usePolicyBookValue outside PolicyProvider');
  return value;
}

/** The same versions answered again keep the book's identity, so the desk's store is not reopened for nothing. */
const sameVersions = (book: PolicyBook, versions: readonly PolicyVersion[]) =>
  book.versions.length === versions.length && book.versions.every((entry, i) => entry.policy.version === versions[i]?.policy.version);

/**
 * Asks main for the policy book once signed in and provides it: every deadline this window shows is counted under
 * the version its complaint was graded under, as main counts it.
 */
export function PolicyProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [book, setBook] = useState<PolicyBook | null>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [attempt, setAttempt] = useState(0);

  const adopt = useCallback(
    (versions: readonly PolicyVersion[]) => setBook((current) => (current && sameVersions(current, versions) ? current : policyBook(versions))),
    [],
  );
  const refresh = useCallback(() => {
    void api.call('policy.history', {}).then((result) => result.ok && adopt(result.value.versions));
  }, [adopt]);

  useEffect(() => {
    let live = true;
    void api.call('policy.history', {}).then((result) => {
      if (!live) return;
      if (result.ok) adopt(result.value.versions);
      else setRefusal(result.error);
    });
    // A failed check waits for the next one; the book in hand stays right for every complaint it knows.
    const check = setInterval(() => {
      void api.call('policy.history', {}).then((result) => live && result.ok && adopt(result.value.versions));
    }, CHECK_MS);
    return () => {
      live = false;
      clearInterval(check);
    };
  }, [adopt, attempt]);

  const value = useMemo<PolicyBookValue | null>(() => (book ? { book, refresh } : null), [book, refresh]);

  if (refusal) {
    return (
      <main className="auth-page">
        <div className="banner banner-error" role="alert">
          {refusalText(t, refusal)}{' '}
          <button
            type="button"
            className="btn"
            onClick={() => {
              setRefusal(null);
              setAttempt((n) => n + 1);
            }}
          >
            {t('common.retry')}
          </button>
        </div>
      </main>
    );
  }
  if (!value) return <p className="auth-page muted">{t('app.loading')}</p>;
  return <PolicyContext.Provider value={value}>{children}</PolicyContext.Provider>;
}
