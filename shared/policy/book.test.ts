import { describe, expect, it } from 'vitest';
import { computeClocks } from '../deadlines/clocks';
import { createDesk, minimalInput, MONDAY_9AM } from '../domain/testing';
import { DEFAULT_POLICY_BOOK, inForce, nextVersionNumber, policyBook, policyFor, type PolicyVersion } from './book';
import { DEFAULT_POLICY, gradeRule, type Policy } from './policy';

/** The default with every grade's resolution time doubled, as version `version`. */
function slower(version: number): Policy {
  const grades = Object.fromEntries(Object.entries(DEFAULT_POLICY.grades).map(([grade, rule]) => [grade, { ...rule, resolveHours: rule.resolveHours * 2 }]));
  return { ...DEFAULT_POLICY, version, grades: grades as Policy['grades'] };
}

const v2: PolicyVersion = { policy: slower(2), source: 'headOffice', arrivedAt: '2026-11-24T01:00:00.000Z', headOfficeVersion: 2 };

describe('the policy book', () => {
  it('runs the shipped default as version 1 until another arrives', () => {
    expect(inForce(DEFAULT_POLICY_BOOK).policy).toBe(DEFAULT_POLICY);
    expect(inForce(DEFAULT_POLICY_BOOK).source).toBe('default');
    expect(nextVersionNumber(DEFAULT_POLICY_BOOK)).toBe(2);
  });

  it('keeps v1 deadlines for a complaint graded under v1 after v2 arrives; a new complaint gets v2', () => {
    const desk = createDesk({ now: MONDAY_9AM });
    const registered = desk.run('register', minimalInput('register', undefined, MONDAY_9AM));
    expect(registered.ok).toBe(true);
    const complaint = desk.state;
    if (!complaint) throw new Error('registered');
    expect(complaint.policyVersion).toBe(1);
    const before = computeClocks(complaint, policyFor(DEFAULT_POLICY_BOOK, complaint), desk.calendar, MONDAY_9AM).resolution.deadline;

    const book = policyBook([...DEFAULT_POLICY_BOOK.versions, v2]);
    expect(policyFor(book, complaint).version).toBe(1);
    expect(computeClocks(complaint, policyFor(book, complaint), desk.calendar, MONDAY_9AM).resolution.deadline).toBe(before);
    // Not registered yet: decided with the version in force.
    expect(policyFor(book, undefined).version).toBe(2);
    expect(gradeRule(policyFor(book, undefined), complaint.grade).resolveHours).toBe(2 * gradeRule(DEFAULT_POLICY, complaint.grade).resolveHours);
    expect(nextVersionNumber(book)).toBe(3);
  });

  it('counts a record of a version the branch never kept with the nearest earlier one', () => {
    const book = policyBook([...DEFAULT_POLICY_BOOK.versions, { ...v2, policy: slower(4) }]);
    expect(policyFor(book, { policyVersion: 3 }).version).toBe(1);
    expect(policyFor(book, { policyVersion: 9 }).version).toBe(4);
  });
});
