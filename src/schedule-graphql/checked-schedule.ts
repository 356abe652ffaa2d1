import { BadUserInputError } from '../common/errors/domain-error';
import { compileSchedule, validateSchedule, type CompiledSchedule, type Schedule } from '../schedule';

/** A schedule from an input, compiled, or BAD_USER_INPUT listing every problem under `path` (e.g. `input.schedule.startTime`). */
export function checkedSchedule(schedule: Schedule, path: string): CompiledSchedule {
  const problems = validateSchedule(schedule);
  if (problems.length) throw new BadUserInputError(problems.map((p) => ({ path: `${path}.${p.path}`, message: p.message })));
  return compileSchedule(schedule);
}
