// The router's handlers for the sync domain: start sharing, add a computer and join with its
// join file, this computer's sync settings, sync now
// with a folder, list the organisation's computers and remove one. The engine is the rest of this folder. What each audited call names
// in the audit log (never a path or content) is declared below, in syncAuditTargets.
import { statSync } from 'node:fs';
import type { syncProcedures } from '../../../../shared/sync/contract';
import { AppError } from '../../../../shared/errors';
import type { AuditTargets, Handlers } from '../../runtime/call-context';
import { fieldError } from '../../records/actor';
import { accountSlotSources } from '../access';
import { syncFolder } from './folder';
import { computerKey, ownIdentity, removeComputer, startOrganisation } from './identity';
import { replaceBundleKey } from './bundle-keys';
import { listComputers } from './computers';
import { describeConflicts } from './conflicts';
import { saveSyncSettings, syncStatus } from './settings';
import { joinOrganisation, makeJoinFile } from './join';
import { giveNewCaseCode } from './case-codes';

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
    'sync.addComputer': (ctx, input) => {
      const vault = ctx.vault();
      const self = ownIdentity(vault.db, ctx.writeContext().deviceId);
      if (!self) throw new AppError('CONFLICT', 'sync.notSharing');
      if (!isFolder(input.folder)) throw fieldError('folder', 'sync.folderMissing');
      return makeJoinFile(vault, self, input.computerName, input.folder, ctx.kdf, ctx.progress);
    },
    'sync.join': async (ctx, input) => {
      if (ctx.vaultState() !== 'setup') throw new AppError('CONFLICT', 'vaultExists');
      if (input.syncFolder && !isFolder(input.syncFolder))
        throw fieldError('syncFolder', 'sync.folderMissing');
      const joined = await joinOrganisation(ctx.folder, input, ctx.schema, ctx.kdf, ctx.progress);
      ctx.adoptDeviceId(joined.computerId);
      return joined;
    },
    'sync.now': async (ctx, input) => {
      const vault = ctx.vault();
      const self = ownIdentity(vault.db, ctx.writeContext().deviceId);
      if (!self) throw new AppError('CONFLICT', 'sync.notSharing');
      if (!isFolder(input.folder)) throw fieldError('folder', 'sync.folderMissing');
      const report = syncFolder(vault, self, input.folder);
      // Accounts made, changed or disabled elsewhere open this computer's keyring from now on (or
      // no longer do). A full pass, so one cut short by a crash is finished by the next sync.
      await vault.syncAccountSlots(accountSlotSources(vault));
      // The screens refresh whatever started the sync (the window that asked also does on its answer).
      if (report.applied.length > 0) ctx.announceSynced();
      return {
        applied: report.applied.length,
        refused: report.refused.map(({ reason }) => ({ reason })),
        written: report.written !== null,
        deleted: report.deleted.length,
      };
    },
    'sync.computers': (ctx) => listComputers(ctx.vault().db),
    'sync.status': (ctx) => syncStatus(ctx.vault().db),
    'sync.conflicts': (ctx) => describeConflicts(ctx.vault().db),
    'sync.newCaseCode': (ctx, input) => giveNewCaseCode(ctx.vault(), input.childId),
    'sync.saveSettings': (ctx, input) => {
      const vault = ctx.vault();
      if (!ownIdentity(vault.db, ctx.writeContext().deviceId))
        throw new AppError('CONFLICT', 'sync.notSharing');
      if (!isFolder(input.folder)) throw fieldError('folder', 'sync.folderMissing');
      saveSyncSettings(vault, input);
      return syncStatus(vault.db);
    },
    'sync.removeComputer': (ctx, input) => {
      const vault = ctx.vault();
      const self = ownIdentity(vault.db, ctx.writeContext().deviceId);
      if (!self) throw new AppError('CONFLICT', 'sync.notSharing');
      // This computer cannot refuse its own bundles; another computer removes it.
      if (input.computerId === self.deviceId) throw new AppError('CONFLICT', 'sync.removeSelf');
      if (computerKey(vault.db, input.computerId)?.removed)
        throw new AppError('CONFLICT', 'sync.alreadyRemoved');
      removeComputer(vault, input.computerId, input.reason);
      // What is written from now on is for the remaining computers only.
      replaceBundleKey(vault, self);
      return { computerId: input.computerId };
    },
  };
}

export const syncAuditTargets: AuditTargets = {
  'sync.start': { targetType: 'computer', targetId: (_input, output) => output.computerId },
  // Never the code (it is stored nowhere) nor the file's path.
  'sync.addComputer': {
    targetType: 'computer',
    targetId: (_input, output) => output.computerId,
  },
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
  // Never the folder's path, which can name a person's drive or share.
  'sync.saveSettings': {
    targetType: 'syncFolder',
    targetId: () => null,
    detail: (input) => ({ staleDays: input.staleDays }),
  },
  // The codes are the child's (the case file shows them); the log names the child alone.
  'sync.newCaseCode': { targetType: 'child', targetId: (input) => input.childId },
  // The reason stays with the computer's row (it travels with the removal), not in the log.
  'sync.removeComputer': {
    targetType: 'computer',
    targetId: (_input, output) => output.computerId,
  },
};
