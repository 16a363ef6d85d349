/**
 * The sync methods of the contract (shared/api/sync.ts) bound to the engine, with who may call them: anyone
 * signed in sees the state and may hurry a round; only an admin enrols, configures, exports and imports.
 */
import type { ApiHandlers, ApiOutput } from '../../../shared/api/contract';
import type { Caller } from '../../../shared/api/dispatch';
import type { PublicUser } from '../../../shared/api/schemas';
import { ok, refuse, type Result } from '../../../shared/result';
import type { SyncEngine } from './engine';

/** How the admin picks a place on this computer: Electron's dialogs; browser mode has none (a path is typed). */
export interface SyncPlatform {
  /** undefined when the dialog was cancelled. */
  readonly chooseExportFolder?: () => Promise<string | undefined>;
  readonly chooseAckFile?: () => Promise<string | undefined>;
}

type SyncMethods = 'sync.status' | 'sync.enrol' | 'sync.configure' | 'sync.now' | 'sync.exportBatchFile' | 'sync.importAck';
type Gate = (caller: Caller) => Promise<Result<PublicUser>>;

/** The typed path, or the platform's dialog; `undefined` value = cancelled. */
async function placeOf(given: string | undefined, choose: (() => Promise<string | undefined>) | undefined, field: string): Promise<Result<string | undefined>> {
  if (given !== undefined) return ok(given);
  if (!choose) return refuse('invalid_input', `${field}: type the path (this mode has no dialog)`, { path: field });
  return ok(await choose());
}

export function syncHandlers(engine: SyncEngine, platform: SyncPlatform, gates: { signedIn: Gate; admin: Gate }): Pick<ApiHandlers, SyncMethods> {
  const as =
    <I, O>(gate: Gate, run: (input: I, user: PublicUser) => Promise<Result<O>>) =>
    async (input: I, caller: Caller): Promise<Result<O>> => {
      const user = await gate(caller);
      return user.ok ? run(input, user.value) : user;
    };
  return {
    'sync.status': as(gates.signedIn, async () => ok(engine.status())),
    'sync.now': as(gates.signedIn, async ({ trigger }) => ok(engine.syncNow(trigger === 'online'))),
    'sync.enrol': as(gates.admin, ({ code }) => engine.enrol(code)),
    'sync.configure': as(gates.admin, (change) => engine.configure(change)),
    'sync.exportBatchFile': as(gates.admin, async ({ folder }): Promise<Result<ApiOutput<'sync.exportBatchFile'>>> => {
      const place = await placeOf(folder, platform.chooseExportFolder, 'folder');
      if (!place.ok) return place;
      if (place.value === undefined) return ok({ cancelled: true, files: [], status: engine.status() });
      const written = await engine.exportBatchFiles(place.value);
      return written.ok ? ok({ cancelled: false, folder: place.value, files: written.value.files, status: engine.status() }) : written;
    }),
    'sync.importAck': as(gates.admin, async ({ path }): Promise<Result<ApiOutput<'sync.importAck'>>> => {
      const place = await placeOf(path, platform.chooseAckFile, 'path');
      if (!place.ok) return place;
      if (place.value === undefined) return ok({ cancelled: true, status: engine.status() });
      const imported = await engine.importAck(place.value);
      return imported.ok ? ok({ cancelled: false, status: imported.value }) : imported;
    }),
  };
}
