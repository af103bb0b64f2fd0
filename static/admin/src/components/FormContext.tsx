// What every field of the admin form reads: the edited document, the defaults, whether it is read only, and the
// problems placed next to each field.
import { createContext, useContext } from 'react';
import type { SettingsDocument, SettingsProblem } from '../../../../src/contract';
import type { Path } from '../document';

export type FormState = {
  readonly document: SettingsDocument;
  readonly defaults: SettingsDocument;
  readonly readOnly: boolean;
  /** Writes `value` at `path`; undefined removes the key (back to the default). */
  readonly write: (path: Path, value: unknown) => void;
  /** Replaces the whole document (the Advanced JSON editor). */
  readonly replace: (document: SettingsDocument) => void;
  readonly problemsAt: (path: Path) => readonly SettingsProblem[];
  readonly setJsonError: (error: string | null) => void;
};

const FormContext = createContext<FormState | null>(null);

export const FormProvider = FormContext.Provider;

export const useForm = (): FormState => {
  const form = useContext(FormContext);
  if (form === null) throw new Error('useForm: no FormProvider above this field');
  return form;
};

/** The id of a field's input, and of the list of its problems (for aria-describedby). */
export const fieldId = (path: Path): string => `f-${path.join('.')}`;
export const problemsId = (path: Path): string => `p-${path.join('.')}`;
