// The router's handlers for the sync domain: start sharing, sync now with a folder, list the
// organisation's computers. The engine is the rest of this folder. What each audited call names
// in the audit log (never a path or content) is declared below, in syncAuditTargets.
import { statSync } from 'node:fs';
import type { syncProcedures } from '../../../../shared/sync/contract';
import { AppError } from '../../../../shared/errors';
import type { AuditTargets, Handlers } from '../../runtime/call-context';
import { fieldError } from '../../records/actor';
import { syncFolder } from './folder';
import { ownIdentity, startOrganisation } from './identity';
import { listComputers } from './computers';

type SyncHandlers = Pick<Handlers, keyof typeof syncProcedures>;

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

export function syncHandlers(): SyncHandlers {
  return {
    'sync.start': (ctx, input) => {
      const vault = ctx.vault();
      const { deviceId } = ctx.writeContext();
      if (ownIdentity(vault.db, deviceId)) throw new AppError('CONFLICT', 'sync.alreadySharing');
      return { computerId: startOrganisation(vault, deviceId, input.computerName).deviceId };
    },
    'sync.now': (ctx, input) => {
      const vault = ctx.vault();
      const self = ownIdentity(vault.db, ctx.writeContext().deviceId);
      if (!self) throw new AppError('CONFLICT', 'sync.notSharing');
      if (!isFolder(input.folder)) throw fieldError('folder', 'sync.folderMissing');
      const report = syncFolder(vault, self, input.folder);
      return {
        applied: report.applied.length,
        refused: report.refused.map(({ reason }) => ({ reason })),
        written: report.written !== null,
        deleted: report.deleted.length,
      };
    },
    'sync.computers': (ctx) => listComputers(ctx.vault().db),
  };
}

export const syncAuditTargets: AuditTargets = {
  'sync.start': { targetType: 'computer', targetId: (_input, output) => output.computerId },
  'sync.now': {
    targetType: 'syncFolder',
    targetId: () => null,
    detail: (_input, output) => ({
      applied: output.applied,
      refused: output.refused.length,
      written: output.written,
      deleted: output.deleted,
    }),
  },
};
