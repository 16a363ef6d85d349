import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../platform/api';
import { TextInput } from '../../ui/formKit';
import { AccountForm, NewPasswordInputs } from './AccountForm';
import { OWN_PASSWORD, OwnPasswordFormSchema } from './accountForms';
import './users.css';

/** Settings → Change my password, for every signed-in user: the current password, then the new one twice. */
export function OwnPassword() {
  const { t } = useTranslation();
  const [changed, setChanged] = useState(false);
  return (
    <section className="section own-password" aria-labelledby="own-password-title">
      <h2 id="own-password-title">{t('ownPassword.title')}</h2>
      <AccountForm
        idPrefix="own-password"
        schema={OwnPasswordFormSchema}
        defaultValues={OWN_PASSWORD}
        submit={(input) => {
          setChanged(false);
          return api.call('users.changeOwnPassword', input);
        }}
        onSaved={() => setChanged(true)}
        submitLabel={t('ownPassword.submit')}
        resetOnSave
      >
        <div className="own-password-grid">
          <TextInput name="currentPassword" type="password" autoComplete="current-password" label={t('ownPassword.current')} required />
          <NewPasswordInputs label={t('ownPassword.new')} confirmLabel={t('ownPassword.confirm')} />
        </div>
      </AccountForm>
      {changed && (
        <div className="account-notice" role="status">
          {t('ownPassword.changed')}
        </div>
      )}
    </section>
  );
}
