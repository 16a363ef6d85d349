import { useTranslation } from 'react-i18next';
import { refusalText } from '../i18n/refusal';
import type { Refusal } from '../../shared/result';

/** A refusal as the screens show it: the translated sentence with its parameters, in an alert; nothing when there is none. */
export function RefusalBanner({ refusal }: { refusal: Pick<Refusal, 'code' | 'params'> | null | undefined }) {
  const { t } = useTranslation();
  if (!refusal) return null;
  return (
    <div className="banner banner-error" role="alert">
      {refusalText(t, refusal)}
    </div>
  );
}
