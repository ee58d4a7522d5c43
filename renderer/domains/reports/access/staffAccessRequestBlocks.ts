// A staff member's access-request export as printable blocks: what it holds and leaves out, the
// account, the password and key-slot dates, the records naming them as author (counts and dates),
// what others did to the account, then every action they performed, a child by case code only.
import type { TFunction } from 'i18next';
import { formatInstant } from '../../../../shared/format';
import { LANGUAGE_NAMES, isLanguage, type Language } from '../../../../shared/languages';
import type { StaffAccessRequestReport } from '../../../../shared/reports/access-request';
import type { ReportBlock } from '../../../../shared/reports/layout';

const tr = (t: TFunction, key: string, options?: object) =>
  (t as (key: string, options?: object) => string)(key, options);

/** An audit action's words in the printed language, or its name when the catalogue has none. */
const actionText = (t: TFunction, action: string) =>
  tr(t, `audit.actions.${action}`, { defaultValue: action });

export function staffAccessRequestBlocks(
  report: StaffAccessRequestReport,
  t: TFunction,
  language: Language,
): ReportBlock[] {
  const k = (key: string, options?: object) => tr(t, `accessRequest.staff.${key}`, options);
  const when = (instant: string | null) =>
    instant === null ? k('rows.never') : formatInstant(instant, report.timeZone, 'dateTime', language);
  const yesNo = (value: boolean) => k(value ? 'rows.yes' : 'rows.no');
  const column = (key: string, narrow = false) => ({ label: k(`columns.${key}`), narrow });
  const field = { label: tr(t, 'accessRequest.columns.field'), narrow: false };
  const value = { label: tr(t, 'accessRequest.columns.value'), narrow: false };
  const { account, keySlot } = report;
  return [
    { kind: 'note', id: 'about', text: k('about') },
    {
      kind: 'table',
      id: 'account',
      caption: k('account'),
      identifiable: true,
      columns: [field, value],
      rows: [
        [k('rows.name'), account.displayName],
        [k('rows.username'), account.username],
        [k('rows.role'), tr(t, `roles.${account.role}`)],
        [
          k('rows.shelters'),
          account.shelters.length > 0 ? account.shelters.join(', ') : k('rows.allShelters'),
        ],
        [
          k('rows.language'),
          account.language && isLanguage(account.language)
            ? LANGUAGE_NAMES[account.language]
            : (account.language ?? ''),
        ],
        [k('rows.created'), when(account.createdAt)],
        [k('rows.disabled'), account.disabledAt ? when(account.disabledAt) : k('rows.active')],
        [k('rows.lastSignIn'), when(account.lastSignInAt)],
      ],
    },
    {
      kind: 'table',
      id: 'key-slot',
      caption: k('keySlot'),
      identifiable: true,
      columns: [field, value],
      rows: [
        [k('rows.passwordChanged'), when(keySlot.passwordChangedAt)],
        [k('rows.mustChange'), yesNo(keySlot.mustChangePassword)],
        [k('rows.travels'), yesNo(keySlot.travels)],
      ],
    },
    {
      kind: 'table',
      id: 'authored',
      caption: k('authored'),
      identifiable: true,
      columns: [column('kind'), column('count', true), column('first'), column('last')],
      rows: report.authored.map((a) => [
        a.table.replace(/_/g, ' '),
        String(a.count),
        when(a.first),
        when(a.last),
      ]),
    },
    {
      kind: 'table',
      id: 'actions-on-account',
      caption: k('actionsOnAccount'),
      identifiable: true,
      columns: [column('when'), column('action'), column('by')],
      rows: report.actionsOnAccount.map((a) => [
        when(a.at),
        actionText(t, a.action),
        a.actorName ?? tr(t, 'audit.system'),
      ]),
    },
    {
      kind: 'table',
      id: 'actions',
      caption: k('actions'),
      identifiable: true,
      columns: [column('when'), column('action'), column('outcome', true), column('caseCode')],
      rows: report.actions.map((a) => [
        when(a.at),
        actionText(t, a.action),
        tr(t, `audit.outcome.${a.outcome}`, { defaultValue: a.outcome }),
        a.caseCode ?? '',
      ]),
    },
  ];
}
