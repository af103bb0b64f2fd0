// One business calendar (the calendar-file format). The server replaces a calendar as a whole, so the first change
// copies the default calendar into the document and edits the copy; "Rétablir" removes the copy.
import { useEffect, useState } from 'react';
import type { HolidayView } from '../../../../src/contract';
import { CONTRACT_ZONE, formatDay } from '../../../shared/src/format';
import { useLang } from '../../../shared/src/i18n/react';
import { getAt, isObject } from '../document';
import { useT } from '../i18n';
import { HOLIDAY_SETS, WEEKDAYS, type Weekday } from '../layout';
import { FieldProblems, useInvalidProps } from './FieldProblems';
import { fieldId, useForm } from './FormContext';
import { asList, ListEditor } from './ListEditor';

type Calendar = { readonly [key: string]: unknown };

/** A new calendar starts as a copy of `standard` (or Monday to Friday 08:00–18:00 when there is no such default). */
export const newCalendarFrom = (defaults: unknown): Calendar => {
  const standard = getAt(defaults, ['calendars', 'standard']);
  if (isObject(standard)) return standard;
  const day = ['08:00-18:00'];
  return { zone: CONTRACT_ZONE, week: { mon: day, tue: day, wed: day, thu: day, fri: day }, holidays: 'FR' };
};

const rangesText = (value: unknown): string => (asList(value) ?? []).join(', ');
const parseRanges = (text: string): string[] => text.split(/[,;\s]+/).filter((part) => part !== '');

/** A weekday's ranges as text; the draft is kept while typing ("08:00-12:00," must not lose its comma). */
const WeekdayInput = ({
  name,
  day,
  value,
  onChange,
}: {
  readonly name: string;
  readonly day: Weekday;
  readonly value: unknown;
  readonly onChange: (ranges: string[]) => void;
}) => {
  const t = useT();
  const { readOnly } = useForm();
  const path = ['calendars', name, 'week', day];
  const invalidProps = useInvalidProps(path);
  const committed = rangesText(value);
  const [draft, setDraft] = useState(committed);
  useEffect(() => {
    setDraft((current) => (parseRanges(current).join(', ') === committed ? current : committed));
  }, [committed]);
  return (
    <tr>
      <th scope="row">
        <label htmlFor={fieldId(path)}>{t(`weekday.${day}`)}</label>
      </th>
      <td>
        <input
          id={fieldId(path)}
          type="text"
          value={draft}
          placeholder={t('admin.calendar.closed')}
          disabled={readOnly}
          data-testid={`field-calendars.${name}.week.${day}`}
          onChange={(event) => {
            setDraft(event.target.value);
            onChange(parseRanges(event.target.value));
          }}
          {...invalidProps}
        />
        <FieldProblems path={path} />
      </td>
    </tr>
  );
};

export type CalendarEditorProps = {
  readonly name: string;
  readonly holidays: readonly HolidayView[];
};

export const CalendarEditor = ({ name, holidays }: CalendarEditorProps) => {
  const t = useT();
  const lang = useLang();
  const { document, defaults, readOnly, write } = useForm();
  const stored = getAt(document, ['calendars', name]);
  const fallback = getAt(defaults, ['calendars', name]);
  const customised = isObject(stored);
  const calendar: Calendar = isObject(stored) ? stored : isObject(fallback) ? fallback : newCalendarFrom(defaults);
  const base = ['calendars', name];
  const update = (key: string, value: unknown) => {
    const { [key]: _old, ...others } = calendar;
    write(base, value === undefined ? others : { ...others, [key]: value });
  };
  const updateDay = (day: Weekday, ranges: string[]) => {
    const week = isObject(calendar.week) ? calendar.week : {};
    const { [day]: _old, ...otherDays } = week;
    update('week', ranges.length === 0 ? otherDays : { ...otherDays, [day]: ranges });
  };
  const text = (key: string): string => {
    const value = calendar[key];
    return typeof value === 'string' ? value : '';
  };
  const zoneProps = useInvalidProps([...base, 'zone']);
  const holidaysProps = useInvalidProps([...base, 'holidays']);
  const dayLengthProps = useInvalidProps([...base, 'dayLength']);
  const headingId = `csla-calendar-${name}`;
  const check = (key: 'holidaysWorked' | 'whitMondayWorked', label: string) => (
    <div className="csla-setting csla-setting--inline">
      <input
        id={fieldId([...base, key])}
        type="checkbox"
        checked={calendar[key] === true}
        disabled={readOnly}
        data-testid={`field-calendars.${name}.${key}`}
        onChange={(event) => update(key, event.target.checked)}
      />
      <label htmlFor={fieldId([...base, key])}>{label}</label>
      <FieldProblems path={[...base, key]} />
    </div>
  );
  return (
    <section className="csla-calendar" aria-labelledby={headingId} data-testid={`calendar-${name}`}>
      <h3 id={headingId}>
        {t('admin.calendar', { name })}{' '}
        <span className="csla-badge csla-badge--subtle">
          {customised ? t('admin.calendar.custom') : t('admin.calendar.builtin')}
        </span>
      </h3>
      <FieldProblems path={base} />
      <div className="csla-calendar__grid">
        <div>
          <div className="csla-setting">
            <label htmlFor={fieldId([...base, 'zone'])}>{t('admin.calendar.zone')}</label>
            <input
              id={fieldId([...base, 'zone'])}
              type="text"
              list="csla-zones"
              value={text('zone')}
              placeholder="Europe/Paris"
              disabled={readOnly}
              data-testid={`field-calendars.${name}.zone`}
              onChange={(event) => update('zone', event.target.value === '' ? undefined : event.target.value)}
              {...zoneProps}
            />
            <FieldProblems path={[...base, 'zone']} />
          </div>
          <table className="csla-week">
            <caption>
              {t('admin.calendar.week')} <small className="csla-muted">{t('admin.calendar.week.help')}</small>
            </caption>
            <tbody>
              {WEEKDAYS.map((day) => (
                <WeekdayInput
                  key={day}
                  name={name}
                  day={day}
                  value={isObject(calendar.week) ? calendar.week[day] : undefined}
                  onChange={(ranges) => updateDay(day, ranges)}
                />
              ))}
            </tbody>
          </table>
          <FieldProblems path={[...base, 'week']} />
          <div className="csla-setting">
            <label htmlFor={fieldId([...base, 'dayLength'])}>{t('admin.calendar.dayLength')}</label>
            <input
              id={fieldId([...base, 'dayLength'])}
              type="text"
              size={8}
              value={text('dayLength')}
              disabled={readOnly}
              data-testid={`field-calendars.${name}.dayLength`}
              onChange={(event) => update('dayLength', event.target.value === '' ? undefined : event.target.value)}
              {...dayLengthProps}
            />
            <small className="csla-help">{t('admin.calendar.dayLength.help')}</small>
            <FieldProblems path={[...base, 'dayLength']} />
          </div>
        </div>
        <div>
          <div className="csla-setting">
            <label htmlFor={fieldId([...base, 'holidays'])}>{t('admin.calendar.holidays')}</label>
            <select
              id={fieldId([...base, 'holidays'])}
              value={text('holidays') || 'FR'}
              disabled={readOnly}
              data-testid={`field-calendars.${name}.holidays`}
              onChange={(event) => update('holidays', event.target.value)}
              {...holidaysProps}
            >
              {HOLIDAY_SETS.map((set) => (
                <option key={set} value={set}>
                  {t(`admin.calendar.holidays.${set}`)}
                </option>
              ))}
            </select>
            <FieldProblems path={[...base, 'holidays']} />
          </div>
          {check('holidaysWorked', t('admin.calendar.holidaysWorked'))}
          {check('whitMondayWorked', t('admin.calendar.whitMondayWorked'))}
          <ListEditor
            path={[...base, 'closedDates']}
            label={t('admin.calendar.closedDates')}
            value={asList(calendar.closedDates) ?? []}
            defaultValue={[]}
            inputType="date"
            resettable={false}
            format={(date) => formatDay(date, lang)}
            onChange={(next) => update('closedDates', next === undefined ? undefined : [...next])}
          />
          <h4>{t('admin.calendar.nextHolidays')}</h4>
          {holidays.length === 0 ? (
            <p className="csla-muted">{t('admin.calendar.noHolidays')}</p>
          ) : (
            <ul className="csla-holidays" data-testid={`holidays-${name}`}>
              {holidays.map((holiday) => (
                <li key={holiday.date}>
                  <time dateTime={holiday.date}>{formatDay(holiday.date, lang)}</time> — {holiday.name}
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
      {customised && !readOnly ? (
        <button type="button" onClick={() => write(base, undefined)}>
          {isObject(fallback) ? t('admin.calendar.reset') : t('admin.calendar.delete')}
        </button>
      ) : null}
    </section>
  );
};
