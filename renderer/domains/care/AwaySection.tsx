// The case file's away episodes: hospital, court, a home visit, or missing from care, while the
// child keeps her bed. One may be open at a time; Record return closes it.
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { AwayEpisode } from '../../../shared/care/contract';
import { PLANNED_AWAY_KINDS } from '../../../shared/care/vocabulary';
import type { CaseFile } from '../../../shared/children/contract';
import { procedures } from '../../../shared/contract';
import { todayIn } from '../../../shared/time';
import { formatCalendarDate, formatInstant } from '../../i18n/format';
import { useApiMutation } from '../../api/queries';
import { useSession } from '../../auth/AuthContext';
import { useApiForm } from '../../forms/useApiForm';
import { CaseSection } from '../../ui/CaseSection';
import { ChoiceField } from '../../ui/ChoiceField';
import { Field } from '../../ui/Field';
import { StatusMessage } from '../../ui/FormAlert';
import { FormDialog } from '../../ui/FormDialog';
import { RecordTable } from '../../ui/RecordTable';
import { useSectionDialogs } from '../../ui/RowActions';
import { fromForm } from '../children';
import { careStale } from './stale';

type Open = { kind: 'start' } | { kind: 'return'; episode: AwayEpisode };

export function AwaySection({ file }: { file: CaseFile }) {
  const { t } = useTranslation();
  const { settings } = useSession();
  const dialogs = useSectionDialogs<Open>();
  const open = file.awayEpisodes.find((e) => e.returnedAt === null && !e.placementEndedAt);
  const at = (instant: string) => formatInstant(instant, settings.timeZone);
  return (
    <CaseSection id="case-away" title={t('care.away.heading')}>
      <StatusMessage>{dialogs.status}</StatusMessage>
      {file.currentPlacement ? null : <p className="muted">{t('care.away.notPlaced')}</p>}
      <RecordTable
        records={file.awayEpisodes}
        label={{ caption: t('care.away.heading') }}
        columns={[
          t('care.away.kind'),
          t('care.away.left'),
          t('care.away.plannedReturn'),
          t('care.away.back'),
          t('care.away.note'),
        ]}
        emptyText={t('care.away.empty')}
        add={
          file.currentPlacement && !open
            ? { label: t('care.away.start'), onClick: () => dialogs.setOpen({ kind: 'start' }) }
            : undefined
        }
      >
        {(episode) => (
          <tr key={episode.id}>
            <td>{t(`care.awayKind.${episode.kind}`)}</td>
            <td>{at(episode.leftAt)}</td>
            <td>{episode.plannedReturnOn ? formatCalendarDate(episode.plannedReturnOn) : '—'}</td>
            <td>
              {episode.returnedAt ? (
                at(episode.returnedAt)
              ) : episode.placementEndedAt ? (
                t('care.away.placementEnded', { date: at(episode.placementEndedAt) })
              ) : episode.overdue ? (
                <strong className="not-safe">{t('care.away.overdue')}</strong>
              ) : (
                t('care.away.stillAway')
              )}
            </td>
            <td className="cell-text">{episode.note ?? '—'}</td>
            <td>
              {episode === open ? (
                <button
                  type="button"
                  aria-label={t('care.away.returnOne', {
                    kind: t(`care.awayKind.${episode.kind}`),
                  })}
                  onClick={() => dialogs.setOpen({ kind: 'return', episode })}
                >
                  {t('care.away.recordReturn')}
                </button>
              ) : null}
            </td>
          </tr>
        )}
      </RecordTable>
      {dialogs.open?.kind === 'start' ? (
        <StartAwayDialog
          childId={file.child.id}
          onClose={dialogs.close}
          onDone={() => dialogs.done(t('care.away.started'))}
        />
      ) : null}
      {dialogs.open?.kind === 'return' ? (
        <ReturnDialog
          childId={file.child.id}
          episode={dialogs.open.episode}
          onClose={dialogs.close}
          onDone={() => dialogs.done(t('care.away.returned'))}
        />
      ) : null}
    </CaseSection>
  );
}

const startShape = z.object({
  kind: z.union([z.literal(''), z.enum(PLANNED_AWAY_KINDS)]),
  leftOn: z.string(),
  leftTime: z.string(),
  plannedReturnOn: z.string(),
  note: z.string(),
});
const startSchema = fromForm(startShape, procedures['away.start'].input.omit({ childId: true }));

function StartAwayDialog({
  childId,
  onClose,
  onDone,
}: {
  childId: string;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { settings } = useSession();
  const today = todayIn(settings.timeZone);
  const { errors, register, showError, dialogFor } = useApiForm({
    schema: startSchema,
    defaultValues: { kind: '', leftOn: today, leftTime: '', plannedReturnOn: '', note: '' },
    fields: ['kind', 'leftOn', 'leftTime', 'plannedReturnOn', 'note'],
  });
  const start = useApiMutation('away.start', {
    stale: () => careStale(childId),
    onSuccess: onDone,
    onError: showError,
  });
  const dialog = dialogFor(start, (values) => ({ ...values, childId }));
  return (
    <FormDialog
      title={t('care.away.startTitle')}
      intro={t('care.away.startIntro')}
      onClose={onClose}
      submitLabel={t('care.away.startSave')}
      {...dialog}
    >
      <ChoiceField
        label={t('care.away.kind')}
        error={errors.kind}
        registration={register('kind')}
        values={PLANNED_AWAY_KINDS}
        optionText={(v) => t(`care.awayKind.${v}`)}
      />
      <Field label={t('care.away.leftOn')} error={errors.leftOn}>
        {(a) => <input {...a} {...register('leftOn')} type="date" max={today} />}
      </Field>
      <Field label={t('care.away.leftTime')} error={errors.leftTime}>
        {(a) => <input {...a} {...register('leftTime')} type="time" className="input-short" />}
      </Field>
      <Field label={t('care.away.plannedReturn')} error={errors.plannedReturnOn}>
        {(a) => <input {...a} {...register('plannedReturnOn')} type="date" />}
      </Field>
      <Field label={t('care.away.note')} hint={t('care.away.noteHint')} error={errors.note}>
        {(a) => <input {...a} {...register('note')} autoComplete="off" />}
      </Field>
    </FormDialog>
  );
}

const returnShape = z.object({ returnedOn: z.string(), returnedTime: z.string() });
const returnSchema = fromForm(returnShape, procedures['away.return'].input.omit({ id: true }));

function ReturnDialog({
  childId,
  episode,
  onClose,
  onDone,
}: {
  childId: string;
  episode: AwayEpisode;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { settings } = useSession();
  const today = todayIn(settings.timeZone);
  const { errors, register, showError, dialogFor } = useApiForm({
    schema: returnSchema,
    defaultValues: { returnedOn: today, returnedTime: '' },
    fields: ['returnedOn', 'returnedTime'],
  });
  const back = useApiMutation('away.return', {
    stale: () => careStale(childId),
    onSuccess: onDone,
    onError: showError,
  });
  const dialog = dialogFor(back, (values) => ({ ...values, id: episode.id }));
  return (
    <FormDialog
      title={t('care.away.returnTitle', { kind: t(`care.awayKind.${episode.kind}`) })}
      onClose={onClose}
      submitLabel={t('care.away.returnSave')}
      {...dialog}
    >
      <Field label={t('care.away.returnedOn')} error={errors.returnedOn}>
        {(a) => <input {...a} {...register('returnedOn')} type="date" max={today} />}
      </Field>
      <Field label={t('care.away.returnedTime')} error={errors.returnedTime}>
        {(a) => <input {...a} {...register('returnedTime')} type="time" className="input-short" />}
      </Field>
    </FormDialog>
  );
}
