// The `native` and `warnings` sections of the settings (issue 10): the contractSla issue property, the read-only
// severity, and the warnings before a breach (on/off, thresholds in % of the target, the three recipients, the group).
// Saved with the rest of the document, so versioned like every save. Off switches leave no stale state: with
// warnings off, thresholds crossed meanwhile are stored as suppressed and never sent later (src/app/warn-before-breach.ts).
import { useEffect, useState } from 'react';
import { getAt } from '../document';
import { useT } from '../i18n';
import { BooleanSetting } from './BooleanSetting';
import { FieldProblems } from './FieldProblems';
import { useForm } from './FormContext';
import { TextSetting } from './TextSetting';

const THRESHOLDS = ['warnings', 'thresholds'] as const;

/** "75, 100" → [75, 100]; anything that is not a list of numbers is written as typed, for the server to name. */
const parseThresholds = (text: string): unknown => {
  const parts = text
    .split(/[,;\s]+/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  if (parts.length === 0) return undefined;
  const numbers = parts.map(Number);
  return numbers.every((n) => Number.isFinite(n)) ? numbers : text;
};

const ThresholdsSetting = () => {
  const t = useT();
  const { document, defaults, readOnly, write } = useForm();
  const current = getAt(document, [...THRESHOLDS]) ?? getAt(defaults, [...THRESHOLDS]);
  const shown = Array.isArray(current) ? current.join(', ') : typeof current === 'string' ? current : '';
  const [text, setText] = useState(shown);
  useEffect(() => setText(shown), [shown]);
  return (
    <div className="csla-setting">
      <label htmlFor="csla-warnings-thresholds">{t('admin.warnings.thresholds')}</label>
      <input
        id="csla-warnings-thresholds"
        type="text"
        value={text}
        disabled={readOnly}
        data-testid="field-warnings.thresholds"
        onChange={(event) => {
          setText(event.target.value);
          write([...THRESHOLDS], parseThresholds(event.target.value));
        }}
      />
      <small className="csla-help">{t('admin.warnings.thresholdsHelp')}</small>
      <FieldProblems path={[...THRESHOLDS]} />
    </div>
  );
};

export const NativeSettings = () => {
  const t = useT();
  return (
    <>
      <BooleanSetting path={['native', 'issueProperty']} label={t('admin.native.issueProperty')} />
      <BooleanSetting path={['native', 'severityReadOnly']} label={t('admin.native.severityReadOnly')} />
    </>
  );
};

export const WarningsSettings = () => {
  const t = useT();
  return (
    <>
      <p className="csla-help">{t('admin.warnings.help')}</p>
      <BooleanSetting path={['warnings', 'enabled']} label={t('admin.warnings.enabled')} />
      <ThresholdsSetting />
      <BooleanSetting path={['warnings', 'notifyAssignee']} label={t('admin.warnings.notifyAssignee')} />
      <BooleanSetting path={['warnings', 'notifyWatchers']} label={t('admin.warnings.notifyWatchers')} />
      <TextSetting path={['warnings', 'group']} label={t('admin.warnings.group')} />
    </>
  );
};
