/**
 * electron-builder.yml is valid by electron-builder's own JSON schema (the one it validates with at
 * build time), and says what the installer must be: Windows x64 NSIS, assisted, per-user, stable appId,
 * user data kept on uninstall.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv } from 'ajv';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { icoSizes } from '../../../scripts/ico';

const require = createRequire(import.meta.url);
const schemaFile = require.resolve('app-builder-lib/scheme.json');
const config = load(readFileSync(new URL('../../../electron-builder.yml', import.meta.url), 'utf8'));

function validate(candidate: unknown) {
  const ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true });
  const check = ajv.compile(JSON.parse(readFileSync(schemaFile, 'utf8')));
  return { valid: check(candidate), errors: check.errors ?? [] };
}

describe('electron-builder.yml', () => {
  it("passes electron-builder's configuration schema", () => {
    const { valid, errors } = validate(config);
    expect(errors).toEqual([]);
    expect(valid).toBe(true);
  });

  it('the schema check is real: a misspelt option is refused', () => {
    expect(validate({ ...(config as object), nsiss: { oneClick: false } }).valid).toBe(false);
  });

  it('describes an assisted, per-user Windows x64 NSIS installer that keeps user data', () => {
    expect(config).toMatchObject({
      appId: 'cn.complaintdesk.branch',
      win: { target: [{ target: 'nsis', arch: ['x64'] }] },
      nsis: { oneClick: false, perMachine: false, allowToChangeInstallationDirectory: true, deleteAppDataOnUninstall: false },
    });
  });

  it('ships the application icon it names: an .ico with every size Windows asks for, and a 512 px PNG', () => {
    const resources = new URL('../../../resources/', import.meta.url);
    expect(config).toMatchObject({ win: { icon: 'resources/icon.ico' } });
    expect(icoSizes(readFileSync(new URL('icon.ico', resources)))).toEqual([16, 24, 32, 48, 64, 128, 256]);
    const png = readFileSync(new URL('icon.png', resources));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
  });
});
