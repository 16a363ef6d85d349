import { useEffect, useId, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { NOTICE_FILE_MAX_CHARS, type NoticePreview } from '../../../shared/api/calendar';
import type { ApiInput } from '../../../shared/api/contract';
import { calendarCoverage } from '../../../shared/calendar/coverage';
import type { DayChange, DayMark, NoticeFormat } from '../../../shared/calendar/notice';
import { refusalOf } from '../../../shared/refusals';
import type { Refusal } from '../../../shared/result';
import { formatDateTime } from '../../i18n/format';
import { parseLanguage } from '../../i18n/language';
import { refusalText } from '../../i18n/refusal';
import { api } from '../../platform/api';
import { useCalendarInForce } from '../../session/calendar';
import { useReadOnly, useSession } from '../../session/session';
import './calendar.css';

type NoticeFile = ApiInput<'calendar.previewNotice'>;

/** By the file's extension; a file named otherwise is JSON when it looks like JSON. */
export function noticeFormatOf(fileName: string, text: string): NoticeFormat {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.json')) return 'json';
  if (lower.endsWith('.ics') || lower.endsWith('.ical')) return 'ics';
  return text.trimStart().startsWith('{') ? 'json' : 'ics';
}

/** The years the calendar in force lists, and where each one's holidays come from. */
function useYearSources() {
  const { calendar, imports } = useCalendarInForce();
  const { through, provisionalFrom } = calendarCoverage({ doc: calendar });
  const dates = calendar.holidays.map((holiday) => (typeof holiday === 'string' ? holiday : 'date' in holiday ? holiday.date : holiday.from));
  if (through === undefined || dates.length === 0) return [];
  const first = Number(dates.reduce((a, b) => (a < b ? a : b)).slice(0, 4));
  const last = Number(through.slice(0, 4));
  return Array.from({ length: last - first + 1 }, (_, i) => {
    const year = first + i;
    const imported = imports.find((record) => record.year === year);
    const provisional = !imported && provisionalFrom !== undefined && provisionalFrom <= `${year}-12-31`;
    return { year, imported, provisional };
  });
}

function CalendarStatus() {
  const { t, i18n } = useTranslation();
  const { branch } = useSession();
  const language = parseLanguage(i18n.language) ?? 'zh-CN';
  const { calendar } = useCalendarInForce();
  const { through } = calendarCoverage({ doc: calendar });
  return (
    <>
      <p className="muted flush">{through ? t('calendar.intro', { through }) : t('calendar.neverEnds')}</p>
      <ul className="calendar-years" aria-label={t('calendar.yearsLabel')}>
        {useYearSources().map(({ year, imported, provisional }) => (
          <li key={year} data-provisional={provisional || undefined}>
            <strong className="tabular">{year}</strong>
            {provisional ? (
              <>
                <span className="tag calendar-provisional">{t('calendar.provisional')}</span>
                <span className="muted">{t('calendar.provisionalHint')}</span>
              </>
            ) : imported ? (
              <span>
                {t(imported.headOfficeVersion === undefined ? 'calendar.importedFrom' : 'calendar.publishedFrom', {
                  version: imported.headOfficeVersion,
                  when: formatDateTime(imported.importedAt, language, branch.timeZone),
                  who: imported.importedBy,
                  file: imported.fileName ?? t(`calendar.format.${imported.format}`),
                })}
              </span>
            ) : (
              <span>{t('calendar.shipped')}</span>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}

/** Where the calendar comes from: head office's version at an enrolled branch, and what publishing means at head office. */
function CalendarOrigin() {
  const { t, i18n } = useTranslation();
  const { branch } = useSession();
  const atHeadOffice = useReadOnly();
  const { importsHere, headOffice } = useCalendarInForce();
  const language = parseLanguage(i18n.language) ?? 'zh-CN';
  const when = (iso: string) => formatDateTime(iso, language, branch.timeZone);
  if (!importsHere) {
    return (
      <div className="banner banner-info" role="status">
        {headOffice ? t('calendar.headOfficeInForce', { version: headOffice.version, when: when(headOffice.arrivedAt ?? headOffice.publishedAt) }) : t('calendar.headOfficeNotYet')}
      </div>
    );
  }
  if (!atHeadOffice) return null;
  return (
    <p className="flush" role="status">
      {headOffice ? t('calendar.published', { version: headOffice.version, when: when(headOffice.publishedAt) }) : t('calendar.notPublished')}
    </p>
  );
}

function markText(t: ReturnType<typeof useTranslation>['t'], mark: DayMark, weekday: number, workingWeekdays: readonly number[]): string {
  if (mark.kind === 'ordinary') return t(workingWeekdays.includes(weekday) ? 'calendar.mark.workingWeekday' : 'calendar.mark.weekend');
  const kind = t(`calendar.mark.${mark.kind}`);
  return mark.name ? `${kind} · ${mark.name}` : kind;
}

function ChangeRow({ change, workingWeekdays, weekdayName }: { change: DayChange; workingWeekdays: readonly number[]; weekdayName: (date: string) => string }) {
  const { t } = useTranslation();
  const addedWorkday = change.change === 'workday_added';
  return (
    <tr data-change={change.change}>
      <td className="tabular">{change.date}</td>
      <td>{weekdayName(change.date)}</td>
      <td>
        <span className={`tag calendar-change${addedWorkday ? ' tag-danger' : ''}`}>{t(`calendar.change.${change.change}`)}</span>
      </td>
      <td className="muted">{markText(t, change.before, change.weekday, workingWeekdays)}</td>
      <td>{markText(t, change.after, change.weekday, workingWeekdays)}</td>
    </tr>
  );
}

function Preview({ file, preview, busy, onApply, onCancel }: { file: NoticeFile; preview: NoticePreview; busy: boolean; onApply: () => void; onCancel: () => void }) {
  const { t, i18n } = useTranslation();
  const atHeadOffice = useReadOnly();
  const { calendar } = useCalendarInForce();
  const titleId = useId();
  const weekdayFormat = new Intl.DateTimeFormat(i18n.language, { weekday: 'short', timeZone: 'UTC' });
  const weekdayName = (date: string) => weekdayFormat.format(new Date(`${date}T00:00:00Z`));
  const count = (kind: DayChange['change']) => preview.changes.filter((change) => change.change === kind).length;
  const addedWorkdays = preview.changes.filter((change) => change.change === 'workday_added');
  return (
    <div className="calendar-preview" role="region" aria-labelledby={titleId}>
      <h3 id={titleId}>{t('calendar.previewTitle', { year: preview.year, file: file.fileName ?? t(`calendar.format.${file.format}`) })}</h3>
      <p className="flush">
        {preview.changes.length === 0
          ? t('calendar.noChanges')
          : t('calendar.summary', {
              holidaysAdded: count('holiday_added'),
              workdaysAdded: count('workday_added'),
              removed: count('holiday_removed') + count('workday_removed'),
              renamed: count('renamed'),
            })}{' '}
        {preview.wasProvisional && preview.provisionalFrom === undefined && t('calendar.endsProvisional', { year: preview.year })}
      </p>
      {addedWorkdays.length > 0 && (
        <div className="banner banner-warning" role="alert">
          <strong>{t('calendar.addedWorkdaysTitle', { count: addedWorkdays.length, dates: addedWorkdays.map((change) => change.date).join(', ') })}</strong>{' '}
          {t('calendar.addedWorkdaysHint')}
        </div>
      )}
      {preview.changes.length > 0 && (
        <div className="calendar-changes">
          <table className="calendar-table" aria-label={t('calendar.changesLabel')}>
            <thead>
              <tr>
                <th scope="col">{t('calendar.col.date')}</th>
                <th scope="col">{t('calendar.col.weekday')}</th>
                <th scope="col">{t('calendar.col.change')}</th>
                <th scope="col">{t('calendar.col.before')}</th>
                <th scope="col">{t('calendar.col.after')}</th>
              </tr>
            </thead>
            <tbody>
              {preview.changes.map((change) => (
                <ChangeRow key={change.date} change={change} workingWeekdays={calendar.workingWeekdays} weekdayName={weekdayName} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="calendar-actions">
        <button type="button" className="btn" onClick={onCancel} disabled={busy}>
          {t('calendar.cancel')}
        </button>
        <button type="button" className="btn btn-primary" onClick={onApply} disabled={busy}>
          {t(atHeadOffice ? 'calendar.publish' : 'calendar.apply', { year: preview.year })}
        </button>
      </div>
    </div>
  );
}

/**
 * Settings → Working calendar (admins): where each year's holidays come from, and the import of a year's State
 * Council holiday notice (.ics or JSON) — main previews what it would change day by day, and nothing changes
 * until the admin applies it. Every window then counts deadlines on the new calendar. At head office, applying
 * publishes the next version for branches; a branch enrolled with head office takes that and imports nothing.
 */
export function CalendarImport() {
  const { t } = useTranslation();
  const inForce = useCalendarInForce();
  const inputId = useId();
  const [chosen, setChosen] = useState<{ file: NoticeFile; preview: NoticePreview } | null>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [busy, setBusy] = useState(false);
  const { adopt, importsHere } = inForce;

  // Asked afresh when the section opens: enrolling, or a version from head office, may have come since the last check.
  useEffect(() => {
    let live = true;
    void api.call('calendar.get', {}).then((result) => live && result.ok && adopt(result.value));
    return () => {
      live = false;
    };
  }, [adopt]);

  async function onFileChosen(event: ChangeEvent<HTMLInputElement>) {
    const chosenFile = event.target.files?.[0];
    // The same file chosen again (after fixing it) must fire again.
    event.target.value = '';
    if (!chosenFile) return;
    setRefusal(null);
    setChosen(null);
    if (chosenFile.size > NOTICE_FILE_MAX_CHARS * 4) {
      setRefusal(refusalOf('payload_too_large', `${chosenFile.name} is too large for a holiday notice`));
      return;
    }
    setBusy(true);
    const text = await chosenFile.text();
    const file: NoticeFile = { format: noticeFormatOf(chosenFile.name, text), text, fileName: chosenFile.name.slice(0, 200) };
    const preview = await api.call('calendar.previewNotice', file);
    setBusy(false);
    if (preview.ok) setChosen({ file, preview: preview.value });
    else setRefusal(preview.error);
  }

  async function apply() {
    if (!chosen) return;
    setBusy(true);
    const imported = await api.call('calendar.importNotice', { ...chosen.file, basedOn: chosen.preview.basedOn });
    setBusy(false);
    if (!imported.ok) {
      setRefusal(imported.error);
      return;
    }
    setChosen(null);
    adopt(imported.value);
  }

  return (
    <section className="section calendar-import" aria-labelledby="calendar-import-title">
      <div className="section-head">
        <h2 id="calendar-import-title">{t('calendar.title')}</h2>
        <span className="spacer" />
        {importsHere && (
          <>
            <label className={`btn${chosen ? '' : ' btn-primary'}`} htmlFor={inputId} aria-disabled={busy || undefined}>
              {t('calendar.choose')}
            </label>
            <input id={inputId} className="visually-hidden" type="file" accept=".ics,.json,text/calendar,application/json" onChange={(event) => void onFileChosen(event)} disabled={busy} />
          </>
        )}
      </div>
      <CalendarOrigin />
      <CalendarStatus />
      {importsHere && <p className="muted flush">{t('calendar.chooseHint')}</p>}
      {refusal && (
        <div className="banner banner-error" role="alert">
          {t('calendar.refused')} {refusalText(t, refusal)}
          {refusal.path && <span className="calendar-where">{t('calendar.where', { path: refusal.path })}</span>}
          <br />
          {t('calendar.nothingChanged')}
        </div>
      )}
      {chosen && <Preview file={chosen.file} preview={chosen.preview} busy={busy} onApply={() => void apply()} onCancel={() => setChosen(null)} />}
    </section>
  );
}
