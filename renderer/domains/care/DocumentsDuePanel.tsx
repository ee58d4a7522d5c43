// Documents to obtain this week (or late) and held ones expiring within 30 days, of the children
// the user sees, each linking to the case file: the panel the care domain adds to Today.
import { useTranslation } from 'react-i18next';
import { formatCalendarDate } from '../../i18n/format';
import { TodayPanel } from '../../ui/TodayPanel';

export function DocumentsDuePanel() {
  const { t } = useTranslation();
  return (
    <TodayPanel
      procedure="documents.due"
      id="documents-due-heading"
      heading={t('care.documentsDue.heading')}
      caption={t('care.documentsDue.caption')}
      none={t('care.documentsDue.none')}
      caseColumn={t('care.documentsDue.caseCode')}
      openLabel={(doc) => t('care.documentsDue.open', { caseCode: doc.caseCode })}
      rowKey={(doc) => doc.id}
      columns={[
        {
          header: t('care.documentsDue.kind'),
          cell: (doc) => t(`care.documentKind.${doc.kind}`),
        },
        {
          header: t('care.documentsDue.what'),
          cell: (doc) =>
            t(`care.documentsDue.${doc.status === 'held' ? 'expires' : 'due'}`, {
              date: formatCalendarDate(doc.on),
            }),
        },
        {
          header: t('care.documentsDue.late'),
          cell: (doc) =>
            doc.late ? <strong className="not-safe">{t('care.documentsDue.lateYes')}</strong> : '—',
        },
      ]}
    />
  );
}
