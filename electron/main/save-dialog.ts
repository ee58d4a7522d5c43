// What the save dialog for a report is asked to do. Windows' save dialog adds the file it saves
// to Recent items and to the app's jump list, where anyone at the computer can read its name; so
// the dialog is told not to, and the name it proposes is only ever a report's kind and period.
import path from 'node:path';
import type { SaveDialogOptions } from 'electron';
import { isNeutralFileName, type OutputExtension } from '../../shared/reports/file-name';

export function saveDialogOptions(fileName: string): SaveDialogOptions {
  const extension: OutputExtension = path.extname(fileName) === '.csv' ? 'csv' : 'pdf';
  return {
    // The boundary already refused any other name; this holds should a caller skip it.
    defaultPath: isNeutralFileName(fileName, extension) ? fileName : `report.${extension}`,
    filters: [{ name: extension.toUpperCase(), extensions: [extension] }],
    properties: ['dontAddToRecent'],
  };
}
