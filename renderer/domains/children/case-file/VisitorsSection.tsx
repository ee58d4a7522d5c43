import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { VISITOR_STATES, type VisitorState } from '../../../../shared/children/vocabulary';
import { procedures } from '../../../../shared/contract';
import type { CaseFile, Visitor } from '../../../../shared/children/contract';
import { useApiMutation, useApiQuery } from '../../../api/queries';
import { useApiForm } from '../../../forms/useApiForm';
import { CaseSection } from '../../../ui/CaseSection';
import { ChoiceField } from '../../../ui/ChoiceField';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { Field } from '../../../ui/Field';
import { FormAlert, StatusMessage } from '../../../ui/FormAlert';
import { FormDialog } from '../../../ui/FormDialog';
import { RecordTable } from '../../../ui/RecordTable';
import { childStale } from '../caseQueries';
import { fromForm } from '../formValues';
import { useNamesVisible } from './NamesPanel';
import { useRecordActions } from './useRecordActions';

/** A visitor's state in words, with a badge that never relies on colour alone. */
export function VisitorStateBadge({ state }: { state: VisitorState }) {
  const { t } = useTranslation();
  return (
    <span className={`badge visitor-${state}${state === 'allowed' ? '' : ' badge-caution'}`}>
      {t(`children.visitors.state.${state}`)}
    </span>
  );
}

/** Who may visit: the family (by their flags) and people added directly, with why. */
export function VisitorsSection({ file }: { file: CaseFile }) {
  const { t } = useTranslation();
  const childId = file.child.id;
  const namesVisible = useNamesVisible();
  const visitors = useApiQuery('visitors.list', { childId });
  const actions = useRecordActions<Visitor>({
    procedure: 'visitors.remove',
    childId,
    removedText: () => t('children.visitors.removed'),
  });
  const { open } = actions;

  return (
    <CaseSection id="case-visitors" title={t('children.visitors.heading')}>
      <StatusMessage>{actions.status}</StatusMessage>
      {visitors.isError ? <FormAlert message={{ key: visitors.error.message }} /> : null}
      <RecordTable
        records={visitors.data ?? []}
        label={{ caption: t('children.visitors.heading') }}
        columns={[
          t('children.visitors.name'),
          t('children.visitors.relationship'),
          t('children.visitors.stateColumn'),
          t('children.visitors.why'),
        ]}
        emptyText={t('children.visitors.empty')}
        add={{ label: t('children.visitors.add'), onClick: actions.add }}
      >
        {(visitor) => (
          <tr key={visitor.id}>
            <td>
              {namesVisible ? (
                visitor.name
              ) : (
                <span className="name-hidden">{t('children.names.hidden')}</span>
              )}
            </td>
            <td>{visitor.relationship}</td>
            <td>
              <VisitorStateBadge state={visitor.state} />
            </td>
            <td className="cell-text">
              {visitor.source === 'direct'
                ? t('children.visitors.addedDirectly')
                : visitor.reasons?.length
                  ? visitor.reasons.map((r) => t(`children.visitors.reason.${r}`)).join(' · ')
                  : t('children.visitors.fromFamily')}
            </td>
            <td>
              {/* Family members leave this list only from the family section. */}
              {visitor.source === 'direct' ? (
                <div className="row-actions">
                  <button
                    type="button"
                    onClick={() => actions.askRemove(visitor)}
                    aria-label={t('children.visitors.removeOne', {
                      relationship: visitor.relationship,
                    })}
                  >
                    {t('children.remove')}
                  </button>
                </div>
              ) : null}
            </td>
          </tr>
        )}
      </RecordTable>
      {open?.kind === 'edit' ? (
        <AddVisitorDialog childId={childId} onClose={actions.close} onSaved={actions.done} />
      ) : null}
      {open?.kind === 'remove' ? (
        <ConfirmDialog
          title={t('children.visitors.removeTitle')}
          body={t('children.visitors.removeBody', { relationship: open.record.relationship })}
          {...actions.confirmRemove(open.record)}
        />
      ) : null}
    </CaseSection>
  );
}

const visitorShape = z.object({ name: z.string(), relationship: z.string(), state: z.string() });

function AddVisitorDialog({
  childId,
  onClose,
  onSaved,
}: {
  childId: string;
  onClose: () => void;
  onSaved: (message: string) => void;
}) {
  const { t } = useTranslation();
  const { errors, register, showError, dialogFor } = useApiForm({
    schema: fromForm(visitorShape, procedures['visitors.add'].input.omit({ childId: true })),
    defaultValues: { name: '', relationship: '', state: '' },
    fields: ['name', 'relationship', 'state'],
  });
  const add = useApiMutation('visitors.add', {
    stale: () => childStale(childId),
    onSuccess: () => onSaved(t('children.visitors.added')),
    onError: showError,
  });
  const dialog = dialogFor(add, (values) => ({ ...values, childId }));
  return (
    <FormDialog
      title={t('children.visitors.addTitle')}
      intro={t('children.visitors.addIntro')}
      onClose={onClose}
      {...dialog}
      submitLabel={t('children.visitors.save')}
    >
      <Field label={t('children.visitors.name')} error={errors.name}>
        {(a) => <input {...a} {...register('name')} autoComplete="off" />}
      </Field>
      <Field label={t('children.visitors.relationship')} error={errors.relationship}>
        {(a) => <input {...a} {...register('relationship')} autoComplete="off" />}
      </Field>
      <ChoiceField
        label={t('children.visitors.stateColumn')}
        error={errors.state}
        registration={register('state')}
        values={VISITOR_STATES}
        optionText={(state) => t(`children.visitors.state.${state}`)}
      />
    </FormDialog>
  );
}
