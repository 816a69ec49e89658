import { type Failure } from '../domain/errors';
import { type TransitionResult, type TransitionSuccess } from '../domain/transition-result';
import { AppError } from '../shared/errors';

/** A domain refusal as the error the caller sees; its message is already written for them. */
export function refusal(failure: Failure): AppError {
  return new AppError(failure.error.code, failure.error.message);
}

export function accepted(result: TransitionResult): TransitionSuccess {
  if (!result.ok) throw refusal(result);
  return result;
}
