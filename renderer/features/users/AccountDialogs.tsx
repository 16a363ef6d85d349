/** The staff-accounts dialogs: add an account; edit, reset the password of, deactivate or reactivate one. */
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { PublicUser } from '../../../shared/api/schemas';
import { api } from '../../platform/api';
import { useOpenHeldBy } from '../../store';
import { Dialog } from '../../ui/Dialog';
import { TextInput } from '../../ui/formKit';
import { AccountForm, NewPasswordInputs, RoleSelect } from './AccountForm';
import { AddAccountFormSchema, EditAccountFormSchema, EMPTY_ACCOUNT, NEW_PASSWORD, NewPasswordFormSchema, type EditAccountValues } from './accountForms';

/** What the section opened: one dialog at a time. */
export type AccountDialogState =
  | { kind: 'add' }
  | { kind: 'edit'; user: PublicUser }
  | { kind: 'resetPassword'; user: PublicUser }
  | { kind: 'setActive'; user: PublicUser };

/** What was done, to be said in the UI language of the moment (the message key and the account's name). */
export interface SavedNotice {
  key: 'users.added' | 'users.saved' | 'users.passwordWasReset' | 'users.deactivated' | 'users.reactivated';
  name: string;
}

interface AccountDialogProps {
  dialog: AccountDialogState;
  onClose: () => void;
  /** Main saved the change. */
  onSaved: (notice: SavedNotice) => void;
}

export const accountName = (user: PublicUser): string => user.displayName || user.username;

const NO_FIELDS = z.strictObject({});

export function AccountDialog({ dialog, onClose, onSaved }: AccountDialogProps) {
  const { t } = useTranslation();
  switch (dialog.kind) {
    case 'add':
      return (
        <Dialog title={t('users.add')} onClose={onClose}>
          <AccountForm
            idPrefix="add-account"
            schema={AddAccountFormSchema}
            defaultValues={EMPTY_ACCOUNT}
            submit={(input) => api.call('users.create', input)}
            onSaved={(input) => onSaved({ key: 'users.added', name: input.displayName ?? input.username })}
            submitLabel={t('users.add')}
          >
            <div className="account-grid">
              <TextInput name="username" label={t('users.username')} required fallbackKey="validation.username" spellCheck={false} />
              <TextInput name="displayName" label={t('users.displayName')} hint={t('users.displayNameHint')} />
              <RoleSelect />
              <span />
              <NewPasswordInputs label={t('users.password')} confirmLabel={t('users.confirmPassword')} />
            </div>
          </AccountForm>
        </Dialog>
      );
    case 'edit': {
      const { user } = dialog;
      const values: EditAccountValues = { displayName: user.displayName, role: user.role };
      return (
        <Dialog title={t('users.editTitle', { name: user.username })} onClose={onClose}>
          <AccountForm
            idPrefix="edit-account"
            schema={EditAccountFormSchema}
            defaultValues={values}
            submit={(input) => api.call('users.update', { id: user.id, ...input })}
            onSaved={(input) => onSaved({ key: 'users.saved', name: input.displayName })}
            submitLabel={t('common.save')}
          >
            <TextInput name="displayName" label={t('users.displayName')} required />
            <RoleSelect />
          </AccountForm>
        </Dialog>
      );
    }
    case 'resetPassword': {
      const { user } = dialog;
      return (
        <Dialog title={t('users.resetTitle', { name: accountName(user) })} onClose={onClose}>
          <AccountForm
            idPrefix="reset-password"
            schema={NewPasswordFormSchema}
            defaultValues={NEW_PASSWORD}
            submit={(input) => api.call('users.resetPassword', { id: user.id, ...input })}
            onSaved={() => onSaved({ key: 'users.passwordWasReset', name: accountName(user) })}
            submitLabel={t('users.resetPassword')}
          >
            <p className="flush muted">{t('users.resetHint')}</p>
            <div className="account-grid">
              <NewPasswordInputs label={t('users.newPassword')} confirmLabel={t('users.confirmPassword')} />
            </div>
          </AccountForm>
        </Dialog>
      );
    }
    case 'setActive': {
      const { user } = dialog;
      const name = accountName(user);
      const activate = !user.active;
      return (
        <Dialog title={t(activate ? 'users.reactivateTitle' : 'users.deactivateTitle', { name })} onClose={onClose}>
          <AccountForm
            idPrefix="set-active"
            schema={NO_FIELDS}
            defaultValues={{}}
            submit={() => api.call('users.update', { id: user.id, active: activate })}
            onSaved={() => onSaved({ key: activate ? 'users.reactivated' : 'users.deactivated', name })}
            submitLabel={t(activate ? 'users.reactivate' : 'users.deactivate')}
          >
            <p className="flush">{t(activate ? 'users.reactivateText' : 'users.deactivateText', { name })}</p>
            {!activate && <OpenComplaintsWarning user={user} name={name} />}
          </AccountForm>
        </Dialog>
      );
    }
  }
}

/** Deactivating someone leaves their open complaints with them: say how many, so a supervisor hands them over. */
function OpenComplaintsWarning({ user, name }: { user: PublicUser; name: string }) {
  const { t } = useTranslation();
  const held = useOpenHeldBy(user.id);
  if (!held) return null;
  return (
    <div className="banner banner-warning" role="note">
      {t('users.stillHolds', { name, count: held })}
    </div>
  );
}
