// The baseline file's schema (zod), loaded only when a baseline is read: a file from outside.
import { z } from 'zod';

export const BaselineEntry = z.strictObject({
  code: z.string(),
  subject: z.string(),
  attribute: z.string(),
  /** Normalised values of the sides of the conflict, sorted ("USD 14300000000", "49%", "2025-06-10"). */
  values: z.array(z.string()).min(1),
  /** The values as the articles wrote them: for people reading the file, not used to match. */
  texts: z.array(z.string()).optional(),
});

export const Baseline = z.strictObject({
  version: z.literal(1),
  conflicts: z.array(BaselineEntry),
});

export type BaselineEntry = z.infer<typeof BaselineEntry>;
export type Baseline = z.infer<typeof Baseline>;
