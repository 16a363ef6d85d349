/**
 * Labelled inputs bound to the registration form (react-hook-form context). Ids derive from the field path,
 * so every control has a real `<label for>` and its inline error is announced with it.
 */
import type { InputHTMLAttributes, ReactNode } from 'react';
import { useFormContext, type Path } from 'react-hook-form';
import { Field, fieldAria } from '../../ui/Field';
import { useFieldError as useSharedFieldError } from '../../ui/fieldError';
import type { RegistrationFormValues } from './formSchema';

export type FormPath = Path<RegistrationFormValues>;

export const fieldId = (name: string): string => `reg-${name.replace(/\./g, '-')}`;

/** The translated error of a registration field, if any. */
export const useFieldError: (name: FormPath, fallbackKey?: string, params?: Record<string, string | number>) => string | undefined = useSharedFieldError;

interface BaseProps {
  name: FormPath;
  label: string;
  required?: boolean;
  className?: string;
  fallbackKey?: string;
  hint?: string;
}

export function TextInput({ name, label, required, className, fallbackKey, hint, ...input }: BaseProps & InputHTMLAttributes<HTMLInputElement>) {
  const { register } = useFormContext<RegistrationFormValues>();
  const error = useFieldError(name, fallbackKey);
  const id = fieldId(name);
  return (
    <Field id={id} label={label} required={required} error={error} hint={hint} className={className}>
      <input type="text" autoComplete="off" {...input} {...fieldAria(id, error, hint)} {...register(name)} />
    </Field>
  );
}

export function TextArea({ name, label, required, className, rows = 3 }: BaseProps & { rows?: number }) {
  const { register } = useFormContext<RegistrationFormValues>();
  const error = useFieldError(name);
  const id = fieldId(name);
  return (
    <Field id={id} label={label} required={required} error={error} className={className}>
      <textarea rows={rows} {...fieldAria(id, error)} {...register(name)} />
    </Field>
  );
}

export interface Option {
  value: string;
  label: string;
}

export function SelectInput({ name, label, required, className, options, placeholder, disabled, autoFocus }: BaseProps & { options: readonly Option[]; placeholder?: string; disabled?: boolean; autoFocus?: boolean }) {
  const { register } = useFormContext<RegistrationFormValues>();
  const error = useFieldError(name);
  const id = fieldId(name);
  return (
    <Field id={id} label={label} required={required} error={error} className={className}>
      <select disabled={disabled} autoFocus={autoFocus} {...fieldAria(id, error)} {...register(name)}>
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

/** A group of checkboxes writing a list of values; the group's legend names it. */
export function CheckboxGroup({ name, legend, options, required, className, disabled, locked = [] }: {
  name: FormPath;
  legend: string;
  options: readonly Option[];
  required?: boolean;
  className?: string;
  disabled?: boolean;
  /** Values that follow from other answers: shown ticked, not editable here. */
  locked?: readonly string[];
}) {
  const { register } = useFormContext<RegistrationFormValues>();
  const error = useFieldError(name);
  const id = fieldId(name);
  return (
    <fieldset className={`check-group ${className ?? ''}`} aria-describedby={error ? `${id}-error` : undefined} aria-invalid={error ? true : undefined}>
      <legend className={required ? 'required' : undefined}>{legend}</legend>
      {options.map((option) =>
        // Distinct keys: a locked box that unlocks is a new input, so no tick stays on screen that the form no
        // longer holds (React would otherwise keep the old DOM node's `checked`).
        locked.includes(option.value) ? (
          <label key={`locked-${option.value}`} className="check">
            <input type="checkbox" checked disabled readOnly />
            {option.label}
          </label>
        ) : (
          <label key={option.value} className="check">
            <input type="checkbox" value={option.value} disabled={disabled} {...register(name)} />
            {option.label}
          </label>
        ),
      )}
      {error && (
        <span id={`${id}-error`} className="field-error" role="alert">
          {error}
        </span>
      )}
    </fieldset>
  );
}

export function Section({ step, title, children }: { step: number; title: string; children: ReactNode }) {
  const headingId = `reg-section-${step}`;
  return (
    <section className="section" aria-labelledby={headingId}>
      <h2 id={headingId}>
        <span className="step">{step}</span>
        {title}
      </h2>
      {children}
    </section>
  );
}
