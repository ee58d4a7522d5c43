import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations, renderApp } from '../support/render';
import { THERAPY_IDS, THERAPIST, plan, therapyBridge } from '../support/therapy';

const CHILD_ROUTE = `/therapy/children/${THERAPY_IDS.child}`;

async function openNewPlan() {
  const bridge = therapyBridge().ok('therapy.plans', []);
  const app = renderApp(bridge, { route: CHILD_ROUTE });
  await screen.findByRole('heading', { level: 1, name: 'Therapy: AR-2026-0042 M.C.' });
  await app.user.click(screen.getByRole('button', { name: 'New therapy plan' }));
  const dialog = await screen.findByRole('dialog', { name: 'New therapy plan' });
  return { ...app, bridge, dialog };
}

describe('Therapy plan', () => {
  it('lists the children still without a plan, each a way to start a first one', async () => {
    const other = { id: THERAPY_IDS.caregiver, caseCode: 'AR-2026-0051', initials: 'J.R.' };
    const bridge = therapyBridge()
      .ok('therapy.unplanned', { rows: [other], total: 101 })
      .ok('therapy.plans', []);
    const { user } = renderApp(bridge, { route: '/therapy/caseload' });
    const panel = await screen.findByRole('region', { name: 'Children without a therapy plan' });
    expect(await within(panel).findByText('The first 1 of 101, by case code.')).toBeVisible();
    await expectNoAxeViolations();
    await user.click(
      within(panel).getByRole('link', { name: 'Plan therapy for AR-2026-0051 J.R.' }),
    );
    expect(await screen.findByRole('button', { name: 'New therapy plan' })).toBeVisible();
  });

  it('shows the TF-CBT progress line and the plan', async () => {
    renderApp(therapyBridge(), { route: CHILD_ROUTE });
    expect(await screen.findByText('Phase 2 — trauma narrative, session 7 of 14')).toBeVisible();
    expect(
      screen.getByRole('heading', { level: 3, name: 'TF-CBT with Luningning Santos' }),
    ).toBeVisible();
    await expectNoAxeViolations();
  });

  it('says what is wrong at each field as it is left, and sends nothing until it is right', async () => {
    const { user, bridge, dialog } = await openNewPlan();
    const planned = within(dialog).getByLabelText('Planned sessions');
    await user.type(planned, '30');
    await user.tab();
    expect(await within(dialog).findByText('Plan 8 to 25 sessions.')).toBeVisible();
    expect(planned).toHaveAttribute('aria-invalid', 'true');

    await user.click(within(dialog).getByRole('button', { name: 'Save plan' }));
    expect(within(dialog).getByLabelText('Modality')).toHaveAttribute('aria-invalid', 'true');
    expect(within(dialog).getByLabelText('Goals')).toHaveAttribute('aria-invalid', 'true');
    expect(bridge.countOf('therapy.savePlan')).toBe(0);

    // "Custom" needs words for how often.
    await user.selectOptions(within(dialog).getByLabelText('Frequency'), 'Custom');
    await user.click(within(dialog).getByRole('button', { name: 'Save plan' }));
    expect(within(dialog).getByLabelText('How often')).toHaveAttribute('aria-invalid', 'true');
    await expectNoAxeViolations();
  });

  it('saves a TF-CBT plan for the signed-in therapist with the child’s preferences', async () => {
    const { user, bridge, dialog } = await openNewPlan();
    bridge.ok('therapy.savePlan', plan());
    await user.selectOptions(within(dialog).getByLabelText('Modality'), 'TF-CBT');
    expect(within(dialog).getByLabelText('Therapist')).toHaveValue(THERAPIST.id);
    await user.type(within(dialog).getByLabelText('Goals'), 'Sleep through the night.');
    await user.type(within(dialog).getByLabelText('Planned sessions'), '14');
    await user.selectOptions(within(dialog).getByLabelText("Therapist's gender"), 'Female');
    await user.type(within(dialog).getByLabelText('Language'), 'Waray');
    await user.click(within(dialog).getByRole('button', { name: 'Save plan' }));
    expect(await screen.findByText('The therapy plan was saved.')).toBeVisible();
    const [input] = bridge.inputsOf('therapy.savePlan');
    expect(input).toMatchObject({
      childId: THERAPY_IDS.child,
      therapistId: THERAPIST.id,
      modality: 'tf_cbt',
      goals: 'Sleep through the night.',
      frequency: 'weekly',
      sessionMinutes: 60,
      plannedSessions: 14,
      preferences: { therapistGender: 'female', language: 'Waray', timeOfDay: 'no_preference' },
    });
    expect(input).not.toHaveProperty('overrideReason');
  });

  it('asks for a reason when the therapist changes mid-plan, and sends it', async () => {
    const bridge = therapyBridge()
      .failOnce('therapy.savePlan', {
        code: 'NEEDS_OVERRIDE',
        message: 'needsOverride',
        warnings: ['softRule.therapy.therapistChange'],
      })
      .ok(
        'therapy.savePlan',
        plan({ therapist: { id: THERAPY_IDS.otherTherapist, displayName: 'Dakila Reyes' } }),
      );
    const { user } = renderApp(bridge, { route: CHILD_ROUTE });
    await user.click(await screen.findByRole('button', { name: 'Change the plan' }));
    const dialog = await screen.findByRole('dialog', { name: 'Change the therapy plan' });
    await user.selectOptions(within(dialog).getByLabelText('Therapist'), 'Dakila Reyes');
    await user.click(within(dialog).getByRole('button', { name: 'Save plan' }));
    expect(
      await within(dialog).findByText('The therapist changes in the middle of the plan.'),
    ).toBeVisible();
    const reason = within(dialog).getByLabelText('Reason for going ahead');
    expect(reason).toHaveFocus();
    await user.type(reason, 'Luningning is on long leave from January.');
    await user.click(within(dialog).getByRole('button', { name: 'Save plan' }));
    expect(await screen.findByText('The therapy plan was saved.')).toBeVisible();
    expect(bridge.inputsOf('therapy.savePlan')[1]).toMatchObject({
      id: THERAPY_IDS.plan,
      therapistId: THERAPY_IDS.otherTherapist,
      overrideReason: 'Luningning is on long leave from January.',
    });
  });
});
