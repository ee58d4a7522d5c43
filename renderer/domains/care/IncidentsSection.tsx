// The case file's incidents: what happened and when, who was told (police, DSWD, family) and
// what follows. Reporting a child missing from care also marks her away on the bed board.
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { Incident } from '../../../shared/care/contract';
import { INCIDENT_KINDS, INFORMED_PARTIES } from '../../../shared/care/vocabulary';
import type { CaseFile } from '../../../shared/children/contract';
import { procedures } from '../../../shared/contract';
import { todayIn } from '../../../shared/time';
import { formatCalendarDate, formatTimeOfDay } from '../../i18n/format';
import { useApiMutation } from '../../api/queries';
import { useSession } from '../../auth/AuthContext';
import { useApiForm } from '../../forms/useApiForm';
import { CaseSection } from '../../ui/CaseSection';
import { Checkbox } from '../../ui/Checkbox';
import { ChoiceField } from '../../ui/ChoiceField';
import { Field } from '../../ui/Field';
import { StatusMessage } from '../../ui/FormAlert';
import { FormDialog } from '../../ui/FormDialog';
import { RecordTable } from '../../ui/RecordTable';
import { useSectionDialogs } from '../../ui/RowActions';
import { fromForm, withoutBlanks } from '../children';
import { careStale } from './stale';

export function IncidentsSection({ file }: { file: CaseFile }) {
  const { t } = useTranslation();
  const dialogs = useSectionDialogs<{ incident: Incident | null }>();
  const describe = (incident: Incident) =>
    t('care.incidents.name', {
      kind: t(`care.incidentKind.${incident.kind}`),
      date: formatCalendarDate(incident.occurredOn),
    });
  return (
    <CaseSection
      id="case-incidents"
      title={t('care.incidents.heading')}
      contentNote={t('care.incidents.contentNote')}
    >
      <StatusMessage>{dialogs.status}</StatusMessage>
      <RecordTable
        records={file.incidents}
        label={{ caption: t('care.incidents.heading') }}
        columns={[
          t('care.incidents.when'),
          t('care.incidents.kind'),
          t('care.incidents.description'),
          t('care.incidents.informed'),
          t('care.incidents.followUp'),
        ]}
        emptyText={t('care.incidents.empty')}
        add={{
          label: t('care.incidents.add'),
          onClick: () => dialogs.setOpen({ incident: null }),
        }}
      >
        {(incident) => (
          <tr key={incident.id}>
            <td>
              {formatCalendarDate(incident.occurredOn)}
              {incident.occurredTime ? ` ${formatTimeOfDay(incident.occurredTime)}` : ''}
            </td>
            <td>{t(`care.incidentKind.${incident.kind}`)}</td>
            <td className="cell-text">{incident.description}</td>
            <td className="cell-text">
              {incident.informed.length === 0
                ? t('care.incidents.nobodyInformed')
                : incident.informed.map((p) => t(`care.informed.${p}`)).join(', ')}
              {incident.informedNote ? ` (${incident.informedNote})` : ''}
            </td>
            <td className="cell-text">{incident.followUp ?? '—'}</td>
            <td>
              <button
                type="button"
                aria-label={t('care.incidents.editOne', { incident: describe(incident) })}
                onClick={() => dialogs.setOpen({ incident })}
              >
                {t('care.incidents.edit')}
              </button>
            </td>
          </tr>
        )}
      </RecordTable>
      {dialogs.open ? (
        <IncidentDialog
          childId={file.child.id}
          incident={dialogs.open.incident}
          onClose={dialogs.close}
          onDone={(missing) =>
            dialogs.done(
              dialogs.open?.incident
                ? t('care.incidents.updated')
                : missing
                  ? t('care.incidents.addedMissing')
                  : t('care.incidents.added'),
            )
          }
        />
      ) : null}
    </CaseSection>
  );
}

const incidentShape = z.object({
  kind: z.union([z.literal(''), z.enum(INCIDENT_KINDS)]),
  occurredOn: z.string(),
  occurredTime: z.string(),
  description: z.string(),
  police: z.boolean(),
  dswd: z.boolean(),
  family: z.boolean(),
  informedNote: z.string(),
  followUp: z.string(),
});
const INCIDENT_FIELDS = [
  'kind',
  'occurredOn',
  'occurredTime',
  'description',
  'informedNote',
  'followUp',
] as const;
/** The three checkboxes become the contract's list of who was told. */
const incidentSchema = fromForm(
  incidentShape,
  procedures['incidents.save'].input.omit({ id: true, childId: true }),
  ({ police, dswd, family, ...rest }) => ({
    ...withoutBlanks(rest),
    informed: INFORMED_PARTIES.filter((p) => ({ police, dswd, family })[p]),
  }),
);

function IncidentDialog({
  childId,
  incident,
  onClose,
  onDone,
}: {
  childId: string;
  incident: Incident | null;
  onClose: () => void;
  onDone: (missing: boolean) => void;
}) {
  const { t } = useTranslation();
  const { settings } = useSession();
  const told = (party: (typeof INFORMED_PARTIES)[number]) =>
    incident?.informed.includes(party) ?? false;
  const { errors, register, showError, dialogFor } = useApiForm({
    schema: incidentSchema,
    defaultValues: {
      kind: incident?.kind ?? '',
      occurredOn: incident?.occurredOn ?? todayIn(settings.timeZone),
      occurredTime: incident?.occurredTime ?? '',
      description: incident?.description ?? '',
      police: told('police'),
      dswd: told('dswd'),
      family: told('family'),
      informedNote: incident?.informedNote ?? '',
      followUp: incident?.followUp ?? '',
    },
    fields: INCIDENT_FIELDS,
  });
  const save = useApiMutation('incidents.save', {
    stale: () => careStale(childId),
    onSuccess: (saved) => onDone(saved.awayEpisodeId !== null && !incident),
    onError: showError,
  });
  const dialog = dialogFor(save, (values) => ({
    ...values,
    childId,
    ...(incident ? { id: incident.id } : {}),
  }));
  return (
    <FormDialog
      title={incident ? t('care.incidents.editTitle') : t('care.incidents.addTitle')}
      intro={incident ? undefined : t('care.incidents.intro')}
      onClose={onClose}
      submitLabel={t('care.incidents.save')}
      {...dialog}
    >
      <ChoiceField
        label={t('care.incidents.kind')}
        error={errors.kind}
        registration={register('kind')}
        values={INCIDENT_KINDS}
        optionText={(v) => t(`care.incidentKind.${v}`)}
      />
      <Field label={t('care.incidents.date')} error={errors.occurredOn}>
        {(a) => (
          <input {...a} {...register('occurredOn')} type="date" max={todayIn(settings.timeZone)} />
        )}
      </Field>
      <Field
        label={t('care.incidents.time')}
        hint={t('care.incidents.timeHint')}
        error={errors.occurredTime}
      >
        {(a) => <input {...a} {...register('occurredTime')} type="time" className="input-short" />}
      </Field>
      <Field
        label={t('care.incidents.description')}
        hint={t('care.incidents.descriptionHint')}
        error={errors.description}
      >
        {(a) => <textarea {...a} {...register('description')} rows={4} />}
      </Field>
      <fieldset>
        <legend>{t('care.incidents.informed')}</legend>
        {INFORMED_PARTIES.map((party) => (
          <Checkbox key={party} label={t(`care.informed.${party}`)} {...register(party)} />
        ))}
      </fieldset>
      <Field
        label={t('care.incidents.informedNote')}
        hint={t('care.incidents.informedNoteHint')}
        error={errors.informedNote}
      >
        {(a) => <input {...a} {...register('informedNote')} autoComplete="off" />}
      </Field>
      <Field label={t('care.incidents.followUp')} error={errors.followUp}>
        {(a) => <textarea {...a} {...register('followUp')} rows={3} />}
      </Field>
    </FormDialog>
  );
}
