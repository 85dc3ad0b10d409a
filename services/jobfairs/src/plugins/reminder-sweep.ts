import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { listFairs } from '../use-cases/fairs.js';
import { sendReminders } from '../use-cases/reminders.js';

export interface ReminderSweepOptions {
  leadHours: number;
  intervalMs: number;
}

/**
 * Sends the reminders of fairs starting within `leadHours`, checking every
 * `intervalMs`. Reminders are idempotent aggregates, so several instances may
 * sweep at once. A lead of 0 turns the sweep off (reminders on request only).
 */
export const reminderSweepPlugin = fp(
  async (app: FastifyInstance, options: ReminderSweepOptions) => {
    if (options.leadHours === 0) return;
    let timer: NodeJS.Timeout | undefined;
    let running: Promise<void> | undefined;
    const sweep = async () => {
      const now = app.jobfairs.now().getTime();
      for (const fair of await listFairs(app.jobfairs)) {
        const startsAt = Date.parse(fair.state.startsAt);
        if (fair.state.status !== 'scheduled' || startsAt <= now || startsAt - now > options.leadHours * 3600_000) continue;
        const result = await sendReminders(app.jobfairs, fair.id);
        if (result.sent > 0) app.log.info({ fairId: fair.id, sent: result.sent }, 'fair reminders sent');
      }
    };
    const tick = () => {
      running = sweep()
        .catch((err: unknown) => app.log.warn({ err }, 'reminder sweep failed; will try again'))
        .finally(() => {
          timer = setTimeout(tick, options.intervalMs);
        });
    };
    app.addHook('onReady', async () => {
      timer = setTimeout(tick, 0);
    });
    app.addHook('onClose', async () => {
      clearTimeout(timer);
      await running;
      clearTimeout(timer);
    });
  },
  { name: 'reminder-sweep', fastify: '5.x', dependencies: ['jobfairs'] },
);
