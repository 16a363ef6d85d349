/**
 * The names of the main-process API methods, without their schemas. The preload script imports only this
 * list (a sandboxed preload should stay tiny and free of zod); `contract.ts` is checked against it at
 * compile time, so the two cannot drift apart.
 */
export const API_METHODS = [
  'app.info',
  'app.reportBug',
  'setup.status',
  'setup.createBranch',
  'auth.signIn',
  'auth.signOut',
  'auth.session',
  'users.list',
  'users.create',
  'users.update',
  'users.resetPassword',
  'users.changeOwnPassword',
  'complaints.decide',
  'complaints.escalateDue',
  'journal.read',
  'settings.get',
  'settings.set',
  'evidence.put',
  'evidence.get',
  'evidence.open',
  'documents.recordSheetHtml',
  'documents.savePdf',
  'documents.print',
  'exports.register',
  'reports.branchHtml',
  'reports.savePdf',
  'reports.print',
  'records.anonymisationPreview',
  'records.anonymise',
  'calendar.get',
  'calendar.previewNotice',
  'calendar.importNotice',
  'policy.current',
  'policy.history',
  'policy.save',
  'backup.status',
  'backup.setFolder',
  'backup.chooseFolder',
  'backup.run',
  'setup.restore',
  'audit.list',
  'audit.export',
  'notifications.show',
  'sync.status',
  'sync.enrol',
  'sync.configure',
  'sync.now',
  'sync.exportBatchFile',
  'sync.importAck',
  'headOffice.branches',
  'headOffice.enrol',
  'headOffice.revoke',
  'headOffice.uploadBatches',
] as const;

export type ApiMethod = (typeof API_METHODS)[number];

const methodNames: ReadonlySet<string> = new Set(API_METHODS);

export function isApiMethod(name: unknown): name is ApiMethod {
  return typeof name === 'string' && methodNames.has(name);
}

/** IPC channel of a method: namespaced so the app's channels never collide with Electron's own. */
export const ipcChannel = (method: ApiMethod): string => `desk:${method}`;

/** Name of the object the preload exposes on `window`. */
export const BRIDGE_GLOBAL = 'complaintDesk';
