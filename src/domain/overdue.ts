/**
 * Overdue steps: a step with due days that is still waiting for decisions after its due date.
 */
import { type ApprovalRequest } from './request';
import { isBefore, minutesBetween, toInstant } from './time';

export interface OverdueStep {
  stepIndex: number;
  stepId: string;
  stepName: string;
  dueAt: string;
  /** Whole minutes past the due date, for sorting the queue by urgency. */
  overdueMinutes: number;
}

/** Only a request in approval can be overdue, and only on a step that has not completed. */
export function overdueSteps(request: ApprovalRequest, now: string | Date): OverdueStep[] {
  const at = toInstant(now);
  if (at === null) throw new RangeError('overdueSteps needs a valid time');
  if (request.status !== 'inApproval') return [];
  return request.steps.flatMap((state, stepIndex) => {
    const { dueAt } = state;
    if (dueAt === undefined || state.completedAt !== undefined || !isBefore(dueAt, at)) return [];
    return [
      {
        stepIndex,
        stepId: state.stepId,
        stepName: request.workflow.steps[stepIndex].name,
        dueAt,
        overdueMinutes: Math.floor(minutesBetween(dueAt, at)),
      },
    ];
  });
}

export function isOverdue(request: ApprovalRequest, now: string | Date): boolean {
  return overdueSteps(request, now).length > 0;
}
