import { createColumnHelper } from '@tanstack/react-table';
import { useEffect, useMemo, useRef, useState, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseFile } from '../../../shared/children/contract';
import type { Placement } from '../../../shared/shelters/contract';
import { formatInstant } from '../../i18n/format';
import { useSession } from '../../auth/AuthContext';
import { StatusMessage } from '../../ui/FormAlert';
import { DataTable } from '../../ui/DataTable';
import { bedName } from './format';
import { BedMoveDialog } from './placement/BedMoveDialog';
import { DischargeDialog } from './placement/DischargeDialog';
import { EditDatesDialog } from './placement/EditDatesDialog';
import './shelters.css';
import { useDataTable } from '../../ui/useDataTable';

type OpenDialog =
  { kind: 'admit' | 'transfer' | 'discharge' } | { kind: 'edit'; placement: Placement } | null;

const column = createColumnHelper<Placement>();

/**
 * The case file's placement section: the current placement and the history, with Admit,
 * Transfer, Discharge and Edit dates. Headings start at h3: the case file gives the section its h2.
 */
export function PlacementPanel({ caseFile }: { caseFile: CaseFile }): JSX.Element {
  const { t } = useTranslation();
  const timeZone = useSession().settings.timeZone;
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const [status, setStatus] = useState<string | null>(null);
  const current = caseFile.currentPlacement;
  const history = useMemo(
    () => [...caseFile.placements].sort((a, b) => b.startAt.localeCompare(a.startAt)),
    [caseFile.placements],
  );

  const open = (next: OpenDialog) => {
    setStatus(null);
    setDialog(next);
  };
  const done = (message: string) => {
    setDialog(null);
    setStatus(message);
  };
  const admitButton = useRef<HTMLButtonElement>(null);
  const [afterDischarge, setAfterDischarge] = useState(false);

  // A discharge takes the Transfer and Discharge buttons away once the case file is read again:
  // focus goes to the Admit button that takes their place rather than fall to the page's body.
  useEffect(() => {
    if (!afterDischarge || current) return;
    setAfterDischarge(false);
    admitButton.current?.focus();
  }, [afterDischarge, current]);

  const columns = useMemo(
    () => [
      column.accessor('shelterName', { header: () => t('shelters.placement.shelter') }),
      column.display({
        id: 'bed',
        header: () => t('shelters.placement.bed'),
        cell: ({ row: { original: p } }) => bedName(t, { room: p.room, label: p.bedLabel }),
      }),
      column.accessor('startAt', {
        header: () => t('shelters.placement.start'),
        cell: (info) => formatInstant(info.getValue(), timeZone),
      }),
      column.accessor('endAt', {
        header: () => t('shelters.placement.end'),
        cell: (info) => {
          const end = info.getValue();
          return end ? formatInstant(end, timeZone) : t('shelters.placement.open');
        },
      }),
      column.accessor('reason', { header: () => t('shelters.placement.reason') }),
      column.accessor('exitDestination', {
        header: () => t('shelters.placement.destination'),
        cell: (info) => {
          const destination = info.getValue();
          return destination ? t(`shelters.destinations.${destination}`) : '';
        },
      }),
      column.accessor('exitNote', {
        header: () => t('shelters.placement.exitNote'),
        cell: (info) => info.getValue() ?? '',
      }),
      column.display({
        id: 'actions',
        header: () => t('shelters.placement.actions'),
        cell: ({ row: { original: p } }) => (
          <button
            type="button"
            aria-label={t('shelters.placement.editDatesOf', {
              shelter: p.shelterName,
              start: formatInstant(p.startAt, timeZone),
            })}
            onClick={() => open({ kind: 'edit', placement: p })}
          >
            {t('shelters.placement.editDates')}
          </button>
        ),
      }),
    ],
    [t, timeZone],
  );
  const table = useDataTable({ data: history, columns, getRowId: (p) => p.id });

  return (
    <div className="placement-panel">
      <StatusMessage>{status}</StatusMessage>
      <h3>{t('shelters.placement.current')}</h3>
      {current ? (
        <dl className="details">
          <dt>{t('shelters.placement.shelter')}</dt>
          <dd>{current.shelterName}</dd>
          <dt>{t('shelters.placement.bed')}</dt>
          <dd>{bedName(t, { room: current.room, label: current.bedLabel })}</dd>
          <dt>{t('shelters.placement.since')}</dt>
          <dd>{formatInstant(current.startAt, timeZone)}</dd>
          <dt>{t('shelters.placement.reason')}</dt>
          <dd>{current.reason}</dd>
          {current.overrideReason ? (
            <>
              <dt>{t('shelters.placement.overrideReason')}</dt>
              <dd>{current.overrideReason}</dd>
            </>
          ) : null}
        </dl>
      ) : (
        <p>{t('shelters.placement.none')}</p>
      )}
      <div className="row-actions placement-actions">
        {current ? (
          <>
            <button type="button" onClick={() => open({ kind: 'transfer' })}>
              {t('shelters.placement.transfer')}
            </button>
            <button type="button" onClick={() => open({ kind: 'discharge' })}>
              {t('shelters.placement.discharge')}
            </button>
            <button type="button" onClick={() => open({ kind: 'edit', placement: current })}>
              {t('shelters.placement.editDates')}
            </button>
          </>
        ) : (
          <button
            ref={admitButton}
            type="button"
            className="button-primary"
            onClick={() => open({ kind: 'admit' })}
          >
            {t('shelters.placement.admit')}
          </button>
        )}
      </div>
      <h3>{t('shelters.placement.history')}</h3>
      {history.length > 0 ? (
        <DataTable table={table} caption={t('shelters.placement.historyCaption')} />
      ) : (
        <p>{t('shelters.placement.noHistory')}</p>
      )}
      {dialog?.kind === 'admit' || dialog?.kind === 'transfer' ? (
        <BedMoveDialog
          mode={dialog.kind}
          caseFile={caseFile}
          onClose={() => setDialog(null)}
          onDone={done}
        />
      ) : null}
      {dialog?.kind === 'discharge' ? (
        <DischargeDialog
          caseFile={caseFile}
          onClose={() => setDialog(null)}
          onDone={(message) => {
            done(message);
            setAfterDischarge(true);
          }}
        />
      ) : null}
      {dialog?.kind === 'edit' ? (
        <EditDatesDialog
          placement={dialog.placement}
          onClose={() => setDialog(null)}
          onDone={done}
        />
      ) : null}
    </div>
  );
}
