// Predictability and productivity (D9, rules.md §6.3) of each sprint that ends in the month (its completion, or its
// planned end while active), as the reserve computes them (sprint-capacity.ts: done ÷ planned excluding the
// reserve's consumers; done ÷ hours logged), with the keys behind them: the issues in the sprint at its measured
// end, those done then, and the reserve's consumers listed apart. Without a board, or without a sprint ending in
// the month, each is one figure with a null value and a note saying why.
import type { EstimationUnit } from '../capacity/effort';
import type { SprintFacts, SprintItem } from '../capacity/sprint-capacity';
import { valueAt } from '../value-over-time';
import { SPRINT_FIGURES } from './catalogue';
import { ratioFigure, type Figure } from './figure';

/** A sprint's predictability and productivity as the reserve report gives them, in the board's unit and hours. */
export type SprintMeasure = {
  readonly sprint: SprintFacts;
  readonly unit: EstimationUnit;
  readonly measuredAtMs: number;
  readonly predictability: { readonly done: number; readonly planned: number; readonly ratio: number | null };
  readonly productivity: { readonly done: number; readonly loggedHours: number; readonly ratio: number | null };
  /** The reserve's consumers ("bande passante"): out of the planned effort. */
  readonly consumers: readonly string[];
};

export type SprintKeys = {
  /** In the sprint at its measured end. */
  readonly atEnd: readonly string[];
  /** Of those, in the done category then. */
  readonly done: readonly string[];
};

/**
 * The issues in the sprint at `measuredAtMs`, and those done then.
 * @example sprintKeys(sprint2, items, sprint2.completeAtMs) // { atEnd: ['DEMAT-203', …], done: ['DEMAT-206', …] }
 */
export const sprintKeys = (sprint: SprintFacts, items: readonly SprintItem[], measuredAtMs: number): SprintKeys => {
  const atEnd = items.filter((item) => (valueAt(item.sprints, measuredAtMs) ?? []).includes(sprint.id));
  return {
    atEnd: atEnd.map((i) => i.key),
    done: atEnd.filter((i) => valueAt(i.statuses, measuredAtMs)?.category === 'done').map((i) => i.key),
  };
};

/**
 * The two figures of a sprint ending in the month.
 * @example sprintFigures(measure, keys)[0]
 * // { code: 'PREDICTABILITY_SPRINT_102', value: 14 / 21, numerator: 14, denominator: 21, … }
 */
export const sprintFigures = (measure: SprintMeasure, keys: SprintKeys): readonly [Figure, Figure] => {
  const { sprint, predictability, productivity } = measure;
  const consumers = new Set(measure.consumers);
  const planned = keys.atEnd.filter((k) => !consumers.has(k));
  const active = sprint.state !== 'closed';
  const note = active ? 'sprint actif : mesuré à l’instant du rapport, avant sa fin' : null;
  const unitName = measure.unit === 'points' ? 'points' : 'heures';
  return [
    ratioFigure({
      type: 'ratio',
      code: `${SPRINT_FIGURES.predictability.code}_SPRINT_${sprint.id}`,
      label: `Prédictibilité – ${sprint.name} (réalisé ÷ planifié hors bande passante, en ${unitName})`,
      section: 'sprints',
      unit: 'ratio',
      dimensions: { sprintId: sprint.id },
      value: predictability.ratio,
      numerator: predictability.done,
      denominator: predictability.planned,
      keys: { numerator: keys.done.filter((k) => !consumers.has(k)), denominator: planned, apart: [...consumers] },
      emptyNote: 'rien de planifié dans le sprint',
      note,
    }),
    ratioFigure({
      type: 'ratio',
      code: `${SPRINT_FIGURES.productivity.code}_SPRINT_${sprint.id}`,
      label: `Productivité – ${sprint.name} (réalisé ÷ temps passé, ${unitName} par heure)`,
      section: 'sprints',
      unit: 'units-per-hour',
      dimensions: { sprintId: sprint.id },
      value: productivity.ratio,
      numerator: productivity.done,
      denominator: productivity.loggedHours,
      keys: { numerator: keys.done, denominator: keys.atEnd, apart: [] },
      emptyNote: 'aucun temps passé saisi sur les tickets du sprint',
      note,
    }),
  ];
};

/**
 * Predictability and productivity when no sprint can be measured, with the reason.
 * @example noSprintFigures('aucun sprint terminé dans le mois')[0]
 * // { code: 'PREDICTABILITY', value: null, status: 'no-data', … }
 */
export const noSprintFigures = (reason: string): readonly [Figure, Figure] => {
  const one = (which: 'predictability' | 'productivity'): Figure =>
    ratioFigure({
      type: 'ratio',
      code: SPRINT_FIGURES[which].code,
      label: SPRINT_FIGURES[which].label,
      section: 'sprints',
      unit: which === 'predictability' ? 'ratio' : 'units-per-hour',
      dimensions: {},
      value: null,
      numerator: null,
      denominator: null,
      keys: { numerator: [], denominator: [], apart: [] },
      emptyNote: reason,
    });
  return [one('predictability'), one('productivity')];
};
