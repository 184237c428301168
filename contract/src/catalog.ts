import { z } from 'zod';

export const ethnicity = z.object({ code: z.string(), name: z.string(), minority: z.boolean() });
export type Ethnicity = z.infer<typeof ethnicity>;
export const ethnicityList = z.object({ items: z.array(ethnicity) });
