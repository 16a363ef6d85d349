import { useTranslation } from 'react-i18next';

/** Grade 1 red, 2 orange, 3 blue, 4 grey — always with the number, so colour is never the only signal. */
export function GradeChip({ grade }: { grade: 1 | 2 | 3 | 4 }) {
  const { t } = useTranslation();
  return (
    <span className="grade-chip" data-grade={grade} title={t('grade.label', { grade })} aria-label={t('grade.label', { grade })}>
      {grade}
    </span>
  );
}
