/**
 * The one form kit (issue 8): labelled controls bound to the surrounding react-hook-form form — registration,
 * the complaint's action dialogs, the account forms and the first run all build their fields from these. Each
 * control has a real `<label for>` (tests and screen readers find fields by label), a required mark, its hint,
 * and its error announced with it: "required" for a blank field, a broken rule with its limit, a refusal from
 * main with its parameters (`refusalOnField`, carried by `refusalFieldError`), else the field's own sentence.
 */
import { createContext, useContext, type ComponentProps, type InputHTMLAttributes, type ReactElement } from 'react';
import { useFormContext, type FieldValues, type Path, type UseFormReturn } from 'react-hook-form';
import type { Refusal } from '../../shared/result';
import { Field, fieldAria } from './Field';
import { refusalFieldError, useFieldError } from './fieldError';

export { useFieldError } from './fieldError';

/** Control ids of one form (`${prefix}-${name}`): a page and a dialog on it may both hold a "password" field. */
export const FormIdPrefix = createContext('form');

/** The control id of a field of the surrounding form; dots of nested names become dashes. */
export function useFieldId(name: string): string {
  return `${useContext(FormIdPrefix)}-${name.replace(/\./g, '-')}`;
}

/** What every field of the kit takes. */
interface FieldProps {
  name: string;
  label: string;
  required?: boolean;
  hint?: string;
  className?: string;
  /** The field's own sentence for a problem that is neither "required" nor a limit (e.g. the phone format). */
  fallbackKey?: string;
  /** Values the fallback sentence needs (`{ min: 8 }`). */
  params?: Record<string, string | number>;
}

export interface Option {
  value: string;
  label: string;
}

export function TextInput({ name, label, required, hint, className, fallbackKey, params, ...input }: FieldProps & InputHTMLAttributes<HTMLInputElement>) {
  const { register } = useFormContext();
  const error = useFieldError(name, fallbackKey, params);
  const id = useFieldId(name);
  return (
    <Field id={id} label={label} required={required} error={error} hint={hint} className={className}>
      <input type="text" autoComplete="off" {...input} {...fieldAria(id, error, hint)} {...register(name)} />
    </Field>
  );
}

export function TextArea({ name, label, required, hint, className, fallbackKey, params, rows = 3 }: FieldProps & { rows?: number }) {
  const { register } = useFormContext();
  const error = useFieldError(name, fallbackKey, params);
  const id = useFieldId(name);
  return (
    <Field id={id} label={label} required={required} error={error} hint={hint} className={className}>
      <textarea rows={rows} {...fieldAria(id, error, hint)} {...register(name)} />
    </Field>
  );
}

export function SelectInput({
  name,
  label,
  required,
  hint,
  className,
  fallbackKey,
  params,
  options,
  placeholder,
  disabled,
  autoFocus,
}: FieldProps & { options: readonly Option[]; placeholder?: string; disabled?: boolean; autoFocus?: boolean }) {
  const { register } = useFormContext();
  const error = useFieldError(name, fallbackKey, params);
  const id = useFieldId(name);
  return (
    <Field id={id} label={label} required={required} error={error} hint={hint} className={className}>
      <select disabled={disabled} autoFocus={autoFocus} {...fieldAria(id, error, hint)} {...register(name)}>
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

/** One checkbox writing a boolean. */
export function CheckboxInput({ name, label }: { name: string; label: string }) {
  const { register } = useFormContext();
  const id = useFieldId(name);
  return (
    <label className="check" htmlFor={id}>
      <input type="checkbox" id={id} {...register(name)} /> {label}
    </label>
  );
}

/** A group of checkboxes writing a list of values; the group's legend names it. */
export function CheckboxGroup({
  name,
  legend,
  options,
  required,
  className,
  disabled,
  locked = [],
}: {
  name: string;
  legend: string;
  options: readonly Option[];
  required?: boolean;
  className?: string;
  disabled?: boolean;
  /** Values that follow from other answers or the record: shown ticked, not editable, not part of the list. */
  locked?: readonly string[];
}) {
  const { register } = useFormContext();
  const error = useFieldError(name);
  const id = useFieldId(name);
  return (
    <fieldset className={className ? `check-group ${className}` : 'check-group'} aria-describedby={error ? `${id}-error` : undefined} aria-invalid={error ? true : undefined}>
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

/**
 * Puts a refusal from main on the field it names (its code and parameters, as data) when the form has that
 * field, and answers undefined; otherwise answers the refusal, for the form's banner.
 */
export function refusalOnField<V extends FieldValues>(form: Pick<UseFormReturn<V, unknown, unknown>, 'setError' | 'getValues'>, refusal: Refusal): Refusal | undefined {
  const path = refusal.path;
  if (path === undefined || path === '') return refusal;
  const values: unknown = form.getValues();
  const top = path.split('.')[0] ?? '';
  if (typeof values !== 'object' || values === null || !(top in values)) return refusal;
  // The form's values hold the field: its path is one of the form's paths.
  form.setError(path as Path<V>, refusalFieldError(refusal), { shouldFocus: true });
  return undefined;
}

/**
 * The kit's fields with names checked against one form's values (`Path<V>`): the same components, typed for
 * that form, so a misspelt field name is a compile error.
 */
export interface TypedFormKit<V extends FieldValues> {
  TextInput: (props: ComponentProps<typeof TextInput> & { name: Path<V> }) => ReactElement;
  TextArea: (props: ComponentProps<typeof TextArea> & { name: Path<V> }) => ReactElement;
  SelectInput: (props: ComponentProps<typeof SelectInput> & { name: Path<V> }) => ReactElement;
  CheckboxInput: (props: ComponentProps<typeof CheckboxInput> & { name: Path<V> }) => ReactElement;
  CheckboxGroup: (props: ComponentProps<typeof CheckboxGroup> & { name: Path<V> }) => ReactElement;
  useFieldError: (name: Path<V>, fallbackKey?: string, params?: Record<string, string | number>) => string | undefined;
  useFieldId: (name: Path<V>) => string;
}

export function typedFormKit<V extends FieldValues>(): TypedFormKit<V> {
  return { TextInput, TextArea, SelectInput, CheckboxInput, CheckboxGroup, useFieldError, useFieldId };
}
