/**
 * Labelled controls for the action dialogs, bound to the dialog's form (react-hook-form context). Every control
 * has a real `<label for>` (tests and screen readers find fields by label) and its error announced with it.
 */
import type { InputHTMLAttributes, ReactNode } from 'react';
import { useFormContext } from 'react-hook-form';
import { Field, fieldAria } from '../../../ui/Field';
import { useFieldError } from '../../../ui/fieldError';

export const fieldId = (name: string): string => `act-${name}`;

interface BaseProps {
  name: string;
  label: string;
  required?: boolean;
  hint?: string;
  fallbackKey?: string;
}

export function TextField({
  name,
  label,
  required,
  hint,
  fallbackKey,
  multiline,
  ...input
}: BaseProps & { multiline?: boolean } & InputHTMLAttributes<HTMLInputElement>) {
  const { register } = useFormContext();
  const error = useFieldError(name, fallbackKey);
  const id = fieldId(name);
  return (
    <Field id={id} label={label} required={required} error={error} hint={hint}>
      {multiline ? (
        <textarea {...register(name)} {...fieldAria(id, error, hint)} rows={3} />
      ) : (
        <input type="text" {...input} {...register(name)} {...fieldAria(id, error, hint)} />
      )}
    </Field>
  );
}

export function SelectField({
  name,
  label,
  required,
  hint,
  fallbackKey,
  options,
  placeholder,
  disabled,
}: BaseProps & { options: readonly (readonly [value: string, text: string])[]; placeholder?: string; disabled?: boolean }) {
  const { register } = useFormContext();
  const error = useFieldError(name, fallbackKey);
  const id = fieldId(name);
  return (
    <Field id={id} label={label} required={required} error={error} hint={hint}>
      <select {...register(name)} {...fieldAria(id, error, hint)} disabled={disabled}>
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </Field>
  );
}

export function CheckField({ name, label }: { name: string; label: string }) {
  const { register } = useFormContext();
  const id = fieldId(name);
  return (
    <label className="check" htmlFor={id}>
      <input type="checkbox" id={id} {...register(name)} /> {label}
    </label>
  );
}

/** Several checkboxes writing one string list (flags, offers). */
export function CheckGroup({
  name,
  legend,
  required,
  options,
  locked = [],
}: {
  name: string;
  legend: string;
  required?: boolean;
  options: readonly (readonly [value: string, text: string])[];
  /** Values that are on and cannot be taken off (flags the record implies). */
  locked?: readonly string[];
}) {
  const { register } = useFormContext();
  const error = useFieldError(name);
  return (
    <fieldset className="check-group" aria-describedby={error ? `${fieldId(name)}-error` : undefined}>
      <legend className={required ? 'required' : undefined}>{legend}</legend>
      {options.map(([value, text]) => (
        <label key={value} className="check">
          <input type="checkbox" value={value} {...register(name)} disabled={locked.includes(value)} /> {text}
        </label>
      ))}
      {error && (
        <span id={`${fieldId(name)}-error`} className="field-error" role="alert">
          {error}
        </span>
      )}
    </fieldset>
  );
}

/** A two-column grid of fields inside a dialog. */
export function FormGrid({ children }: { children: ReactNode }) {
  return <div className="action-grid">{children}</div>;
}
