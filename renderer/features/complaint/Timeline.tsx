import { useTranslation } from 'react-i18next';
import type { DomainEvent } from '../../../shared/domain/events';
import { useSession } from '../../app/session';
import { formatDateTime } from '../../i18n/format';
import { parseLanguage } from '../../i18n/language';
import { useUserName } from '../../ui/useUserName';
import { eventDetail } from './timelineText';

/** Every event of the complaint, oldest first: when, who, what (right column of the complaint page). */
export function Timeline({ events }: { events: readonly DomainEvent[] }) {
  const { t, i18n } = useTranslation();
  const { branch } = useSession();
  const userName = useUserName();
  const language = parseLanguage(i18n.language) ?? 'zh-CN';
  return (
    <section className="section" aria-labelledby="timeline-title">
      <h2 id="timeline-title">{t('complaint.timeline')}</h2>
      {events.length === 0 ? (
        <p className="muted">{t('complaint.noEvents')}</p>
      ) : (
        <ol className="timeline">
          {events.map((event) => {
            const detail = eventDetail(event, t, userName);
            return (
              <li key={event.id}>
                <div className="when">
                  <time dateTime={event.at}>{formatDateTime(event.at, language, branch.timeZone)}</time> · {userName(event.actor)}
                </div>
                <div>
                  <strong>{t(`event.${event.type}`, { defaultValue: t('eventOther', { type: event.type }) })}</strong>
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
