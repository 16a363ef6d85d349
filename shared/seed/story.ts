/**
 * One sample complaint's life, driven through the REAL domain commands (shared/domain/commands): each step is
 * a command run at the story's clock by the person who would take it, so every generated event passed the same
 * gates and input schemas as one typed in the app. A refused step is a bug in the generator and throws.
 *
 * The story's clock only moves forward. A step that would fall after `now` stops the story: recent complaints
 * are naturally still open. Between steps the escalation timer is simulated (`catchUp`): whenever a tier limit
 * or the one-month mark passes, the due escalations are appended at that instant, as the app's timer would.
 */
import type { BranchCode, UserId } from '../brand';
import type { WorkingCalendar } from '../calendar';
import { instantMs, isoOf } from '../calendar/instant';
import { COMMANDS, type ActionName } from '../domain/commands';
import type { Actor, CommandContext } from '../domain/commands/context';
import { stampEvents, type DomainEvent, type EventDraft } from '../domain/events';
import { applyEvent } from '../domain/reducer';
import type { ComplaintState } from '../domain/state';
import { computeClocks } from '../deadlines/clocks';
import { runDueEscalations } from '../escalation/rules';
import type { Policy } from '../policy/policy';
import type { Random } from './random';

const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;

/** The people of a branch. */
export interface Cast {
  readonly staff: readonly UserId[];
  readonly supervisor: UserId;
  /** Who automatic escalations are recorded as. */
  readonly system: UserId;
}

export interface StoryWorld {
  readonly policy: Policy;
  readonly calendar: WorkingCalendar;
  readonly random: Random;
  readonly nowMs: number;
  readonly newId: () => string;
}

export class Story {
  state: ComplaintState | undefined;
  readonly events: DomainEvent[] = [];
  stopped = false;
  private clockMs: number;

  constructor(
    private readonly world: StoryWorld,
    readonly branch: BranchCode,
    readonly cast: Cast,
    /** The member of staff who takes the complaint in (受理人). */
    private readonly registrar: UserId,
    startMs: number,
    /** Steps left before the story is abandoned (a complaint left open); Infinity for a finished story. */
    private stepsLeft: number,
  ) {
    this.clockMs = startMs;
  }

  get now(): string {
    return isoOf(this.clockMs);
  }

  /** The complaint, once registered (every step after `register`). */
  get complaint(): ComplaintState {
    if (this.state === undefined) throw new Error('The story has not registered its complaint yet');
    return this.state;
  }

  /** Move the clock on by `minHours`–`maxHours`; stops the story if that passes `now`. */
  wait(minHours: number, maxHours = minHours): this {
    this.clockMs += Math.round((minHours + this.world.random.next() * (maxHours - minHours)) * HOUR_MS);
    if (this.clockMs > this.world.nowMs) this.stopped = true;
    return this;
  }

  /** Run a command now, as the supervisor or as whoever holds the complaint. False when the story has stopped. */
  do(action: ActionName, input: unknown, as: 'holder' | 'supervisor' = 'holder'): boolean {
    if (this.stopped || this.stepsLeft <= 0) {
      this.stopped = true;
      return false;
    }
    this.stepsLeft -= 1;
    if (this.state) this.catchUp(this.clockMs);
    const actor = as === 'supervisor' ? this.supervisor() : this.holder();
    const result = COMMANDS[action](this.state, input, this.context(actor, this.now));
    if (!result.ok) throw new Error(`Seed story step ${action} refused: ${result.error.code} — ${result.error.message}`);
    this.append(result.value);
    return true;
  }

  /**
   * Like `do`, for a step the rules may refuse in this story's situation (an extension of a deadline long
   * past): a refusal changes nothing and answers false.
   */
  attempt(action: ActionName, input: unknown, as: 'holder' | 'supervisor' = 'holder'): boolean {
    if (this.stopped || this.stepsLeft <= 0) return this.do(action, input, as);
    if (this.state) this.catchUp(this.clockMs);
    const actor = as === 'supervisor' ? this.supervisor() : this.holder();
    if (!COMMANDS[action](this.state, input, this.context(actor, this.now)).ok) return false;
    return this.do(action, input, as);
  }

  /** Bring the escalation timer up to `untilMs` (the end of the story: the generator's `now`). */
  catchUp(untilMs: number): void {
    for (let guard = 0; guard < 16; guard++) {
      const state = this.complaint;
      if (state.terminal) return;
      const tickMs = this.nextTimerTick(state, untilMs);
      if (tickMs === undefined || tickMs > untilMs) return;
      const drafts = runDueEscalations(state, this.world.calendar, this.context(this.systemActor(), isoOf(tickMs)));
      if (drafts.length === 0) return;
      this.append(drafts);
    }
  }

  /** The next instant a time-driven escalation falls due: just past the tier limit or the one-month mark. */
  private nextTimerTick(state: ComplaintState, untilMs: number): number | undefined {
    if (state.status === 'resolved' || state.status === 'followed_up') return undefined;
    const monthTick = state.flags.includes('unresolved_month')
      ? Infinity
      : instantMs(state.receivedAt) + this.world.policy.majorUnresolvedDays * 24 * HOUR_MS + MINUTE_MS;
    // A tier limit never falls before its hours of wall time have passed (working time and pauses only add);
    // checking that first spares computing the clocks on most steps.
    const tierHours = this.world.policy.tiers[state.tier].hours;
    const earliestTierTick = tierHours === null ? Infinity : instantMs(state.tierSince) + tierHours * HOUR_MS;
    if (untilMs < earliestTierTick && untilMs < monthTick) return undefined;
    const tier = computeClocks(state, this.world.policy, this.world.calendar, isoOf(untilMs)).tier;
    const tierTick = tier && (tier.state === 'on_time' || tier.state === 'due_soon' || tier.state === 'overdue') ? instantMs(tier.deadline) + MINUTE_MS : Infinity;
    const tick = Math.max(Math.min(tierTick, monthTick), instantMs(state.updatedAt));
    return Number.isFinite(tick) ? tick : undefined;
  }

  private append(drafts: readonly EventDraft[]): void {
    for (const event of stampEvents(drafts, { branch: this.branch, firstSeq: this.events.length + 1 })) {
      this.state = applyEvent(this.state, event);
      this.events.push(event);
    }
  }

  private context(actor: Actor, now: string): CommandContext {
    return { now, actor, newId: this.world.newId, policy: this.world.policy, calendar: this.world.calendar };
  }

  private supervisor(): Actor {
    return { id: this.cast.supervisor, role: 'supervisor' };
  }

  private systemActor(): Actor {
    return { id: this.cast.system, role: 'admin' };
  }

  /** Whoever holds the complaint (the person registering, before it exists). */
  private holder(): Actor {
    const id = this.state?.assignee ?? this.registrar;
    return { id, role: id === this.cast.supervisor ? 'supervisor' : 'staff' };
  }
}
