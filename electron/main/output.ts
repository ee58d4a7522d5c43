// A report leaving the app. A document to print or save as PDF goes into a hidden window of its
// own (sandboxed, no preload, nothing else loaded), then to the system print dialog or through
// printToPDF; the document sets its own paper size (@page), so the PDF is the preview's pages
// exactly. A PDF or a CSV is written only where the user picks in the save dialog.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { BrowserWindow, dialog } from 'electron';
import type { OutputRequest, OutputResult } from '../../shared/bridge';
import { saveDialogOptions } from './save-dialog';

/** Every face, bold included, before printing: a face still loading prints as blank text. */
const FONTS_LOADED = 'Promise.all([...document.fonts].map((f) => f.load())).then(() => true)';

async function rendered<T>(html: string, use: (window: BrowserWindow) => Promise<T>): Promise<T> {
  // Every security option spelled out, as for the app's window; no preload, no DevTools. Like
  // every webContents, it also gets the shell's no-navigation, no-new-window guards (hardening.ts).
  const window = new BrowserWindow({
    show: false,
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      disableBlinkFeatures: 'Auxclick',
      safeDialogs: true,
      spellcheck: false,
      devTools: false,
    },
  });
  try {
    await window.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`);
    await window.webContents.executeJavaScript(FONTS_LOADED);
    return await use(window);
  } finally {
    window.destroy();
  }
}

async function saveAs(
  owner: BrowserWindow,
  fileName: string,
  data: string | Buffer,
): Promise<OutputResult> {
  const choice = await dialog.showSaveDialog(owner, saveDialogOptions(fileName));
  if (choice.canceled || !choice.filePath) return { done: false };
  await writeFile(choice.filePath, data);
  return { done: true, fileName: path.basename(choice.filePath) };
}

export async function outputReport(
  owner: BrowserWindow,
  request: OutputRequest,
): Promise<OutputResult> {
  if (request.mode === 'csv') return saveAs(owner, request.fileName, request.content);
  if (request.mode === 'print') {
    return rendered(
      request.content,
      (window) =>
        new Promise<OutputResult>((resolve) =>
          window.webContents.print({ printBackground: true }, (done) => resolve({ done })),
        ),
    );
  }
  const pdf = await rendered(request.content, (window) =>
    window.webContents.printToPDF({ preferCSSPageSize: true, printBackground: true }),
  );
  return saveAs(owner, request.fileName, pdf);
}
