import { z } from 'zod';

/** UUIDv7 (DESIGN.md §7): time-ordered, so indexes stay compact. */
export const idSchema = z.uuid({ version: 'v7' });
/** Calendar date, no time zone. */
export const isoDateSchema = z.iso.date();
