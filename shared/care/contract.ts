// The care domain's procedures: what a residential shelter records about a child every day.
// Incidents (with who was told and what follows) and away episodes (hospital, court, a home
// visit, missing from care) while the child keeps her bed. Both are sections of the case file
// and lines on its timeline; the bed board shows who is away. Merged by shared/contract.ts.
import { z } from 'zod';
import { idOf, isoDateSchema } from '../ids';
import { procedure } from '../procedure';
import { todayPanelInput, type TodayCaseRow, type TodayPanelPage } from '../today';
import type { Role } from '../roles';
import { optionalText, requiredText } from '../text';
import { TIME_OF_DAY } from '../time';
import {
  CONTACT_KINDS,
  isOnlineContact,
  DOCUMENT_KINDS,
  DOCUMENT_STATUSES,
  INCIDENT_KINDS,
  INFORMED_PARTIES,
  PLANNED_AWAY_KINDS,
  type AwayKind,
  type ContactKind,
  type DocumentKind,
  type DocumentStatus,
  type IncidentKind,
  type InformedParty,
} from './vocabulary';

/** The case team keeps these records, as it keeps the rest of the case file. */
const CASE_TEAM: readonly Role[] = ['coordinator', 'caseworker'];
const multiline = { multiline: true } as const;
const timeOfDay = z.string().regex(TIME_OF_DAY, 'invalid');

export interface Incident {
  id: string;
  childId: string;
  kind: IncidentKind;
  occurredOn: string;
  occurredTime: string | null;
  description: string;
  informed: InformedParty[];
  /** Names, offices, a police blotter entry: how each was told. */
  informedNote: string | null;
  followUp: string | null;
  /** The away episode a missing-from-care report opened, if the child was placed. */
  awayEpisodeId: string | null;
}

export interface AwayEpisode {
  id: string;
  childId: string;
  kind: AwayKind;
  /** UTC instant she left (or was found missing). */
  leftAt: string;
  /** Calendar date in the vault's time zone; null for a missing child. */
  plannedReturnOn: string | null;
  returnedAt: string | null;
  /** Her placement ended (a discharge or transfer) before she was back; the episode ended too. */
  placementEndedAt: string | null;
  note: string | null;
  incidentId: string | null;
  /** Not back, and the planned return date has passed (as of today). */
  overdue: boolean;
}

export interface ChildDocument {
  id: string;
  childId: string;
  kind: DocumentKind;
  status: DocumentStatus;
  /** Registry, order or ID number. */
  reference: string | null;
  /** Where the paper is kept (a cabinet, the court, DSWD's file). */
  keptWhere: string | null;
  /** When a requested or missing document should be in hand. */
  dueOn: string | null;
  expiresOn: string | null;
  note: string | null;
  /** When it was entered in the register. */
  recordedAt: string;
}

/** A document for Today: to obtain by its due date, or held and expiring. */
export interface DocumentDue extends TodayCaseRow {
  id: string;
  kind: DocumentKind;
  status: DocumentStatus;
  /** The due date (to obtain) or the expiry date (held). */
  on: string;
  /** Past that date already. */
  late: boolean;
}

export interface ContactEntry {
  id: string;
  childId: string;
  kind: ContactKind;
  occurredOn: string;
  /** Who she was in contact with, and how they are related. */
  withWhom: string;
  supervised: boolean;
  supervisedBy: string | null;
  /** For an online contact: the device and account used. */
  device: string | null;
  /** For an online contact: the child's online-safety plan was followed. */
  safetyPlanFollowed: boolean | null;
  /** Anything of concern (an unknown adult, a request for pictures, distress after). */
  concerns: string | null;
}

/** A contact's own fields (the form's part of `contacts.save`). */
export const contactFieldsSchema = z.strictObject({
  kind: z.enum(CONTACT_KINDS),
  occurredOn: isoDateSchema,
  withWhom: requiredText(200),
  supervised: z.boolean(),
  supervisedBy: optionalText(100),
  device: optionalText(200),
  safetyPlanFollowed: z.boolean().optional(),
  concerns: optionalText(2000, multiline),
});

/** Supervised says by whom; an online contact names the device and the safety plan. */
export function checkContactFields(
  c: {
    kind: ContactKind;
    supervised: boolean;
    supervisedBy?: string | undefined;
    device?: string | undefined;
    safetyPlanFollowed?: boolean | undefined;
  },
  ctx: z.RefinementCtx,
): void {
  if (c.supervised && !c.supervisedBy)
    ctx.addIssue({ code: 'custom', path: ['supervisedBy'], message: 'required' });
  if (isOnlineContact(c.kind) && !c.device)
    ctx.addIssue({ code: 'custom', path: ['device'], message: 'required' });
  if (isOnlineContact(c.kind) && c.safetyPlanFollowed === undefined)
    ctx.addIssue({ code: 'custom', path: ['safetyPlanFollowed'], message: 'required' });
}

/** A register entry's own fields (the form's part of `documents.save`). */
export const documentFieldsSchema = z.strictObject({
  kind: z.enum(DOCUMENT_KINDS),
  status: z.enum(DOCUMENT_STATUSES),
  reference: optionalText(100),
  keptWhere: optionalText(200),
  dueOn: isoDateSchema.optional(),
  expiresOn: isoDateSchema.optional(),
  note: optionalText(500),
});

/** A paper on file says where it is; one still to obtain says by when. */
export function checkDocumentFields(
  d: { status: string; keptWhere?: string | undefined; dueOn?: string | undefined },
  ctx: z.RefinementCtx,
): void {
  if (d.status === 'held' && !d.keptWhere)
    ctx.addIssue({ code: 'custom', path: ['keptWhere'], message: 'required' });
  if (d.status !== 'held' && !d.dueOn)
    ctx.addIssue({ code: 'custom', path: ['dueOn'], message: 'required' });
}

export const careProcedures = {
  /** Records or corrects an incident; a new missing-from-care report marks a placed child away. */
  'incidents.save': procedure<Incident>()({
    input: z.strictObject({
      id: idOf('incident').optional(),
      childId: idOf('child'),
      kind: z.enum(INCIDENT_KINDS),
      occurredOn: isoDateSchema,
      occurredTime: timeOfDay.optional(),
      description: requiredText(4000, multiline),
      informed: z.array(z.enum(INFORMED_PARTIES)).max(INFORMED_PARTIES.length, 'tooMany'),
      informedNote: optionalText(500),
      followUp: optionalText(2000, multiline),
    }),
    access: CASE_TEAM,
    kind: 'mutation',
  }),
  /** The child leaves for a while and keeps her bed: hospital, court or a home visit. */
  'away.start': procedure<AwayEpisode>()({
    input: z.strictObject({
      childId: idOf('child'),
      kind: z.enum(PLANNED_AWAY_KINDS),
      leftOn: isoDateSchema,
      leftTime: timeOfDay,
      plannedReturnOn: isoDateSchema,
      note: optionalText(500),
    }),
    access: CASE_TEAM,
    kind: 'mutation',
  }),
  /** She is back (a missing child too): the bed board shows her in again. */
  'away.return': procedure<AwayEpisode>()({
    input: z.strictObject({
      id: idOf('awayEpisode'),
      returnedOn: isoDateSchema,
      returnedTime: timeOfDay,
    }),
    access: CASE_TEAM,
    kind: 'mutation',
  }),
  /** Adds or corrects an entry of the child's documents register. */
  'documents.save': procedure<ChildDocument>()({
    input: documentFieldsSchema
      .extend({ id: idOf('childDocument').optional(), childId: idOf('child') })
      .superRefine(checkDocumentFields),
    access: CASE_TEAM,
    kind: 'mutation',
  }),
  /** Adds or corrects an entry of the contacts log. */
  'contacts.save': procedure<ContactEntry>()({
    input: contactFieldsSchema
      .extend({ id: idOf('contactEntry').optional(), childId: idOf('child') })
      .superRefine(checkContactFields),
    access: CASE_TEAM,
    kind: 'mutation',
  }),
  /** For Today: documents to obtain within a week or overdue, and held ones expiring within 30 days. */
  'documents.due': procedure<TodayPanelPage<DocumentDue>>()({
    input: todayPanelInput,
    access: CASE_TEAM,
    kind: 'query',
  }),
} as const;

declare module '../case-file' {
  interface CaseFileSections {
    /** The child's incidents, newest first. */
    incidents: Incident[];
    /** Every time she was away, newest first; the open one (if any) first of all. */
    awayEpisodes: AwayEpisode[];
    /** The documents register, by kind. */
    documents: ChildDocument[];
    /** The contacts log, newest first. */
    contacts: ContactEntry[];
  }
  interface TimelineKinds {
    care: 'incident' | 'awayStarted' | 'awayReturned' | 'document' | 'contact';
  }
}

declare module '../ids' {
  interface IdKinds {
    /** An incident, an away episode, a document, a contact: visible when their child is. */
    care: 'incident' | 'awayEpisode' | 'childDocument' | 'contactEntry';
  }
}
