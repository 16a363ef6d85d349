/**
 * The registration form's fields: the shared form kit (renderer/ui/formKit.tsx) with names checked against the
 * registration's values, and the numbered sections the form is laid out in.
 */
import type { ReactNode } from 'react';
import type { Path } from 'react-hook-form';
import { typedFormKit, type Option } from '../../ui/formKit';
import type { RegistrationFormValues } from './formSchema';

export type FormPath = Path<RegistrationFormValues>;
export type { Option };

/** Control ids of the registration form: `reg-complainant-phone`. */
export const REGISTRATION_ID_PREFIX = 'reg';

export const { TextInput, TextArea, SelectInput, CheckboxGroup, useFieldError, useFieldId } = typedFormKit<RegistrationFormValues>();

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
