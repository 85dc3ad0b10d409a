import { z } from 'zod';

export const roles = ['staff', 'analyst', 'admin', 'employer'] as const;
export type Role = (typeof roles)[number];

/** Claims KetNoi reads from an access token. An employer's token names its employer. */
export const principalSchema = z
  .object({
    sub: z.string().min(1),
    roles: z.array(z.enum(roles)),
    employerId: z.string().min(1).optional(),
  })
  .refine((claims) => !claims.roles.includes('employer') || claims.employerId !== undefined, {
    message: 'an employer token must carry employerId',
    path: ['employerId'],
  });

export type Principal = z.output<typeof principalSchema>;
