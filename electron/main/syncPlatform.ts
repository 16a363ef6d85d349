/**
 * Electron's side of sync (electron/services/sync): the branch secret kept with the OS keychain through
 * `safeStorage` (falling back to the services' 0600 file where the OS offers no encryption), and the dialogs in
 * which the admin picks the USB folder and head office's acknowledgement.
 */
import { dialog, safeStorage, type BrowserWindow } from 'electron';
import type { Logger } from '../services/log';
import type { SyncPlatform } from '../services/sync/handlers';
import { createFileSecretStore, type SecretStore } from '../services/sync/secretStore';
import { ACK_FILE_SUFFIX } from '../../shared/sync/envelope';
import type { Language } from '../../shared/api/schemas';

/** `safeStorage` encrypts with the user's keychain (DPAPI on Windows); only this OS account can read it back. */
export function keychainSecretStore(file: string, log: Logger): SecretStore {
  if (!safeStorage.isEncryptionAvailable()) {
    log.warn('sync: the OS offers no encryption for secrets; keeping the sync secret in a file only this account can read', { file });
    return createFileSecretStore(file);
  }
  return createFileSecretStore(`${file}.keychain`, {
    encode: (secret) => safeStorage.encryptString(secret),
    decode: (stored) => safeStorage.decryptString(stored),
  });
}

export function electronSyncPlatform(parentWindow: () => BrowserWindow | undefined, language: () => Promise<Language>): SyncPlatform {
  const open = async (properties: ('openDirectory' | 'openFile' | 'createDirectory')[], title: Readonly<Record<Language, string>>, extension?: string) => {
    const options = {
      title: title[await language()],
      properties,
      ...(extension ? { filters: [{ name: extension, extensions: [extension.slice(1)] }] } : {}),
    };
    const window = parentWindow();
    const picked = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
    return picked.canceled ? undefined : picked.filePaths[0];
  };
  return {
    chooseExportFolder: () => open(['openDirectory', 'createDirectory'], { 'zh-CN': '选择保存同步批次文件的文件夹（U 盘）', 'zh-TW': '選擇儲存同步批次檔案的資料夾（隨身碟）', en: 'Choose the folder for the batch files (USB stick)' }),
    chooseAckFile: () => open(['openFile'], { 'zh-CN': '选择总部的确认文件', 'zh-TW': '選擇總部的確認檔案', en: 'Choose head office’s acknowledgement file' }, ACK_FILE_SUFFIX),
  };
}
