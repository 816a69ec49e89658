import { resendLostEffects } from '../commands/resend-effects';

/** Hourly: queues again the effects of changes whose push was lost (src/commands/resend-effects.ts). */
export async function effectsSweep(): Promise<{ statusCode: number }> {
  await resendLostEffects(new Date());
  return { statusCode: 200 };
}
