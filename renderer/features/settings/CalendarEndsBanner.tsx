import { useTranslation } from 'react-i18next';
import { CALENDAR_WARNING_DAYS, calendarCoverage, daysLeftInCalendar } from '../../../shared/calendar/coverage';
import { useCalendarInForce } from '../../session/calendar';
import { routeHref } from '../../session/routes';
import { useSession } from '../../session/session';
import { useNow } from '../../store';
import './calendar.css';

/**
 * Admins are warned from 30 days before the working calendar runs out (and after): past its end deadlines are
 * counted on ordinary weeks without public holidays. The fix is the next year's notice, imported in Settings —
 * or, at a branch enrolled with head office, published by head office.
 */
export function CalendarEndsBanner() {
  const { t } = useTranslation();
  const { user } = useSession();
  const { compiled, importsHere } = useCalendarInForce();
  const now = useNow(60_000);
  const { through } = calendarCoverage(compiled);
  const daysLeft = daysLeftInCalendar(calendarCoverage(compiled), compiled.dayOf(Date.parse(now)));
  if (user.role !== 'admin' || through === undefined || daysLeft === undefined || daysLeft > CALENDAR_WARNING_DAYS) return null;
  const nextYear = Number(through.slice(0, 4)) + 1;
  return (
    <div className="banner banner-warning calendar-ends" role="status">
      {daysLeft < 0 ? t('calendar.ended', { through }) : t('calendar.endsSoon', { through, count: daysLeft })} {t(importsHere ? 'calendar.importNext' : 'calendar.awaitHeadOffice', { year: nextYear })}{' '}
      <a href={routeHref({ name: 'settings' })}>{t('calendar.openSettings')}</a>
    </div>
  );
}
