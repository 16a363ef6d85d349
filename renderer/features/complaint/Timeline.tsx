import { useTranslation } from 'react-i18next';
import type { DomainEvent } from '../../../shared/domain/events';
import { timelineLine } from '../../../shared/print/timeline';
import { useSession } from '../../session/session';
import { formatDateTime } from '../../i18n/format';
import { parseLanguage } from '../../i18n/language';
import { useUserName } from '../../ui/useUserName';

/**
 * Every event of the complaint, oldest first: when, who, what (right column of the complaint page). The line is
 * the record sheet's (shared/print/timeline), so the screen and the signed paper say the same thing.
 */
export function Timeline({ events }: { events: readonly DomainEvent[] }) {
  const { t, i18n } = useTranslation();
  const { branch } = useSession();
  const userName = useUserName();
  const language = parseLanguage(i18n.language) ?? 'zh-CN';
  const context = { language, timeZone: branch.timeZone, userName, dateTime: (iso: string) => formatDateTime(iso, language, branch.timeZone) };
  return (
    <section className="section" aria-labelledby="timeline-title">
      <h2 id="timeline-title">{t('complaint.timeline')}</h2>
      {events.length === 0 ? (
        <p className="muted">{t('complaint.noEvents')}</p>
      ) : (
        <ol className="timeline">
          {events.map((event) => {
            const { title, detail } = timelineLine(event, context);
            return (
              <li key={event.id}>
                <div className="when">
                  <time dateTime={event.at}>{formatDateTime(event.at, language, branch.timeZone)}</time> · {userName(event.actor)}
                </div>
                <div>
                  <strong>{title}</strong>
                </div>
                {detail && <div className="muted">{detail}</div>}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
