import { z } from 'zod';

export const PAPER_SIZES = ['A4', 'Letter', 'Legal13'] as const;
export type PaperSize = (typeof PAPER_SIZES)[number];
/** Page dimensions in inches; "Legal13" is Philippine long bond paper, 8.5 × 13 in. */
export const PAPER_DIMENSIONS: Record<PaperSize, { widthIn: number; heightIn: number }> = {
  A4: { widthIn: 8.27, heightIn: 11.69 },
  Letter: { widthIn: 8.5, heightIn: 11 },
  Legal13: { widthIn: 8.5, heightIn: 13 },
};

export const DEFAULT_TIME_ZONE = 'Asia/Manila';
export const IDLE_MINUTES = { min: 1, max: 60, default: 5 } as const;

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export const timeZoneSchema = z
  .string()
  .max(64)
  .refine(isTimeZone, { message: 'timeZone.invalid' });

/** Vault settings: set by the administrator, stored encrypted, every change audited. */
export const vaultSettingsSchema = z
  .object({
    idleLockMinutes: z.number().int().min(IDLE_MINUTES.min).max(IDLE_MINUTES.max),
    timeZone: timeZoneSchema,
    paperSize: z.enum(PAPER_SIZES),
  })
  .strict();
export type VaultSettings = z.infer<typeof vaultSettingsSchema>;

export const DEFAULT_SETTINGS: VaultSettings = {
  idleLockMinutes: IDLE_MINUTES.default,
  timeZone: DEFAULT_TIME_ZONE,
  paperSize: 'A4',
};
