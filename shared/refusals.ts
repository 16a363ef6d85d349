/**
 * The one catalogue of refusal codes (STYLE §6, issue 8 item 4): every code the domain, main and the transports
 * can answer with, and the parameters it carries. `refuse` / `no` take only a code listed here, with exactly its
 * parameters, and every UI language must translate every code (`Record<RefusalCode, string>` in
 * renderer/i18n): a new code without an entry, wrong parameters or a missing sentence is a compile error.
 *
 * A parameter is listed only when the translated sentence interpolates it (a unit test holds every language
 * to exactly these placeholders); details for logs and integrators stay in the English `message`.
 * The catalogue is a value, not only a type, so a refusal that crossed a transport can be checked against it.
 */
type ParamKind = 'string' | 'number';
type Spec = Readonly<Record<string, ParamKind>>;

const none = {} as const;

export const REFUSALS = {
  // ---- input, shape and transport ------------------------------------------------------------------------
  invalid_input: none,
  payload_too_complex: { limit: 'string', max: 'number' },
  payload_too_large: none,
  invalid_json: none,
  not_json: none,
  unsupported_media_type: none,
  method_not_allowed: none,
  missing_window: none,
  unauthorized: none,
  forbidden_origin: none,
  forbidden_sender: none,
  unknown_method: none,
  unreachable: none,
  bad_response: none,
  internal: none,
  /** A refusal from the other side whose code (or parameters) this build does not know: a version mismatch. */
  unknown_refusal: { code: 'string' },
  too_many_bug_reports: none,
  // ---- setup, accounts and sessions ----------------------------------------------------------------------
  already_configured: none,
  not_configured: none,
  branch_file_missing: { path: 'string' },
  invalid_time_zone: none,
  bad_credentials: none,
  too_many_attempts: { seconds: 'number' },
  not_signed_in: none,
  session_expired: { minutes: 'number' },
  account_disabled: none,
  not_allowed: none,
  unknown_user: none,
  username_taken: none,
  username_lookalike: { username: 'string' },
  username_mixed_script: none,
  name_control_char: none,
  password_too_short: { min: 'number' },
  password_blank: none,
  password_mismatch: none,
  wrong_current_password: none,
  reset_own_password: none,
  last_admin: none,
  cannot_deactivate_self: none,
  too_many_prefs: none,
  // ---- policy and calendar -------------------------------------------------------------------------------
  invalid_policy: none,
  policy_format_too_new: { found: 'number', supported: 'number' },
  invalid_calendar: none,
  invalid_ics: none,
  invalid_enrolment_code: none,
  invalid_notice: none,
  notice_empty: none,
  notice_spans_years: { years: 'string' },
  notice_year_not_next: { year: 'number', through: 'string' },
  calendar_changed: none,
  /** The branch follows head office's working calendar: its own notice import is refused. */
  calendar_from_head_office: none,
  /** The branch follows head office's policy: its own editor is read-only. */
  policy_from_head_office: none,
  /** Another admin saved a version after this editor opened (`basedOn` is no longer in force). */
  policy_changed: { version: 'number' },
  unknown_category: { code: 'string' },
  // ---- registration --------------------------------------------------------------------------------------
  anonymous_not_allowed: none,
  anonymous_with_identity: none,
  complainant_required: none,
  received_in_future: none,
  incident_in_future: none,
  invalid_complaint_number: { text: 'string' },
  repeat_of_itself: none,
  already_registered: none,
  // ---- steps on a complaint ------------------------------------------------------------------------------
  complaint_not_found: none,
  complaint_closed: none,
  supervisor_required: none,
  admin_required: none,
  already_anonymised: none,
  /** The complaint ended on `ended`; its retention runs until `until`. */
  retention_not_reached: { until: 'string' },
  not_ended: none,
  /** What would be anonymised is no longer what the person confirmed (`expected` → `found`). */
  anonymisation_changed: { expected: 'number', found: 'number' },
  not_assignee: none,
  not_acknowledged: none,
  awaiting_customer: none,
  already_resolved: none,
  already_acknowledged: none,
  already_assigned: none,
  already_routed: none,
  already_top_tier: none,
  not_higher_tier: none,
  major_requires_grade_1: none,
  override_reason_required: none,
  no_pending_proposal: none,
  customer_response_pending: none,
  communicated_before_received: none,
  communicated_in_future: none,
  not_paused: none,
  extension_limit: { max: 'number' },
  extension_too_long: { max: 'number' },
  /** The deadline passed so long ago that even `max` working days from it end before now. */
  extension_too_late: { max: 'number' },
  deadline_in_past: none,
  not_resolved_yet: none,
  follow_up_required: { days: 'number' },
  unreachable_too_soon: { days: 'number' },
  close_role_not_allowed: { grade: 'number' },
  satisfaction_required: none,
  satisfaction_without_contact: none,
  corrective_action_needs_liable: none,
  no_open_corrective_action: none,
  unknown_corrective_action: none,
  corrective_action_closed: none,
  due_date_in_past: none,
  // ---- evidence ------------------------------------------------------------------------------------------
  file_empty: none,
  file_too_large: { max: 'number' },
  file_type_not_allowed: none,
  evidence_already_attached: none,
  evidence_missing: none,
  evidence_corrupted: none,
  // ---- events and the journal ----------------------------------------------------------------------------
  invalid_event: none,
  unknown_event_type: { type: 'string' },
  unsupported_event_version: { type: 'string', v: 'number', supported: 'number' },
  duplicate_event_id: none,
  wrong_branch: { branch: 'string' },
  seq_gap: { expected: 'number', got: 'number' },
  seq_taken: { expected: 'number', got: 'number' },
  journal_closed: none,
  journal_write_failed: none,
  journal_unreadable: { code: 'string' },
  /** This window's IndexedDB copy could not be written (quota, a closed or broken database): storage only. */
  storage_failed: none,
  // ---- documents and files -------------------------------------------------------------------------------
  pdf_failed: none,
  pdf_unavailable: none,
  print_unavailable: none,
  save_failed: { path: 'string' },
  open_failed: none,
  read_failed: none,
  /** A report period that does not start on the first day of a month (or quarter). */
  report_period_invalid: none,
  /** A report period that has not begun yet. */
  report_period_future: none,
  // ---- backups and restore -------------------------------------------------------------------------------
  backup_folder_not_absolute: none,
  backup_folder_inside_data: none,
  backup_folder_unwritable: { path: 'string' },
  backup_folder_not_set: none,
  folder_dialog_unavailable: none,
  backup_running: none,
  backup_not_found: { path: 'string' },
  backup_manifest_invalid: { path: 'string' },
  backup_file_missing: { file: 'string' },
  backup_file_changed: { file: 'string' },
  restore_target_not_empty: none,
  // ---- sync with head office -----------------------------------------------------------------------------
  /** The pasted code was issued for another branch than this desk's. */
  enrolment_wrong_branch: { branch: 'string' },
  not_enrolled: none,
  /** A file offered as head office's acknowledgement is not one (unreadable, not signed JSON, another branch). */
  ack_file_invalid: { file: 'string' },
  /** An acknowledgement whose signature does not hold with this branch's secret: forged or for another secret. */
  ack_file_bad_signature: { file: 'string' },
  // ---- head office -----------------------------------------------------------------------------------------
  /** Head office shows the branches' records and never changes them: a step, a file or a setting of a branch. */
  head_office_read_only: none,
  /** A head-office screen's method asked of a branch's desk. */
  head_office_only: none,
  /** A branch desk's own work (its files, backups, calendar, sync, printing its sheets) asked of head office. */
  not_at_head_office: none,
  /** Enrolling a branch head office does not know yet needs its name. */
  branch_name_required: none,
  /** No branch with this code at head office. */
  unknown_branch_code: { branch: 'string' },
} as const satisfies Readonly<Record<string, Spec>>;

type Catalogue = typeof REFUSALS;
export type RefusalCode = keyof Catalogue;
export const REFUSAL_CODES = Object.keys(REFUSALS) as RefusalCode[];

type Value<K extends ParamKind> = K extends 'number' ? number : string;
/** The parameters of one code (`{}` for a code without any). */
export type RefusalParams<C extends RefusalCode> = { readonly [P in keyof Catalogue[C]]: Catalogue[C][P] extends ParamKind ? Value<Catalogue[C][P]> : never };
/** Codes that carry no parameters. */
export type PlainRefusalCode = { [C in RefusalCode]: keyof Catalogue[C] extends never ? C : never }[RefusalCode];

/** One code's refusal: `params` is there exactly when the code has parameters. */
export type RefusalOf<C extends RefusalCode> = {
  readonly code: C;
  /** A plain English sentence for logs, tests and integrators; never shown or parsed by the UI. */
  readonly message: string;
  /** The bad field, as a dotted path. */
  readonly path?: string;
} & (keyof Catalogue[C] extends never ? { readonly params?: undefined } : { readonly params: RefusalParams<C> });

/** Any refusal: a union discriminated by `code`. */
export type Refusal = { [C in RefusalCode]: RefusalOf<C> }[RefusalCode];

/** What follows the code and message in `refuse` / `no`: nothing for a plain code, else `{ params }`. */
export type RefusalExtra<C extends RefusalCode> = keyof Catalogue[C] extends never
  ? [extra?: { readonly path?: string }]
  : [extra: { readonly path?: string; readonly params: RefusalParams<C> }];

/** The params argument of `no`: none for a plain code, else exactly its params. */
export type RefusalParamsArg<C extends RefusalCode> = keyof Catalogue[C] extends never ? [] : [params: RefusalParams<C>];

/** Builds a refusal; typed by the catalogue. */
export function refusalOf<C extends RefusalCode>(code: C, message: string, ...[extra]: RefusalExtra<C>): Refusal {
  const path = extra?.path;
  const params = extra && 'params' in extra ? extra.params : undefined;
  // The rest parameter ties params to the code; TS cannot see that through the conditional type.
  return { code, message, ...(path !== undefined ? { path } : {}), ...(params !== undefined ? { params } : {}) } as Refusal;
}

export const isRefusalCode = (code: unknown): code is RefusalCode => typeof code === 'string' && Object.hasOwn(REFUSALS, code);

/** The parameter names of a code, as the catalogue lists them. */
export const refusalParamNames = (code: RefusalCode): readonly string[] => Object.keys(REFUSALS[code]);

/**
 * Checks something shaped like a refusal (from a transport, a zod issue, a form) against the catalogue: a known
 * code with exactly its parameters of the right kinds. Anything else is `undefined`.
 */
export function asRefusal(value: { code: string; message: string; path?: string; params?: Readonly<Record<string, unknown>> }): Refusal | undefined {
  if (!isRefusalCode(value.code)) return undefined;
  const spec: Spec = REFUSALS[value.code];
  const names = Object.keys(spec);
  const given = value.params ?? {};
  if (Object.keys(given).length !== names.length) return undefined;
  for (const name of names) {
    const param = given[name];
    if (typeof param !== spec[name] || (typeof param === 'number' && !Number.isFinite(param))) return undefined;
  }
  const params = names.length > 0 ? Object.fromEntries(names.map((name) => [name, given[name]])) : undefined;
  return { code: value.code, message: value.message, ...(value.path !== undefined ? { path: value.path } : {}), ...(params ? { params } : {}) } as Refusal;
}

/** A refusal as the other side sent it, or `unknown_refusal` naming its code when this build cannot read it. */
export function refusalFromWire(value: { code: string; message: string; path?: string; params?: Readonly<Record<string, unknown>> }): Refusal {
  return (
    asRefusal(value) ??
    refusalOf('unknown_refusal', `Unknown refusal ${value.code.slice(0, 64)}: ${value.message.slice(0, 500)}`, {
      ...(value.path !== undefined ? { path: value.path } : {}),
      params: { code: value.code.slice(0, 64) },
    })
  );
}
