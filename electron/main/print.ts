// Printing report HTML through a hidden window (DESIGN.md §5): `print` for the system dialog,
// `printToPDF` for "Save as PDF". The window has no scripts, no preload and its own in-memory
// session that refuses every request except the report itself, so a report can never load
// remote content.
import { BrowserWindow, session, type WebContents } from 'electron';
import { randomUUID } from 'node:crypto';
import { PAPER_DIMENSIONS, type PaperSize } from '../../shared/settings';
import { lockDownSession } from './hardening';

export interface PrintJob {
  /** A complete, static HTML document (inline styles, data: images). */
  html: string;
  paperSize: PaperSize;
}

const MICRONS_PER_INCH = 25_400;

async function withReportWindow<T>(
  html: string,
  use: (contents: WebContents) => Promise<T>,
): Promise<T> {
  const ses = session.fromPartition(`print-${randomUUID()}`, { cache: false });
  lockDownSession(ses);
  ses.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !details.url.startsWith('data:') });
  });
  const window = new BrowserWindow({
    show: false,
    webPreferences: {
      session: ses,
      javascript: false,
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
      spellcheck: false,
      devTools: false,
    },
  });
  try {
    await window.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`);
    return await use(window.webContents);
  } finally {
    window.destroy();
  }
}

/** Opens the system print dialog. Resolves false when the user cancels. */
export function printHtml(job: PrintJob): Promise<boolean> {
  const { widthIn, heightIn } = PAPER_DIMENSIONS[job.paperSize];
  return withReportWindow(
    job.html,
    (contents) =>
      new Promise<boolean>((resolve, reject) => {
        contents.print(
          {
            printBackground: true,
            pageSize: {
              width: Math.round(widthIn * MICRONS_PER_INCH),
              height: Math.round(heightIn * MICRONS_PER_INCH),
            },
          },
          (success, failureReason) => {
            if (success) resolve(true);
            else if (failureReason === 'Print job canceled') resolve(false);
            else reject(new Error(`Printing failed: ${failureReason}`));
          },
        );
      }),
  );
}

/** Renders the report to PDF bytes on the chosen paper. */
export function htmlToPdf(job: PrintJob): Promise<Buffer> {
  const { widthIn, heightIn } = PAPER_DIMENSIONS[job.paperSize];
  return withReportWindow(job.html, (contents) =>
    contents.printToPDF({
      printBackground: true,
      pageSize: { width: widthIn, height: heightIn },
    }),
  );
}
