// The recommendation's reintegration plan, through the services on a real vault: its stages,
// services after the return and responsible people are saved with the draft, kept when an
// autosave leaves them out, checked at their fields, and locked with the approval.
import { describe, expect, it } from 'vitest';
import { approveAssessment, submitAssessment } from '../../electron/backend/domains/reintegration';
import { familyReadiness, refusal, reintegrationFixture } from './support';

const p = reintegrationFixture();

function kinshipDraftInput(overrides: Record<string, unknown> = {}) {
  const { childId, aunt } = p.placedChild();
  return familyReadiness(childId, { kind: 'kinship', memberIds: [aunt] }, overrides);
}

const PLAN = {
  stages: {
    preparation: { plannedOn: '2025-08-25', status: 'done', responsible: 'Fictional caseworker' },
    firstContact: {
      plannedOn: '2025-09-05',
      status: 'inProgress',
      responsible: 'Fictional caseworker with the aunt',
    },
    reunification: { plannedOn: '2025-09-20', status: 'notStarted', responsible: '' },
  },
  services: {
    school: 'Fictional enrolment at the barangay school, grade 5',
    livelihood: 'Fictional sari-sari store starter kit for the aunt',
    counselling: 'Fictional monthly sessions at the municipal social welfare office',
  },
  responsible: 'Fictional caseworker; fictional municipal social worker',
};

describe('the reintegration plan', () => {
  it('a new draft has an empty plan; a saved plan comes back whole and survives an autosave without it', () => {
    const input = kinshipDraftInput();
    const draft = p.save(p.author, input);
    expect(draft.plan.stages.preparation).toEqual({
      plannedOn: null,
      status: 'notStarted',
      responsible: '',
    });
    expect(draft.plan.services.school).toBe('');
    const planned = p.save(p.author, { ...input, id: draft.id, plan: PLAN });
    expect(planned.plan).toEqual(PLAN);
    const kept = p.save(p.author, { ...input, id: draft.id, interviewed: 'Fictional uncle too' });
    expect(kept.plan).toEqual(PLAN);
    expect(kept.interviewed).toBe('Fictional uncle too');
  });

  it('a begun stage needs its date, and the dates follow the stages’ order; nothing is saved', () => {
    const input = kinshipDraftInput();
    const draft = p.save(p.author, { ...input, plan: PLAN });
    const bad = {
      ...PLAN,
      stages: {
        preparation: { plannedOn: null, status: 'inProgress', responsible: '' },
        firstContact: { plannedOn: '2025-09-10', status: 'notStarted', responsible: '' },
        reunification: { plannedOn: '2025-09-01', status: 'notStarted', responsible: '' },
      },
    };
    expect(refusal(() => p.save(p.author, { ...input, id: draft.id, plan: bad }))).toMatchObject({
      code: 'VALIDATION',
      fields: {
        'plan.stages.preparation.plannedOn': 'reintegration.stageDate',
        'plan.stages.reunification.plannedOn': 'reintegration.stageOrder',
      },
    });
    expect(p.save(p.author, { ...input, id: draft.id }).plan).toEqual(PLAN);
  });

  it('is locked with the approval', () => {
    const input = kinshipDraftInput({ plan: PLAN });
    const draft = p.save(p.author, input);
    submitAssessment(p.vault, p.author, draft.id);
    const approved = approveAssessment(p.vault, p.reviewer, draft.id);
    expect(approved.plan).toEqual(PLAN);
    expect(
      refusal(() =>
        p.save(p.author, { ...input, id: draft.id, plan: { ...PLAN, responsible: 'changed' } }),
      ),
    ).toMatchObject({ code: 'CONFLICT', message: 'reintegration.notEditable' });
    expect(() =>
      p.vault.data.update('reintegration_assessments', draft.id, { plan: '{}' }),
    ).toThrow(/assessment\.approved/);
  });
});
