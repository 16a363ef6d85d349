import { describe, expect, it } from 'vitest';
import { launchFragment, readLaunchFragment, withoutToken } from './launch';

describe('launch fragment', () => {
  it('round-trips the token and the language', () => {
    const fragment = launchFragment({ token: 'a+b/c=', language: 'en' });
    expect(readLaunchFragment(fragment)).toEqual({ token: 'a+b/c=', language: 'en' });
  });

  it('ignores an unsupported language and a route fragment', () => {
    expect(readLaunchFragment('#token=t&lang=fr')).toEqual({ token: 't' });
    expect(readLaunchFragment('#/complaints/SH01-20261123-0001')).toEqual({});
  });

  it('drops only the token from the address', () => {
    expect(withoutToken('#token=secret&lang=zh-CN')).toBe('#lang=zh-CN');
    expect(withoutToken('#token=secret')).toBe('');
  });
});
