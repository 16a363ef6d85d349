/** What an audit line records, in the order the Settings filter lists them. */
export const AUDIT_KINDS = [
  'export',
  'pdf',
  'print',
  'print-preview',
  'report',
  'audit-export',
  'backup',
  'restore',
  'sign-in',
  'sign-in-failed',
  'account-change',
  'anonymisation',
] as const;
