import { useTranslation } from 'react-i18next';
import { localName } from '../../ui/categories';
import { GradeChip } from '../../ui/GradeChip';
import { usePolicy } from '../../ui/policy';
import { useUsers } from '../../store';
import { NO_FILTERS, type BoardFilters } from './boardModel';
import { useReadOnly } from '../../session/session';

interface BoardFilterBarProps {
  filters: BoardFilters;
  onChange: (next: BoardFilters) => void;
  /** The branches this copy holds; the branch filter shows only with more than one (head office). */
  branches: readonly string[];
  /** '' for every branch. */
  branch: string;
  onBranch: (branch: string) => void;
}

const GRADES = [1, 2, 3, 4] as const;

/** Branch (head office), grade, category, assignee or "mine", overdue / due soon, free text. */
export function BoardFilterBar({ filters, onChange, branches, branch, onBranch }: BoardFilterBarProps) {
  const { t, i18n } = useTranslation();
  const policy = usePolicy();
  const users = useUsers();
  const readOnly = useReadOnly();
  const filtered = JSON.stringify(filters) !== JSON.stringify(NO_FILTERS) || branch !== '';
  const toggleGrade = (grade: (typeof GRADES)[number], on: boolean) =>
    onChange({ ...filters, grades: on ? [...filters.grades, grade].sort() : filters.grades.filter((g) => g !== grade) });
  return (
    <div className="filter-bar board-filters" role="search" aria-label={t('board.filters.label')}>
      <div className="field field-search">
        <label htmlFor="board-search">{t('board.filters.search')}</label>
        <input
          id="board-search"
          type="search"
          autoComplete="off"
          placeholder={t('board.filters.searchPlaceholder')}
          value={filters.text}
          onChange={(event) => onChange({ ...filters, text: event.target.value })}
        />
      </div>
      {branches.length > 1 && (
        <div className="field">
          <label htmlFor="board-branch">{t('headOffice.branchFilter')}</label>
          <select id="board-branch" value={branch} onChange={(event) => onBranch(event.target.value)}>
            <option value="">{t('common.all')}</option>
            {branches.map((code) => (
              <option key={code} value={code}>
                {code}
              </option>
            ))}
          </select>
        </div>
      )}
      <fieldset className="check-group board-grades">
        <legend>{t('board.filters.grade')}</legend>
        {GRADES.map((grade) => (
          <label key={grade} className="check grade-toggle" data-grade={grade} title={t('grade.label', { grade })}>
            <input type="checkbox" checked={filters.grades.includes(grade)} onChange={(event) => toggleGrade(grade, event.target.checked)} aria-label={t('grade.label', { grade })} />
            <GradeChip grade={grade} />
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor="board-category">{t('board.filters.category')}</label>
        <select id="board-category" value={filters.category} onChange={(event) => onChange({ ...filters, category: event.target.value })}>
          <option value="">{t('common.all')}</option>
          {policy.categories.map((category) => (
            <option key={category.code} value={category.code}>
              {localName(category, i18n.language)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="board-assignee">{t('board.filters.assignee')}</label>
        <select id="board-assignee" value={filters.assignee} disabled={filters.mine} onChange={(event) => onChange({ ...filters, assignee: event.target.value })}>
          <option value="">{t('common.all')}</option>
          {(users ?? []).map((user) => (
            <option key={user.id} value={user.id}>
              {user.displayName || user.username}
            </option>
          ))}
        </select>
      </div>
      <div className="board-checks">
        {/* Head office handles no complaint itself: "mine" would always be empty there. */}
        {!readOnly && (
          <label className="check">
            <input type="checkbox" checked={filters.mine} onChange={(event) => onChange({ ...filters, mine: event.target.checked })} />
            {t('board.filters.mine')}
          </label>
        )}
        <label className="check">
          <input type="checkbox" checked={filters.overdue} onChange={(event) => onChange({ ...filters, overdue: event.target.checked })} />
          {t('board.filters.overdue')}
        </label>
        <label className="check">
          <input type="checkbox" checked={filters.dueSoon} onChange={(event) => onChange({ ...filters, dueSoon: event.target.checked })} />
          {t('board.filters.dueSoon')}
        </label>
      </div>
      {filtered && (
        <button
          type="button"
          className="btn-link board-clear"
          onClick={() => {
            onChange(NO_FILTERS);
            onBranch('');
          }}
        >
          {t('board.filters.clear')}
        </button>
      )}
    </div>
  );
}
