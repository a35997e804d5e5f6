import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { Principal } from '@tollgate/auth';
import { keysHeldBy, personalCalendar, sopCalendar, withPlannedDates, type Actor, type CalendarEntry, type SopCycleDates } from '@tollgate/domain';
import { SERVICE_CONFIG } from '@tollgate/platform';
import ical from 'ical-generator';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { PlansConfig } from '../config/plans.config';
import { storedInstant } from '../sop-cycle/stored-instant';
import { CalendarToken } from './calendar.entity';

/** 32 random bytes in base64url: what a calendar address carries. Anything else is not looked up. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;
/** Entries of each kind a calendar holds at most: work per request stays bounded. */
const LIMIT = 500;

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

interface CycleRow {
  id: string;
  org_node_id: string;
  name: string;
  period: string;
  chair_id: string;
  steps: { step: string; ownerId: string; dueAt: string | number | null; completedAt: string | number | null }[];
  durations: Partial<Record<string, number>>;
}

/**
 * Private calendar feeds: a person's (their milestones, the gates awaiting
 * their key, their actions, their S&OP steps and meetings) and a node's S&OP
 * calendar, each read through a revocable token in its address, since
 * calendar programs send no sign-in. Built afresh at each read, with entries
 * named for good: a date moved is the same entry moved.
 */
@Injectable()
export class CalendarService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(SERVICE_CONFIG) private readonly config: PlansConfig,
  ) {}

  async status(principal: Principal): Promise<{ active: boolean; createdAt: string | null }> {
    const token = await this.dataSource.manager.findOneBy(CalendarToken, { personId: principal.sub });
    return { active: token !== null, createdAt: token?.createdAt.toISOString() ?? null };
  }

  /** A new address for the person's calendars; the one before stops working. Shown once: only its hash is kept. */
  async issue(principal: Principal): Promise<{ url: string; nodeUrl: string; createdAt: string }> {
    const token = randomBytes(32).toString('base64url');
    const createdAt = new Date();
    await this.dataSource.manager.upsert(CalendarToken, { personId: principal.sub, tokenHash: hashOf(token), createdAt }, ['personId']);
    const base = `${this.config.notifications.cockpitUrl}/api/calendars/${token}`;
    return { url: base, nodeUrl: `${base}/nodes/{orgNodeId}`, createdAt: createdAt.toISOString() };
  }

  async revoke(principal: Principal): Promise<void> {
    await this.dataSource.manager.delete(CalendarToken, { personId: principal.sub });
  }

  async personal(token: string): Promise<string> {
    const personId = await this.personOf(token);
    const pmo = await this.isPmo(personId);
    const [milestones, gates, actions, cycles] = await Promise.all([
      this.dataSource.query(
        `SELECT m.initiative_id, m.milestone_id, m.title, m.due_date, i.title AS initiative_title
           FROM plans.calendar_milestone m JOIN plans.notice_initiative i USING (initiative_id)
          WHERE m.owner_id = $1 AND NOT m.done ORDER BY m.due_date LIMIT ${LIMIT}`,
        [personId],
      ) as Promise<{ initiative_id: string; milestone_id: string; title: string; due_date: string; initiative_title: string }[]>,
      this.dataSource.query(
        `SELECT p.initiative_id, p.title, p.owner_id, p.sponsor_id, n.controller_id, p.waiting_gate
           FROM plans.portfolio_initiative p LEFT JOIN plans.notice_initiative n USING (initiative_id)
          WHERE p.waiting_gate IS NOT NULL AND (p.sponsor_id = $1 OR n.controller_id = $1 OR $2) LIMIT ${LIMIT}`,
        [personId, pmo],
      ) as Promise<{ initiative_id: string; title: string; owner_id: string; sponsor_id: string; controller_id: string | null; waiting_gate: { gateRequestId: string; targetStage: number; submittedAt: string; keys: string[][] } }[]>,
      this.dataSource.query(
        `SELECT id, title, to_char(due_date, 'YYYY-MM-DD') AS due_date, done_when FROM plans.sop_action WHERE owner_id = $1 AND status = 'open' ORDER BY due_date LIMIT ${LIMIT}`,
        [personId],
      ) as Promise<{ id: string; title: string; due_date: string; done_when: string }[]>,
      this.cycles(`(c.chair_id = $1 OR c.state->'steps' @> jsonb_build_array(jsonb_build_object('ownerId', $1::text)))`, [personId]),
    ]);
    // A gate awaits the person when one of its slots still takes a key they hold (the rule the gate decisions use).
    const person: Actor = { id: personId, roles: pmo ? ['pmo'] : [] };
    const awaits = (gate: (typeof gates)[number]) => {
      const held: string[] = keysHeldBy(person, { ownerId: gate.owner_id, sponsorId: gate.sponsor_id, controllerId: gate.controller_id });
      return gate.waiting_gate.keys.some((slot) => slot.some((key) => held.includes(key)));
    };
    const entries = personalCalendar(
      personId,
      {
        milestones: milestones.map((row) => ({ initiativeId: row.initiative_id, milestoneId: row.milestone_id, initiativeTitle: row.initiative_title, title: row.title, dueDate: row.due_date })),
        gatesAwaiting: gates
          .filter(awaits)
          .map((gate) => ({ initiativeId: gate.initiative_id, initiativeTitle: gate.title, gateRequestId: gate.waiting_gate.gateRequestId, targetStage: gate.waiting_gate.targetStage, submittedAt: gate.waiting_gate.submittedAt })),
        actions: actions.map((row) => ({ actionId: row.id, title: row.title, dueDate: row.due_date, doneWhen: row.done_when })),
        cycles,
      },
      this.config.portfolio.gateDecisionWithinMs,
    );
    return this.render(`Tollgate: ${personId}`, entries);
  }

  async node(token: string, orgNodeId: string): Promise<string> {
    await this.personOf(token);
    const [node] = (await this.dataSource.query(`SELECT name FROM plans.org_node WHERE id::text = $1`, [orgNodeId])) as { name: string }[];
    if (!node) throw new NotFoundException(`org node ${orgNodeId} not found`);
    return this.render(`Tollgate S&OP: ${node.name}`, sopCalendar(await this.cycles(`c.org_node_id::text = $1`, [orgNodeId])));
  }

  /** The open cycles a condition picks, with their steps' dates. */
  private async cycles(condition: string, parameters: unknown[]): Promise<SopCycleDates[]> {
    const rows = (await this.dataSource.query(
      `SELECT c.id, c.org_node_id, n.name, c.period, c.chair_id, c.state->'steps' AS steps, c.state->'durationsMs' AS durations
         FROM plans.sop_cycle c JOIN plans.org_node n ON n.id = c.org_node_id
        WHERE c.step <> 'published' AND ${condition} ORDER BY c.period DESC LIMIT 100`,
      parameters,
    )) as CycleRow[];
    return rows.map((row) => ({
      cycleId: row.id,
      orgNodeId: row.org_node_id,
      nodeName: row.name,
      period: row.period,
      chairId: row.chair_id,
      steps: withPlannedDates(
        row.steps.map((step) => ({ step: step.step, ownerId: step.ownerId, dueAt: storedInstant(step.dueAt), completedAt: storedInstant(step.completedAt) })),
        row.durations ?? {},
      ),
    }));
  }

  private async personOf(token: string): Promise<string> {
    const found = TOKEN.test(token) ? await this.dataSource.manager.findOneBy(CalendarToken, { tokenHash: hashOf(token) }) : null;
    // One answer for a malformed, unknown or revoked address: nothing to learn from guessing.
    if (!found) throw new NotFoundException('no such calendar');
    return found.personId;
  }

  private async isPmo(personId: string): Promise<boolean> {
    const [row] = (await this.dataSource.query(`SELECT 'pmo' = ANY(roles) AS pmo FROM plans.notification_setting WHERE person_id = $1`, [personId])) as { pmo: boolean }[];
    return row?.pmo ?? false;
  }

  private render(name: string, entries: readonly CalendarEntry[]): string {
    const calendar = ical({ name, prodId: { company: 'Tollgate', product: 'Tollgate', language: 'EN' }, ttl: 60 * 60 });
    for (const entry of entries) {
      const url = `${this.config.notifications.cockpitUrl}${entry.link}`;
      calendar.createEvent({
        id: entry.uid,
        start: entry.allDay ? new Date(`${entry.start}T00:00:00Z`) : new Date(entry.start),
        ...(entry.allDay ? { allDay: true } : { end: new Date(Date.parse(entry.start) + 60 * 60 * 1000) }),
        summary: entry.summary,
        description: `${entry.description}\n\n${url}`,
        url,
      });
    }
    return calendar.toString();
  }
}
