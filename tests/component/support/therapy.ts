// Therapy fixtures for the component tests: a TF-CBT plan, its child, sessions and checks.
import type {
  ChildScheduling,
  OccurrenceCheck,
  TherapyPlan,
  TherapySession,
} from '../../../shared/therapy/contract';
import { planProgress } from '../../../shared/therapy/vocabulary';
import type { SessionInfo } from '../../../shared/contract';
import { FakeBridge } from './FakeBridge';
import { IDS, therapistSession, unlocked } from './fixtures';

export const THERAPY_IDS = {
  child: '0190a5d4-6c1e-7a3b-8c2d-1e2f3a4b5ca0',
  plan: '0190a5d4-6c1e-7a3b-8c2d-1e2f3a4b5ca1',
  series: '0190a5d4-6c1e-7a3b-8c2d-1e2f3a4b5ca2',
  session1: '0190a5d4-6c1e-7a3b-8c2d-1e2f3a4b5ca3',
  session2: '0190a5d4-6c1e-7a3b-8c2d-1e2f3a4b5ca4',
  shelter: '0190a5d4-6c1e-7a3b-8c2d-1e2f3a4b5ca5',
  caregiver: '0190a5d4-6c1e-7a3b-8c2d-1e2f3a4b5ca6',
  otherTherapist: '0190a5d4-6c1e-7a3b-8c2d-1e2f3a4b5ca7',
} as const;

export const CHILD = { id: THERAPY_IDS.child, caseCode: 'AR-2026-0042', initials: 'M.C.' };
export const THERAPIST = { id: IDS.therapist, displayName: 'Luningning Santos' };

export function plan(overrides: Partial<TherapyPlan> = {}): TherapyPlan {
  return {
    id: THERAPY_IDS.plan,
    child: CHILD,
    therapist: THERAPIST,
    modality: 'tf_cbt',
    goals: 'Feel safe at night; name feelings.',
    frequency: 'weekly',
    customFrequency: null,
    sessionMinutes: 60,
    plannedSessions: 14,
    preferences: { therapistGender: 'female', language: 'Waray', timeOfDay: 'morning' },
    status: 'active',
    startedOn: '2026-11-02',
    progress: planProgress('tf_cbt', 14, [
      ['psychoeducation_parenting'],
      ['relaxation'],
      ['affect_modulation'],
      ['cognitive_coping'],
      ['cognitive_coping'],
      ['trauma_narrative'],
      ['trauma_narrative'],
    ]),
    updatedAt: '2026-11-20T02:00:00.000Z',
    ...overrides,
  };
}

export const SCHEDULING: ChildScheduling = {
  child: { ...CHILD, age: 13, ageEstimated: false },
  placement: { shelterId: THERAPY_IDS.shelter, shelterName: 'Bahay Pag-asa', since: '2026-10-01' },
  legalEvents: [{ id: THERAPY_IDS.series, kind: 'testimony', date: '2026-12-16', time: '09:00' }],
  caregivers: [{ id: THERAPY_IDS.caregiver, name: 'Rosario Dela Cruz', relationship: 'Aunt' }],
};

export function therapySession(overrides: Partial<TherapySession> = {}): TherapySession {
  return {
    id: THERAPY_IDS.session1,
    seriesId: THERAPY_IDS.series,
    planId: THERAPY_IDS.plan,
    therapist: THERAPIST,
    kind: 'individual',
    // 9:00–10:00 in Manila
    startAt: '2026-12-02T01:00:00.000Z',
    endAt: '2026-12-02T02:00:00.000Z',
    shelterId: THERAPY_IDS.shelter,
    room: 'Sampaguita',
    status: 'scheduled',
    statusReason: null,
    children: [CHILD],
    caregiver: null,
    plannedComponents: ['trauma_narrative'],
    components: [],
    overridden: false,
    ...overrides,
  };
}

/** One weekly occurrence on `date` at 9:00 Manila. */
export function occurrence(
  date: string,
  overrides: Partial<OccurrenceCheck> = {},
): OccurrenceCheck {
  return {
    date,
    startAt: `${date}T01:00:00.000Z`,
    endAt: `${date}T02:00:00.000Z`,
    conflicts: [],
    warnings: [],
    ...overrides,
  };
}

export function therapyBridge(s: SessionInfo = therapistSession()): FakeBridge {
  return new FakeBridge()
    .ok('app.status', unlocked(s))
    .ok('therapy.therapists', [
      THERAPIST,
      { id: THERAPY_IDS.otherTherapist, displayName: 'Dakila Reyes' },
    ])
    .ok('therapy.caseload', [
      {
        child: CHILD,
        plans: [
          {
            id: THERAPY_IDS.plan,
            modality: 'tf_cbt',
            therapistName: THERAPIST.displayName,
            progress: plan().progress,
          },
        ],
      },
    ])
    .ok('therapy.unplanned', { rows: [], total: 0 })
    .ok('therapy.childScheduling', SCHEDULING)
    .ok('visitors.list', [])
    .ok('therapy.plans', [plan()])
    .ok('therapy.history', [therapySession()])
    .ok('therapy.today', { date: '2026-12-02', sessions: [therapySession()] })
    .ok('notes.toSign', [])
    .ok('notes.openFlags', []);
}
