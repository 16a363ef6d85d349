import type { ReactNode } from 'react';

/** A label and its value; rows with nothing to show are left out. `key` when the label may repeat (dates). */
export type Row = readonly [label: string, value: ReactNode, key?: string];

const hasValue = ([, value]: Row) => value !== undefined && value !== '' && value !== null && value !== false;

/** A titled list of label/value rows in the record column; nothing at all when no row has a value and `hideEmpty`. */
export function RecordBlock({ title, rows, hideEmpty = false }: { title: string; rows: readonly Row[]; hideEmpty?: boolean }) {
  const shown = rows.filter(hasValue);
  if (hideEmpty && shown.length === 0) return null;
  return (
    <section className="section">
      <h2>{title}</h2>
      <dl>
        {shown.map(([label, value, key]) => (
          <div key={key ?? label} className="contents">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
