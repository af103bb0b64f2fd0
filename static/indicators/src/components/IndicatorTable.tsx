// The month's figures by section (the contract's indicator table first): value, numerator / denominator, threshold
// and status; each figure opens onto the issue keys behind it and, for a compliance rate, its breaches.
import { Fragment, useId, useState } from 'react';
import type { MonthlyFigureView, ReserveUnit } from '../../../../src/contract';
import { useLang } from '../../../shared/src/i18n/react';
import { useT } from '../i18n';
import { fractionParts, groupBySection, isBreakdown, sectionTitle, thresholdText, valueText } from '../labels';
import { FigureDetails } from './FigureDetails';
import { StatusBadge } from './StatusBadge';

const COLUMNS = 5;

const FigureRows = ({ figure, unit }: { readonly figure: MonthlyFigureView; readonly unit: ReserveUnit | null }) => {
  const t = useT();
  const lang = useLang();
  const detailsId = useId();
  const [open, setOpen] = useState(false);
  const none = t('value.none');
  const value = valueText(t, lang, figure, unit);
  const fraction = fractionParts(t, lang, figure, unit);
  return (
    <tbody
      data-testid={`figure-${figure.code}`}
      data-status={figure.status}
      className={isBreakdown(figure) ? 'csla-figure csla-figure--breakdown' : 'csla-figure'}
    >
      <tr>
        <th scope="row" className="csla-figure__label">
          <button
            type="button"
            className="csla-disclosure"
            aria-expanded={open}
            aria-controls={detailsId}
            onClick={() => setOpen((was) => !was)}
            data-testid="figure-toggle"
          >
            <span className="csla-disclosure__icon" aria-hidden="true">
              {open ? '▾' : '▸'}
            </span>
            <span>{figure.label}</span>
          </button>
          <span className="csla-figure__code">{figure.code}</span>
          {figure.note !== null ? (
            <span className="csla-figure__note" data-testid="figure-note">
              {figure.note}
            </span>
          ) : null}
        </th>
        <td className={`csla-num${value === null ? ' csla-subtlest' : ''}`} data-testid="figure-value">
          {value ?? none}
        </td>
        <td className="csla-num csla-fraction" data-testid="figure-fraction">
          {fraction === null
            ? none
            : fraction.map((part, i) => (
                // A narrow gadget may break the fraction after its " / ", never inside a part.
                <Fragment key={i}>
                  {i > 0 ? ' / ' : null}
                  <span className="csla-nowrap">{part}</span>
                </Fragment>
              ))}
        </td>
        <td className="csla-num" data-testid="figure-threshold">
          {thresholdText(t, lang, figure) ?? none}
        </td>
        <td>
          <StatusBadge status={figure.status} />
        </td>
      </tr>
      <tr id={detailsId} hidden={!open} className="csla-figure__details">
        <td colSpan={COLUMNS}>{open ? <FigureDetails figure={figure} /> : null}</td>
      </tr>
    </tbody>
  );
};

export const IndicatorTable = ({
  figures,
  unit,
}: {
  readonly figures: readonly MonthlyFigureView[];
  readonly unit: ReserveUnit | null;
}) => {
  const t = useT();
  return (
    <div className="csla-scroll">
      <table className="csla-indicators" data-testid="indicator-table">
        <caption className="csla-visually-hidden">{t('table.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('col.indicator')}</th>
            <th scope="col" className="csla-num">
              {t('col.value')}
            </th>
            <th scope="col" className="csla-num">
              <abbr title={t('col.fractionLong')}>{t('col.fraction')}</abbr>
            </th>
            <th scope="col" className="csla-num">
              {t('col.threshold')}
            </th>
            <th scope="col">{t('col.status')}</th>
          </tr>
        </thead>
        {groupBySection(figures).map((group) => (
          <Fragment key={group.section}>
            <tbody className="csla-section" data-section={group.section}>
              <tr>
                <th scope="colgroup" colSpan={COLUMNS}>
                  {sectionTitle(t, group.section)}
                </th>
              </tr>
            </tbody>
            {group.figures.map((figure) => (
              <FigureRows key={figure.code} figure={figure} unit={unit} />
            ))}
          </Fragment>
        ))}
      </table>
    </div>
  );
};
