// The router's handlers for outcome measures, and their audit targets (ids and codes only).
import type { measuresProcedures } from '../../../../../shared/therapy/measures';
import type { AuditTargets, Handlers } from '../../../runtime/call-context';
import { actorOf } from '../../../records/actor';
import { importInstrument, listInstruments } from './instruments';
import { recordScore, scoreHistory } from './scores';

type MeasuresProcedureName = keyof typeof measuresProcedures;

export function measuresHandlers(): Pick<Handlers, MeasuresProcedureName> {
  return {
    'measures.instruments': (ctx) => listInstruments(ctx.vault()),
    'measures.importInstrument': (ctx, input) => importInstrument(ctx.vault(), input.definition),
    'measures.record': (ctx, input) => recordScore(ctx.vault(), actorOf(ctx.user()), input),
    'measures.history': (ctx, input) =>
      scoreHistory(ctx.vault(), actorOf(ctx.user()), input.childId),
  };
}

export const measuresAuditTargets: Pick<AuditTargets, MeasuresProcedureName> = {
  'measures.importInstrument': {
    targetType: 'instrument',
    targetId: () => null,
    detail: (_input, instrument) => ({ code: instrument.code, version: instrument.version }),
  },
  'measures.record': {
    targetType: 'outcomeScore',
    targetId: (_input, score) => score.id,
    detail: (_input, score) => ({ childId: score.childId, instrument: score.instrumentCode }),
  },
};
