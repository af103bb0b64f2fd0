// Every section of the settings, in the order an administrator sets them up.
import { useState, type ReactNode } from 'react';
import type { HolidayView } from '../../../../src/contract';
import { getAt } from '../document';
import { useT } from '../i18n';
import { calendarNamesOf, FIELD_ROLES, KINDS, STATUS_ROLES } from '../layout';
import { AdvancedJson } from './AdvancedJson';
import { BooleanSetting } from './BooleanSetting';
import { CalendarEditor, newCalendarFrom } from './CalendarEditor';
import { FieldProblems } from './FieldProblems';
import { useForm } from './FormContext';
import { asList, ListSetting } from './ListEditor';
import { TargetsTable } from './TargetsTable';
import { TextSetting } from './TextSetting';
import { NativeSettings, WarningsSettings } from './WarningsSettings';

const Section = ({
  id,
  title,
  children,
}: {
  readonly id: string;
  readonly title: string;
  readonly children: ReactNode;
}) => (
  <section className="csla-section" aria-labelledby={`csla-section-${id}`} data-testid={`section-${id}`}>
    <h2 id={`csla-section-${id}`}>{title}</h2>
    {children}
  </section>
);

const statusLabelKey = {
  pause: 'admin.statuses.pause',
  workaroundDone: 'admin.statuses.workaroundDone',
  deployed: 'admin.statuses.deployed',
  closed: 'admin.statuses.closed',
} as const;

const AddCalendar = ({ existing }: { readonly existing: readonly string[] }) => {
  const t = useT();
  const { defaults, write } = useForm();
  const [name, setName] = useState('');
  const trimmed = name.trim();
  return (
    <div className="csla-setting csla-setting--inline">
      <label htmlFor="csla-new-calendar">{t('admin.calendar.newName')}</label>
      <input
        id="csla-new-calendar"
        type="text"
        size={14}
        value={name}
        onChange={(event) => setName(event.target.value)}
      />
      <button
        type="button"
        disabled={trimmed === '' || existing.includes(trimmed)}
        onClick={() => {
          write(['calendars', trimmed], newCalendarFrom(defaults));
          setName('');
        }}
      >
        {t('admin.calendar.add')}
      </button>
    </div>
  );
};

export const SettingsForm = ({
  holidays,
}: {
  readonly holidays: { readonly [calendar: string]: readonly HolidayView[] };
}) => {
  const t = useT();
  const { document, defaults, readOnly } = useForm();
  const calendars = calendarNamesOf(document, defaults);
  const flatResolved = asList(getAt(document, ['statuses', 'resolved']));
  return (
    <>
      <Section id="groups" title={t('admin.section.groups')}>
        <TextSetting
          path={['administrationGroup']}
          label={t('admin.administrationGroup')}
          help={t('admin.administrationGroup.help')}
        />
        <TextSetting
          path={['productOwnerGroup']}
          label={t('admin.productOwnerGroup')}
          help={t('admin.productOwnerGroup.help')}
        />
      </Section>
      <Section id="vsr" title={t('admin.section.vsr')}>
        <TextSetting
          path={['vsrMonths']}
          type="number"
          min={0}
          max={24}
          label={t('admin.vsrMonths')}
          help={t('admin.vsrMonths.help')}
        />
      </Section>
      <Section id="targets" title={t('admin.section.targets')}>
        <p className="csla-help">{t('admin.targets.help')}</p>
        <TargetsTable />
      </Section>
      <Section id="statuses" title={t('admin.section.statuses')}>
        <div className="csla-lists">
          {STATUS_ROLES.map((role) => (
            <ListSetting key={role} path={['statuses', role]} label={t(statusLabelKey[role])} />
          ))}
        </div>
        <h3>{t('admin.statuses.resolvedByKind')}</h3>
        <FieldProblems path={['statuses', 'resolved']} />
        <div className="csla-lists">
          {KINDS.map((kind) => (
            <ListSetting
              key={kind}
              path={['statuses', 'resolvedByKind', kind]}
              label={t(`kind.${kind}`)}
              defaultValue={flatResolved ?? asList(getAt(defaults, ['statuses', 'resolvedByKind', kind])) ?? []}
            />
          ))}
        </div>
        <BooleanSetting path={['pauseIncidents']} label={t('admin.pauseIncidents')} />
      </Section>
      <Section id="issue-types" title={t('admin.section.issueTypes')}>
        <ListSetting path={['projects']} label={t('admin.projects')} />
        <div className="csla-lists">
          {KINDS.map((kind) => (
            <ListSetting key={kind} path={['issueTypes', kind]} label={t(`kind.${kind}`)} />
          ))}
        </div>
      </Section>
      <Section id="fields" title={t('admin.section.fields')}>
        <p className="csla-help">{t('admin.fields.help')}</p>
        {FIELD_ROLES.map((role) => (
          <TextSetting key={role} path={['fields', role]} label={t(`admin.fields.${role}`)} />
        ))}
      </Section>
      <Section id="calendars" title={t('admin.section.calendars')}>
        <datalist id="csla-zones">
          {[
            'Europe/Paris',
            'Europe/Brussels',
            'Europe/Luxembourg',
            'Europe/Zurich',
            'UTC',
            'America/Cayenne',
            'America/Martinique',
            'Indian/Reunion',
            'Pacific/Noumea',
          ].map((zone) => (
            <option key={zone} value={zone} />
          ))}
        </datalist>
        {calendars.map((name) => (
          <CalendarEditor key={name} name={name} holidays={holidays[name] ?? []} />
        ))}
        {readOnly ? null : <AddCalendar existing={calendars} />}
      </Section>
      <Section id="sprints" title={t('admin.section.sprints')}>
        <p className="csla-help">{t('admin.sprints.help')}</p>
        <FieldProblems path={['sprintCadence']} />
        <TextSetting path={['sprintCadence', 'firstStart']} type="date" label={t('admin.sprints.firstStart')} />
        <TextSetting
          path={['sprintCadence', 'businessDays']}
          type="number"
          min={1}
          max={100}
          label={t('admin.sprints.businessDays')}
        />
      </Section>
      <Section id="native" title={t('admin.section.native')}>
        <NativeSettings />
        <WarningsSettings />
      </Section>
      <Section id="advanced" title={t('admin.section.advanced')}>
        <AdvancedJson />
      </Section>
    </>
  );
};
