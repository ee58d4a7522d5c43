// A child's records around the placements: consents, legal events, case-plan goals and tasks,
// and the dates of the family safety flags. Drawn from the child's own random stream, so one
// child's records never shift another's. Plan dates relative to "today" give the dashboard
// overdue items and items due within seven days.
import {
  PLAN_DOMAINS,
  type ConsentGiver,
  type ConsentType,
  type GoalStatus,
  type LegalEventKind,
  type PlanDomain,
} from '../../../shared/children/vocabulary';
import { dayToDate } from './plan';
import type { Random } from './prng';
import {
  GOALS,
  LEGAL_NOTES,
  RESPONSIBLE,
  SHARING_AGENCIES,
  TASKS,
  type Province,
} from './vocabulary';

export interface ConsentPlan {
  type: ConsentType;
  agency?: string;
  givenBy: ConsentGiver;
  givenOn: string;
  scope: string;
  withdrawnOn?: string;
}

export interface LegalPlan {
  kind: LegalEventKind;
  date: string;
  time?: string;
  court: string;
  caseNumber: string;
  notes?: string;
}

export interface TaskPlan {
  title: string;
  dueDate: string;
  responsible?: string;
  doneOn?: string;
}

export interface GoalPlan {
  domain: PlanDomain;
  goalInChildWords: string;
  responsible: string;
  targetDate?: string;
  status: GoalStatus;
  tasks: TaskPlan[];
}

export interface RecordsPlan {
  consents: ConsentPlan[];
  legal: LegalPlan[];
  goals: GoalPlan[];
  /** Date of the no-contact order, when the household has one. */
  noContactOrderDate: string;
}

export interface RecordsContext {
  todayDay: number;
  intakeDay: number;
  /** The day the case stopped being worked (closed or handed to another agency), or null. */
  inactiveFrom: number | null;
  province: Province;
}

const SCOPES: Record<ConsentType, string> = {
  services: 'Fictional demo consent: shelter services, medical care and schooling.',
  sharing: 'Fictional demo consent: case summary shared for legal assistance.',
  photos: 'Fictional demo consent: group photos inside the shelter only.',
  research: 'Fictional demo consent: anonymised outcome research.',
};

const HEARING_TIMES = ['08:30', '09:00', '13:30', '14:00'] as const;

export function planRecords(rng: Random, ctx: RecordsContext): RecordsPlan {
  const { todayDay, intakeDay } = ctx;
  const lastPast = todayDay - 1;
  const past = (day: number) => dayToDate(Math.min(day, lastPast));
  const active = ctx.inactiveFrom === null;
  const end = ctx.inactiveFrom ?? todayDay;

  const consents: ConsentPlan[] = [
    {
      type: 'services',
      givenBy: rng.weighted({ court_dswd: 5, guardian: 4, child: 1 }) as ConsentGiver,
      givenOn: dayToDate(intakeDay),
      scope: SCOPES.services,
    },
  ];
  const optional: [ConsentType, number, ConsentGiver][] = [
    ['sharing', 0.6, 'guardian'],
    ['photos', 0.1, 'child'],
    ['research', 0.05, 'guardian'],
  ];
  for (const [type, probability, givenBy] of optional) {
    const day = intakeDay + rng.int(3, 30);
    if (!rng.chance(probability) || day > lastPast) continue;
    const withdrawn = intakeDay + rng.int(40, 300);
    consents.push({
      type,
      ...(type === 'sharing' ? { agency: rng.pick(SHARING_AGENCIES) } : {}),
      givenBy,
      givenOn: dayToDate(day),
      scope: SCOPES[type],
      ...(rng.chance(0.08) && withdrawn <= lastPast ? { withdrawnOn: dayToDate(withdrawn) } : {}),
    });
  }

  const legal: LegalPlan[] = [];
  if (rng.chance(0.65)) {
    const court = `Regional Trial Court Branch ${rng.int(5, 30)}, ${ctx.province.city} (fictional)`;
    const caseNumber = `DEMO-CR-${dayToDate(intakeDay).slice(0, 4)}-${String(rng.int(1, 99_999)).padStart(5, '0')}`;
    const add = (kind: LegalEventKind, day: number, time?: string) =>
      legal.push({
        kind,
        date: dayToDate(day),
        ...(time ? { time } : {}),
        court,
        caseNumber,
        notes: LEGAL_NOTES[kind],
      });
    add('case_conference', intakeDay + rng.int(7, 14), '10:00');
    const filing = intakeDay + rng.int(10, 40);
    if (filing <= lastPast) add('filing', filing);
    const horizon = active ? todayDay + 60 : end;
    const testimonyAt = rng.chance(0.6) ? rng.int(1, 2) : -1;
    for (
      let day = filing + rng.int(30, 90), n = 0;
      day <= horizon && n < 5;
      day += rng.int(30, 120), n += 1
    ) {
      add(n === testimonyAt ? 'testimony' : 'hearing', day, rng.pick(HEARING_TIMES));
    }
    if (active && rng.chance(0.15))
      add('hearing', todayDay + rng.int(0, 6), rng.pick(HEARING_TIMES));
  }

  const goals: GoalPlan[] = rng
    .shuffle(PLAN_DOMAINS)
    .slice(0, active ? rng.int(1, 3) : rng.int(1, 2))
    .map((domain) => {
      const taskCount = rng.int(0, 2);
      const tasks: TaskPlan[] = [];
      for (let t = 0; t < taskCount; t += 1) {
        const title = rng.pick(TASKS);
        const responsible = rng.chance(0.7) ? rng.pick(RESPONSIBLE) : undefined;
        const doneDay = Math.min(end - 1, intakeDay + rng.int(5, 120));
        if (!active || rng.chance(0.3)) {
          const done = Math.max(intakeDay, Math.min(doneDay, lastPast));
          tasks.push({
            title,
            dueDate: dayToDate(done + rng.int(0, 5)),
            responsible,
            doneOn: dayToDate(done),
          });
        } else {
          const due = rng.weighted({ overdue: 2, soon: 2, later: 3 });
          const day =
            due === 'overdue'
              ? Math.max(intakeDay + 1, todayDay - rng.int(1, 20))
              : due === 'soon'
                ? todayDay + rng.int(0, 7)
                : todayDay + rng.int(8, 90);
          tasks.push({ title, dueDate: dayToDate(day), responsible });
        }
      }
      const base = {
        domain,
        goalInChildWords: rng.pick(GOALS[domain]),
        responsible: rng.pick(RESPONSIBLE),
        tasks,
      };
      if (!active) {
        return {
          ...base,
          targetDate: past(intakeDay + rng.int(60, 240)),
          status: rng.chance(0.7) ? 'achieved' : 'discontinued',
        };
      }
      const when = rng.weighted({ overdue: 2, soon: 2, later: 5, none: 1 });
      const target =
        when === 'overdue'
          ? Math.max(intakeDay + 1, todayDay - rng.int(1, 30))
          : when === 'soon'
            ? todayDay + rng.int(0, 7)
            : todayDay + rng.int(8, 180);
      return {
        ...base,
        ...(when === 'none' ? {} : { targetDate: dayToDate(target) }),
        status: rng.weighted({ not_started: 2, in_progress: 5, achieved: 2 }) as GoalStatus,
      };
    });

  return {
    consents,
    legal,
    goals,
    noContactOrderDate: past(intakeDay + rng.int(10, 60)),
  };
}
