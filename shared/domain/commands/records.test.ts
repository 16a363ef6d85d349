import { describe, expect, it } from 'vitest';
import { deskAfter, minimalInput, OTHER_STAFF, refusalOf, STAFF, SUPERVISOR, typesOf } from '../testing';

const file = (n: number) => ({ hash: n.toString(16).padStart(64, 'a'), name: `照片${n}.jpg`, mime: 'image/jpeg', size: 2048 });

describe('attachEvidence', () => {
  it('adds new files and ignores ones already attached', () => {
    const desk = deskAfter([['register', { ...(minimalInput('register', undefined, '2026-11-23T01:00:00.000Z') as object), evidence: [file(1)] }]]);
    expect(refusalOf(desk, 'attachEvidence', { evidence: [file(1)] })).toMatchObject({ code: 'evidence_already_attached', unchanged: true });
    desk.run('attachEvidence', { evidence: [file(1), file(2), file(2)] });
    expect(desk.state?.evidence.map((f) => f.name)).toEqual(['照片1.jpg', '照片2.jpg']);
  });

  it('refuses a file reference that is not a SHA-256 digest', () => {
    const desk = deskAfter([['register']]);
    expect(refusalOf(desk, 'attachEvidence', { evidence: [{ ...file(1), hash: 'x' }] })).toMatchObject({ code: 'invalid_input', path: 'evidence.0.hash', unchanged: true });
  });
});

describe('printRecord', () => {
  it('logs every print, also of a closed or voided record', () => {
    const desk = deskAfter([['register'], ['void', undefined, SUPERVISOR]]);
    desk.run('printRecord', { purpose: 'filing', output: 'pdf' });
    expect(desk.state?.printCount).toBe(1);
    expect(desk.events.at(-1)).toMatchObject({ type: 'RecordPrinted', payload: { copies: 1 } });
    expect(refusalOf(desk, 'printRecord', { purpose: 'filing', output: 'pdf' }, OTHER_STAFF)).toMatchObject({ code: 'not_assignee' });
  });
});

describe('reject', () => {
  it('is a supervisor’s decision with a reason, and ends the record', () => {
    const desk = deskAfter([['register']]);
    const input = { reason: 'in_arbitration_or_court', text: '已申请劳动仲裁' };
    expect(refusalOf(desk, 'reject', input, STAFF)).toMatchObject({ code: 'supervisor_required', unchanged: true });
    expect(refusalOf(desk, 'reject', { ...input, reason: 'bored' }, SUPERVISOR)).toMatchObject({ code: 'invalid_input', path: 'reason', unchanged: true });
    expect(typesOf(desk.run('reject', input, SUPERVISOR))).toEqual(['Rejected']);
    expect(desk.state).toMatchObject({ status: 'rejected', terminal: true, rejection: { reason: 'in_arbitration_or_court' }, firstRepliedAt: desk.now });
    expect(refusalOf(desk, 'acknowledge', {})).toMatchObject({ code: 'complaint_closed', message: expect.stringContaining('rejected'), unchanged: true });
  });

  it('does not apply to a complaint already resolved', () => {
    const desk = deskAfter([['register'], ['acknowledge'], ['resolve']]);
    expect(refusalOf(desk, 'reject', { reason: 'false_material', text: '不实' }, SUPERVISOR)).toMatchObject({ code: 'already_resolved', unchanged: true });
  });
});

describe('void', () => {
  it('keeps the record and its number, marked void with a reason', () => {
    const desk = deskAfter([['register']]);
    expect(refusalOf(desk, 'void', { reason: '录错' })).toMatchObject({ code: 'supervisor_required', unchanged: true });
    expect(refusalOf(desk, 'void', {}, SUPERVISOR)).toMatchObject({ code: 'invalid_input', path: 'reason', unchanged: true });
    desk.run('void', { reason: '录错' }, SUPERVISOR);
    expect(desk.state).toMatchObject({ status: 'voided', number: 'SH01-20261123-0001', voided: { reason: '录错' } });
    expect(refusalOf(desk, 'void', { reason: '再次' }, SUPERVISOR)).toMatchObject({ code: 'complaint_closed', unchanged: true });
  });
});
