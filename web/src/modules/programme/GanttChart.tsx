import { Badge, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../platform/format';
import { percent, periodScale } from './format';
import type { Plan, Subactivity } from './types';
import './gantt.css';

function monthLabel(month: string, language: string) {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Intl.DateTimeFormat(language === 'et' ? 'et-EE' : language, { month: 'short', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, 1)));
}

/** What a screen reader hears for a bar: dates, status, progress, overdue, continuation. */
export function useBarText() {
  const { t } = useTranslation();
  return (s: Subactivity) =>
    [
      `${formatDate(s.startsOn)}–${formatDate(s.endsOn)}`,
      t(`programme.status.${s.status}`),
      `${s.progress}%`,
      s.overdue ? t('programme.overdue') : null,
      s.bar.cutAfter ? t('programme.continuesAfter') : null,
    ]
      .filter(Boolean)
      .join(', ');
}

/**
 * D-PLAN Gantt view: a real table (activity and measure header rows, a row per
 * sub-activity with its title as row header), the bars drawn in one cell that
 * spans the year's months; each bar's dates and state are in text for screen readers.
 */
export function GanttChart({ plan, onOpen }: { plan: Plan; onOpen: (id: string) => void }) {
  const { t, i18n } = useTranslation();
  const barText = useBarText();
  const scale = periodScale(plan.plan.periodStart, plan.plan.periodEnd, plan.months, plan.today);
  const span = plan.months.length;
  return (
    <>
      <Group className="gantt-legend" mb="xs" aria-hidden>
        {(['planned', 'in_progress', 'done', 'cancelled'] as const).map((s) => (
          <span key={s}><span className="swatch gantt-fill" data-status={s} />{t(`programme.status.${s}`)}</span>
        ))}
        <span><span className="swatch gantt-fill" data-status="in_progress" data-overdue="true" />{t('programme.overdue')}</span>
        <span>▶ {t('programme.continuesAfter')}</span>
      </Group>
      <Table.ScrollContainer minWidth={960} type="native" tabIndex={0} role="region" aria-label={t('programme.gantt.caption', { year: plan.plan.year })}>
        <table className="gantt" data-testid="programme-gantt">
          <caption className="visually-hidden-caption">{t('programme.gantt.caption', { year: plan.plan.year })}</caption>
          <thead>
            <tr>
              <th scope="col" className="gantt-label">{t('programme.gantt.subactivity')}</th>
              {plan.months.map((m) => <th key={m} scope="col" className="gantt-month">{monthLabel(m, i18n.language)}</th>)}
            </tr>
          </thead>
          <tbody>
            {plan.activities.map((a) => [
              <tr key={a.code} className="gantt-activity"><th colSpan={span + 1} scope="colgroup">{a.code} {a.title}</th></tr>,
              ...a.measures.map((m) => [
                <tr key={m.id} className="gantt-measure">
                  <th colSpan={span + 1} scope="colgroup">
                    <Group gap={6} wrap="wrap">
                      <span>{m.title}</span>
                      {m.implementers.map((i) => <Badge key={i} size="sm" variant="light" color="tedi">{i}</Badge>)}
                      {m.grantMeasure && <Badge size="sm" variant="outline" color="tedi">{t(`programme.grantMeasure.${m.grantMeasure}`)}</Badge>}
                    </Group>
                    {m.subactivities.length === 0 && <Text size="xs" c="dimmed" fw={400}>{t('programme.gantt.noTable')}</Text>}
                  </th>
                </tr>,
                ...m.subactivities.map((s) => (
                  <tr key={s.id} data-testid="gantt-row" data-overdue={s.overdue}>
                    <th scope="row">
                      <button type="button" className="gantt-row-button" onClick={() => onOpen(s.id)} data-testid="gantt-open">{s.number}. {s.title}</button>
                      <Text size="xs" c="dimmed">{formatDate(s.startsOn)}–{formatDate(s.endsOn)}{s.dateNote ? ' *' : ''}</Text>
                    </th>
                    <td colSpan={span} className="gantt-track">
                      {scale.months.map((mo) => <span key={mo.month} className="gantt-gridline" style={{ left: percent(mo.offset) }} aria-hidden />)}
                      {scale.today !== null && <span className="gantt-today" style={{ left: percent(scale.today) }} aria-hidden />}
                      {!s.bar.outside && (
                        <span className="gantt-bar gantt-fill" data-status={s.status} data-overdue={s.overdue} data-cut-after={s.bar.cutAfter}
                          style={{ left: percent(s.bar.offset), width: percent(s.bar.length) }} aria-hidden />
                      )}
                      {s.bar.cutAfter && <span className="gantt-cut" aria-hidden>▶</span>}
                      <span className="visually-hidden-caption">{barText(s)}</span>
                    </td>
                  </tr>
                )),
              ]),
            ])}
          </tbody>
        </table>
      </Table.ScrollContainer>
    </>
  );
}
