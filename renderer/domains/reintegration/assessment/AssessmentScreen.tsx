// One assessment: the editable form while it is a draft or returned (for the case team), else
// what was recorded; its result (scores, band, why it is not safe); and its review.
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Assessment } from '../../../../shared/reintegration/contract';
import type { ReintegrationInstrument } from '../../../../shared/reintegration/instruments';
import { isEditable } from '../../../../shared/reintegration/vocabulary';
import { formatCalendarDate } from '../../../i18n/format';
import { useApiQuery } from '../../../api/queries';
import { useDocumentTitle } from '../../../hooks/useDocumentTitle';
import { FormAlert, StatusMessage } from '../../../ui/FormAlert';
import { householdKindText, recommendationText, statusText } from '../labels';
import { AssessmentEditor } from './AssessmentEditor';
import { PlanSummary } from './PlanFields';
import { ReviewPanel } from './ReviewPanel';
import { ScoreSummary } from './ScoreSummary';
import '../reintegration.css';
import { useState } from 'react';

function RecordedAnswers({
  assessment,
  instrument,
}: {
  assessment: Assessment;
  instrument: ReintegrationInstrument;
}) {
  const { t } = useTranslation();
  const answerText = (key: string) => {
    const answer = assessment.answers[key];
    if (answer === undefined) return t('reintegration.form.notRated');
    if (answer === 'notKnown') return t('reintegration.form.notKnown');
    const point = instrument.scale.find((p) => p.value === answer);
    return t('reintegration.form.scalePoint', { value: answer, label: point?.label ?? '' });
  };
  const voice = assessment.childVoice;
  return (
    <section aria-labelledby="assessment-recorded-heading" className="panel">
      <h2 id="assessment-recorded-heading">{statusText(t, assessment.status)}</h2>
      <dl>
        <dt>{t('reintegration.form.visits')}</dt>
        <dd>{assessment.visitDates.map((date) => formatCalendarDate(date)).join(', ') || '—'}</dd>
        <dt>{t('reintegration.form.interviewed')}</dt>
        <dd>{assessment.interviewed || '—'}</dd>
      </dl>
      {instrument.domains.map((domain) => (
        <div key={domain.key}>
          <h3>{domain.label}</h3>
          <dl>
            {domain.items.map((item) => (
              <div key={item.key}>
                <dt>{item.label}</dt>
                <dd>{answerText(item.key)}</dd>
              </div>
            ))}
            <dt>{t('reintegration.form.evidence', { domain: domain.label })}</dt>
            <dd>{assessment.evidence[domain.key] ?? '—'}</dd>
          </dl>
        </div>
      ))}
      <h3>{t('reintegration.form.voice')}</h3>
      <dl>
        <dt>{t('reintegration.form.consulted')}</dt>
        <dd>
          {voice.consulted === null
            ? '—'
            : voice.consulted
              ? t('reintegration.form.consultedYes')
              : t('reintegration.form.consultedNo')}
        </dd>
        {voice.consulted === false ? (
          <>
            <dt>{t('reintegration.form.notConsultedWhy')}</dt>
            <dd>{voice.whyNot}</dd>
          </>
        ) : (
          <>
            <dt>{t('reintegration.form.consultedHow')}</dt>
            <dd>{voice.how || '—'}</dd>
            <dt>{t('reintegration.form.wishes')}</dt>
            <dd>{voice.wishes || '—'}</dd>
          </>
        )}
        <dt>{t('reintegration.form.recommendation')}</dt>
        <dd>
          {assessment.recommendation ? recommendationText(t, assessment.recommendation) : '—'}
        </dd>
      </dl>
      {instrument.kind === 'readiness' ? <PlanSummary plan={assessment.plan} /> : null}
    </section>
  );
}

export function AssessmentScreen() {
  const { t } = useTranslation();
  const { childId = '', id = '' } = useParams();
  const list = useApiQuery('reintegration.list', { childId });
  const instruments = useApiQuery('reintegration.instruments', {});
  const [status, setStatus] = useState<string | null>(null);
  const assessment = list.data?.find((a) => a.id === id);
  const instrument = instruments.data?.find(
    (i) => i.code === assessment?.instrumentCode && i.version === assessment.instrumentVersion,
  );
  useDocumentTitle(instrument?.name ?? t('reintegration.caseFile.heading'));
  const back = (
    <p>
      <Link to={`/cases/${childId}`}>{t('reintegration.form.back')}</Link>
    </p>
  );
  if (list.isError || instruments.isError)
    return (
      <>
        {back}
        <FormAlert message={{ key: (list.error ?? instruments.error)!.message }} />
      </>
    );
  if (!assessment || !instrument)
    return (
      <>
        {back}
        <p>
          {list.data && instruments.data
            ? t('reintegration.loadFailed')
            : t('reintegration.loading')}
        </p>
      </>
    );
  return (
    <>
      {back}
      <h1>
        {t('reintegration.form.heading', {
          instrument: instrument.name,
          version: instrument.version,
        })}
      </h1>
      {assessment.household ? (
        <p>
          {t('reintegration.form.household', {
            label: assessment.household.label || '—',
            kind: householdKindText(t, assessment.household.kind),
          })}
        </p>
      ) : null}
      <p>{statusText(t, assessment.status)}</p>
      <StatusMessage>{status}</StatusMessage>
      <ScoreSummary assessment={assessment} instrument={instrument} />
      {isEditable(assessment.status) ? (
        <AssessmentEditor
          key={`${assessment.id}-${assessment.status}`}
          assessment={assessment}
          instrument={instrument}
          onSubmitted={() => setStatus(t('reintegration.form.submitted'))}
        />
      ) : (
        <RecordedAnswers assessment={assessment} instrument={instrument} />
      )}
      <ReviewPanel assessment={assessment} />
    </>
  );
}
