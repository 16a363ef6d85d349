import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RANKING_MIN_SAMPLE, type DashboardFigures, type RankRow } from '../../../shared/kpi/dashboard';
import { usePolicy } from '../../ui/policy';
import { useUserName } from '../../ui/useUserName';
import { useFormats } from './format';

type RankBy = 'department' | 'person' | 'branch';
const TAB_LABEL = { department: 'dashboard.ranking.byDepartment', person: 'dashboard.ranking.byPerson', branch: 'headOffice.comparison.title' } as const;
const NAME_LABEL = { department: 'dashboard.ranking.name.department', person: 'dashboard.ranking.name.person', branch: 'headOffice.comparison.branch' } as const;
const COLUMNS = ['count', 'composite', 'timeliness', 'satisfaction', 'resolutionRate'] as const;
type Column = (typeof COLUMNS)[number];

/**
 * Rows with enough complaints to rank first, then the small samples (listed, not ranked); within each, by the
 * column, nulls (not computable) last whichever the direction.
 */
function sortRows(rows: readonly RankRow[], by: Column, descending: boolean): RankRow[] {
  return [...rows].sort((a, b) => {
    if (a.smallSample !== b.smallSample) return a.smallSample ? 1 : -1;
    const x = a[by];
    const y = b[by];
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    return (descending ? y - x : x - y) || b.count - a.count;
  });
}

/** The composite KPI per department or person with its three parts and sample size; a row opens its complaints. */
export function RankingTable({ figures, onOpen }: { figures: DashboardFigures; onOpen: (by: RankBy, row: RankRow) => void }) {
  const { t } = useTranslation();
  const f = useFormats();
  const policy = usePolicy();
  const userName = useUserName();
  // Head office compares its branches first; a branch's desk (one branch) has no such tab.
  const comparesBranches = figures.ranking.branch.length > 1;
  const [by, setBy] = useState<RankBy>(comparesBranches ? 'branch' : 'department');
  const [sort, setSort] = useState<{ column: Column; descending: boolean }>({ column: 'composite', descending: true });
  const rows = sortRows(figures.ranking[by], sort.column, sort.descending);
  const nameOf = (row: RankRow) => (by === 'person' ? userName(row.key) : row.key || t('dashboard.none'));
  const cell = (value: number | null) => (value === null ? <span className="muted">{t('dashboard.ranking.undefined')}</span> : f.decimal(value));
  const w = policy.kpiWeights;
  const label = (column: Column) => t(`dashboard.ranking.${column}`);

  return (
    <section className="ranking" aria-labelledby="ranking-title">
      <div className="ranking-head">
        <h2 id="ranking-title">{t('dashboard.ranking.title')}</h2>
        <div className="segmented" role="tablist">
          {(comparesBranches ? (['branch', 'department', 'person'] as const) : (['department', 'person'] as const)).map((option) => (
            <button key={option} type="button" role="tab" aria-selected={by === option} className={by === option ? 'active' : ''} onClick={() => setBy(option)}>
              {t(TAB_LABEL[option])}
            </button>
          ))}
        </div>
        <span className="muted ranking-weights">
          {t('dashboard.ranking.weights', { timeliness: Math.round(w.timeliness * 100), satisfaction: Math.round(w.satisfaction * 100), resolution: Math.round(w.resolutionRate * 100) })}
        </span>
      </div>
      {rows.length === 0 ? (
        <p className="chart-empty" role="status">
          {t('dashboard.ranking.empty')}
        </p>
      ) : (
        <table className="data-table ranking-table">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{t(NAME_LABEL[by])}</th>
              {COLUMNS.map((column) => (
                <th key={column} scope="col" className="num" aria-sort={sort.column === column ? (sort.descending ? 'descending' : 'ascending') : undefined}>
                  <button
                    type="button"
                    className="th-sort"
                    title={t('dashboard.ranking.sortBy', { column: label(column) })}
                    onClick={() => setSort((current) => ({ column, descending: current.column === column ? !current.descending : true }))}
                  >
                    {label(column)}
                    {sort.column === column ? (sort.descending ? ' ▼' : ' ▲') : ''}
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => (
              <tr key={row.key} className={row.smallSample ? 'small-sample' : undefined} data-count={row.count}>
                <td className="num">{row.smallSample ? '—' : index + 1}</td>
                <td>
                  <button type="button" className="btn-link" onClick={() => onOpen(by, row)} title={t('dashboard.ranking.open', { name: nameOf(row), count: row.count })}>
                    {nameOf(row)}
                  </button>
                  {row.smallSample && (
                    <span className="sample-warning" title={t('dashboard.ranking.smallSample', { min: RANKING_MIN_SAMPLE })}>
                      ⚠ {t('dashboard.ranking.smallSampleShort')}
                    </span>
                  )}
                </td>
                <td className="num">{f.count(row.count)}</td>
                <td className="num strong">{cell(row.composite)}</td>
                <td className="num">{cell(row.timeliness)}</td>
                <td className="num">{cell(row.satisfaction)}</td>
                <td className="num">{cell(row.resolutionRate)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {rows.some((row) => row.smallSample) && <p className="muted small">⚠ {t('dashboard.ranking.smallSample', { min: RANKING_MIN_SAMPLE })}</p>}
    </section>
  );
}
