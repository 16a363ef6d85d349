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
});
