/** DatePicker, TimePicker and Calendar: the app gets ISO strings (`2026-11-30`, `14:30`), as UI Kit passes them. */
import Calendar from '@atlaskit/calendar';
import { DatePicker, TimePicker } from '@atlaskit/datetime-picker';
import { blurEvent } from '../../../ui-host/ui-events';
import { useFieldValue } from '../field-state';
import { booleanOf, handlerOf, numberOf, oneOf, stringOf } from '../props';
import { type ForgeDoc } from '../../../ui-host/forge-doc';
import { type ModuleRuntime, useModuleRuntime } from '../runtime';
import { type UiKitComponent } from '../types';
import { fieldState, stringList } from './field-values';

const WEEK_DAYS = [0, 1, 2, 3, 4, 5, 6] as const;

/** Both pickers keep the picked string and hand it to the app's onChange, and report blur. */
function pickerHandlers(node: ForgeDoc, runtime: ModuleRuntime, setValue: (value: string) => void) {
  return {
    onChange: (picked: string) => {
      setValue(picked);
      void runtime.call(handlerOf(node, 'onChange'), picked);
    },
    onBlur: () => void runtime.call(handlerOf(node, 'onBlur'), blurEvent(node)),
  };
}

export const DatePickerView: UiKitComponent = ({ node }) => {
  const runtime = useModuleRuntime();
  const [value, setValue] = useFieldValue(stringOf(node, 'value'), () => stringOf(node, 'defaultValue') ?? '');
  const weekStart = numberOf(node, 'weekStartDay');
  return (
    <DatePicker
      {...fieldState(node)}
      value={value}
      dateFormat={stringOf(node, 'dateFormat')}
      placeholder={stringOf(node, 'placeholder')}
      minDate={stringOf(node, 'minDate')}
      maxDate={stringOf(node, 'maxDate')}
      disabled={stringList(node.props.disabled)}
      locale={stringOf(node, 'locale')}
      weekStartDay={WEEK_DAYS.find((day) => day === weekStart)}
      spacing={oneOf(node, 'spacing', ['default', 'compact'] as const)}
      appearance={oneOf(node, 'appearance', ['default', 'subtle', 'none'] as const)}
      testId={stringOf(node, 'testId')}
      {...pickerHandlers(node, runtime, setValue)}
    />
  );
};

export const TimePickerView: UiKitComponent = ({ node }) => {
  const runtime = useModuleRuntime();
  const [value, setValue] = useFieldValue(stringOf(node, 'value'), () => stringOf(node, 'defaultValue') ?? '');
  return (
    <TimePicker
      {...fieldState(node)}
      value={value}
      placeholder={stringOf(node, 'placeholder')}
      timeFormat={stringOf(node, 'timeFormat')}
      times={stringList(node.props.times)}
      timeIsEditable={booleanOf(node, 'timeIsEditable')}
      locale={stringOf(node, 'locale')}
      spacing={oneOf(node, 'spacing', ['default', 'compact'] as const)}
      appearance={oneOf(node, 'appearance', ['default', 'subtle', 'none'] as const)}
      testId={stringOf(node, 'testId')}
      {...pickerHandlers(node, runtime, setValue)}
    />
  );
};

export const CalendarView: UiKitComponent = ({ node }) => {
  const runtime = useModuleRuntime();
  return (
    <Calendar
      defaultSelected={stringList(node.props.defaultSelected)}
      selected={stringList(node.props.selected)}
      disabled={stringList(node.props.disabled)}
      minDate={stringOf(node, 'minDate')}
      maxDate={stringOf(node, 'maxDate')}
      day={numberOf(node, 'day')}
      defaultDay={numberOf(node, 'defaultDay')}
      defaultMonth={numberOf(node, 'defaultMonth')}
      defaultYear={numberOf(node, 'defaultYear')}
      month={numberOf(node, 'month')}
      year={numberOf(node, 'year')}
      today={stringOf(node, 'today')}
      locale={stringOf(node, 'locale')}
      testId={stringOf(node, 'testId')}
      onSelect={(event: { iso: string; day: number; month: number; year: number }) => void runtime.call(handlerOf(node, 'onSelect'), { ...event })}
      onChange={(event: { iso: string; day: number; month: number; year: number; type: string }) => void runtime.call(handlerOf(node, 'onChange'), { ...event })}
    />
  );
};
