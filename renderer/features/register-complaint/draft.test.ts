import { describe, expect, it } from 'vitest';
import { clearDraft, isWorthKeeping, loadDraft, saveDraft, type DraftStorage } from './draft';
import { emptyRegistrationForm } from './formSchema';

function memoryStorage(): DraftStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
}

describe('registration draft', () => {
  it('comes back as it was saved, and is gone once cleared', () => {
    const storage = memoryStorage();
    const values = emptyRegistrationForm('2026-11-23T13:30');
    values.description = '电梯坏了三天';
    values.requests = ['repair'];
    saveDraft(storage, 'k', values);
    expect(loadDraft(storage, 'k')).toEqual(values);
    clearDraft(storage, 'k');
    expect(loadDraft(storage, 'k')).toBeUndefined();
  });

  it('restores what it can from a damaged draft and ignores unreadable JSON', () => {
    const storage = memoryStorage();
    storage.setItem('k', JSON.stringify({ description: '门店太吵', requests: 'not a list', impression: { severity: 'extreme' } }));
    const restored = loadDraft(storage, 'k');
    expect(restored?.description).toBe('门店太吵');
    expect(restored?.requests).toEqual([]);
    expect(restored?.impression.severity).toBe('low');
    storage.setItem('k', '{not json');
    expect(loadDraft(storage, 'k')).toBeUndefined();
  });

  it('does not keep a form that holds only defaults', () => {
    expect(isWorthKeeping(emptyRegistrationForm('2026-11-23T13:30'))).toBe(false);
  });

  it('keeps the attached files (their stored references) even when nothing was typed yet', () => {
    const storage = memoryStorage();
    const values = emptyRegistrationForm('2026-11-23T13:30');
    values.evidence = [{ hash: 'a'.repeat(64), name: '小票.png', mime: 'image/png', size: 68 }];
    expect(isWorthKeeping(values)).toBe(true);
    saveDraft(storage, 'k', values);
    expect(loadDraft(storage, 'k')?.evidence).toEqual(values.evidence);
  });

  it('drops file references it cannot trust from a draft, keeping the rest', () => {
    const storage = memoryStorage();
    storage.setItem('k', JSON.stringify({ description: '门店太吵', evidence: [{ hash: 'not-a-hash', name: 'x', mime: 'image/png', size: 1 }] }));
    const restored = loadDraft(storage, 'k');
    expect(restored?.description).toBe('门店太吵');
    expect(restored?.evidence).toEqual([]);
  });
});
