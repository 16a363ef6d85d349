/**
 * The dashboard's charts (SPEC §7, UI.md "Dashboard"): every bar, slice and point opens the register on its
 * complaints. Titles, axes, legends and tooltips in the UI language; grade colours are UI.md's; an empty chart
 * says why it is empty and what would fill it.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Cell, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ActionCount, Count, DashboardFigures, OnTimePoint, VolumePoint } from '../../../shared/kpi/dashboard';
import type { BucketUnit } from '../../../shared/kpi/period';
import type { DrillTarget } from './drill';
import { useFormats } from './format';

/*
 * No chart animates: a figure is read, not watched, and an animated bar would show a wrong height for its first
 * half second (and on every period change).
 */
/** UI.md: grade 1 red, 2 orange, 3 blue, 4 grey (the same values as the grade chips' CSS). */
export const GRADE_COLOURS: Readonly<Record<string, string>> = { '1': '#c62828', '2': '#d9650b', '3': '#1f5fbf', '4': '#6b7280' };
/** Channels stacked: distinct hues, none of them a grade's, readable on white. */
const CHANNEL_COLOURS = ['#1b7f79', '#7b4fb3', '#b8860b', '#2e7d32', '#ad1457', '#455a64', '#0277bd', '#8d6e63', '#5c6bc0'];
const BAR = '#3d6fb6';
const OVERDUE = '#b3261e';
const AXIS = { fontSize: 11, fill: '#5a6372' };
/** Category-axis labels longer than this are cut with an ellipsis (the tooltip shows them whole). */
const LABEL_MAX = 16;
const shortLabel = (text: unknown): string => {
  const value = String(text);
  return value.length > LABEL_MAX ? `${value.slice(0, LABEL_MAX - 1)}…` : value;
};

type Open = (target: DrillTarget) => void;

export function ChartCard({ title, hint, empty, emptyText, children, wide }: { title: string; hint?: string; empty: boolean; emptyText: string; children: ReactNode; wide?: boolean }) {
  return (
    <figure className={`chart-card${wide ? ' chart-wide' : ''}`}>
      <figcaption>
        <h2>{title}</h2>
        {hint && !empty && <span className="muted">{hint}</span>}
      </figcaption>
      {empty ? (
        <p className="chart-empty" role="status">
          {emptyText}
        </p>
      ) : (
        <div className="chart-body">{children}</div>
      )}
    </figure>
  );
}

/** A tooltip in our words: the bucket or category, then each series with its exact number. */
interface TooltipEntry {
  dataKey?: unknown;
  name?: unknown;
  value?: unknown;
  color?: string | undefined;
  payload?: unknown;
}

function TooltipBox({ active, payload, label, format }: { active?: boolean; payload?: readonly TooltipEntry[]; label?: unknown; format: (value: number, key: string, row: unknown) => string }) {
  if (!active || !payload || payload.length === 0) return null;
  return (
    <div className="chart-tooltip">
      <strong>{String(label)}</strong>
      {payload.map((entry) => (
        <div key={String(entry.dataKey)}>
          <span className="swatch" style={{ background: entry.color }} /> {String(entry.name)}: {format(Number(entry.value), String(entry.dataKey), entry.payload)}
        </div>
      ))}
    </div>
  );
}

function bucketLabel(label: string, unit: BucketUnit): string {
  return unit === 'month' ? label.slice(0, 7) : label.slice(5);
}

export function VolumeChart({ figures, unit, onOpen }: { figures: DashboardFigures; unit: BucketUnit; onOpen: Open }) {
  const { t } = useTranslation();
  const f = useFormats();
  const rows = figures.volume.map((point: VolumePoint) => ({ label: bucketLabel(point.bucket.label, unit), ...point.byChannel }));
  return (
    <ChartCard title={t('dashboard.chart.volume')} hint={t('dashboard.drillHint')} empty={figures.count === 0} emptyText={t('dashboard.chartEmpty.volume')} wide>
      <ResponsiveContainer width="100%" height={230}>
        <BarChart data={rows} margin={{ top: 8, right: 12, bottom: 18, left: 4 }}>
          <CartesianGrid vertical={false} stroke="#e5e8ee" />
          <XAxis dataKey="label" tick={AXIS} label={{ value: t(`dashboard.axis.${unit}`), position: 'insideBottom', offset: -10, ...AXIS }} />
          <YAxis allowDecimals={false} tick={AXIS} width={44} label={{ value: t('dashboard.axis.complaints'), angle: -90, position: 'insideLeft', offset: 8, ...AXIS, style: { textAnchor: 'middle' } }} />
          <Tooltip content={(props) => <TooltipBox {...props} format={(value) => t('dashboard.tooltipCount', { count: f.count(value) })} />} />
          <Legend verticalAlign="top" height={24} wrapperStyle={{ fontSize: 12 }} />
          {figures.channels.map((channel, index) => (
            <Bar
              key={channel}
              dataKey={channel}
              name={t(`channel.${channel}`)}
              stackId="volume"
              isAnimationActive={false}
              fill={CHANNEL_COLOURS[index % CHANNEL_COLOURS.length]}
              cursor="pointer"
              onClick={(_, row) => {
                const bucket = figures.volume[row]?.bucket;
                if (bucket) onOpen({ bucket, where: { channel } });
              }}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}

function ClickDot({ cx, cy, stroke, onClick }: { cx: number | undefined; cy: number | undefined; stroke: string; onClick: () => void }) {
  if (cx === undefined || cy === undefined) return null;
  return <circle cx={cx} cy={cy} r={6} fill="#fff" stroke={stroke} strokeWidth={2} cursor="pointer" onClick={onClick} />;
}

export function OnTimeChart({ figures, unit, onOpen }: { figures: DashboardFigures; unit: BucketUnit; onOpen: Open }) {
  const { t } = useTranslation();
  const f = useFormats();
  const rows = figures.onTime.map((point: OnTimePoint) => ({ label: bucketLabel(point.bucket.label, unit), response: point.responsePct, resolution: point.resolutionPct, point }));
  const empty = figures.onTime.every((point) => point.responseDecided === 0 && point.resolutionDecided === 0);
  const line = (key: 'response' | 'resolution', colour: string) => (
    <Line
      type="linear"
      dataKey={key}
      name={t(`dashboard.series.${key}`)}
      stroke={colour}
      strokeWidth={2}
      connectNulls
      isAnimationActive={false}
      dot={{ r: 2 }}
      activeDot={(props) => (
        <ClickDot
          cx={props.cx}
          cy={props.cy}
          stroke={colour}
          onClick={() => {
            const point = figures.onTime[props.index];
            if (point) onOpen({ bucket: point.bucket, measure: key === 'response' ? 'response_decided' : 'resolution_decided' });
          }}
        />
      )}
    />
  );
  return (
    <ChartCard title={t('dashboard.chart.onTime')} hint={t('dashboard.drillHint')} empty={empty} emptyText={t('dashboard.chartEmpty.onTime')}>
      <ResponsiveContainer width="100%" height={230}>
        <LineChart data={rows} margin={{ top: 8, right: 12, bottom: 18, left: 4 }}>
          <CartesianGrid vertical={false} stroke="#e5e8ee" />
          <XAxis dataKey="label" tick={AXIS} label={{ value: t(`dashboard.axis.${unit}`), position: 'insideBottom', offset: -10, ...AXIS }} />
          <YAxis domain={[0, 100]} tick={AXIS} width={44} label={{ value: t('dashboard.axis.percent'), angle: -90, position: 'insideLeft', offset: 8, ...AXIS, style: { textAnchor: 'middle' } }} />
          <Tooltip
            content={(props) => (
              <TooltipBox
                {...props}
                format={(value, key, row) => {
                  const point = (row as { point: OnTimePoint }).point;
                  return t('dashboard.tooltipPercent', { value: f.decimal(value), count: key === 'response' ? point.responseDecided : point.resolutionDecided });
                }}
              />
            )}
          />
          <Legend verticalAlign="top" height={24} wrapperStyle={{ fontSize: 12 }} />
          {line('response', '#1f5fbf')}
          {line('resolution', '#1b7f79')}
        </LineChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}

/** A horizontal bar per key (categories, root causes…), longest first; each bar opens its complaints. */
export function CountBars({
  title,
  counts,
  nameOf,
  colourOf,
  emptyText,
  onBar,
  vertical = true,
  height,
  axisLabel,
}: {
  title: string;
  counts: readonly Count[];
  nameOf: (key: string) => string;
  colourOf?: (key: string) => string;
  emptyText: string;
  onBar: (count: Count) => void;
  vertical?: boolean;
  height?: number;
  axisLabel: string;
}) {
  const { t } = useTranslation();
  const f = useFormats();
  const rows = counts.map((count) => ({ name: nameOf(count.key), count: count.count }));
  const empty = counts.every((count) => count.count === 0);
  const chartHeight = height ?? (vertical ? Math.max(120, 26 * rows.length + 50) : 230);
  return (
    <ChartCard title={title} empty={empty} emptyText={emptyText}>
      <ResponsiveContainer width="100%" height={chartHeight}>
        <BarChart data={rows} layout={vertical ? 'vertical' : 'horizontal'} margin={{ top: vertical ? 4 : 18, right: 24, bottom: 18, left: 4 }}>
          <CartesianGrid horizontal={!vertical} vertical={vertical} stroke="#e5e8ee" />
          {vertical ? (
            <>
              <XAxis type="number" allowDecimals={false} tick={AXIS} label={{ value: axisLabel, position: 'insideBottom', offset: -10, ...AXIS }} />
              <YAxis type="category" dataKey="name" tick={AXIS} tickFormatter={shortLabel} width={190} interval={0} />
            </>
          ) : (
            <>
              <XAxis dataKey="name" tick={AXIS} interval={0} />
              <YAxis allowDecimals={false} tick={AXIS} width={44} label={{ value: axisLabel, angle: -90, position: 'insideLeft', offset: 8, ...AXIS, style: { textAnchor: 'middle' } }} />
            </>
          )}
          <Tooltip cursor={{ fill: '#eef1f5' }} content={(props) => <TooltipBox {...props} format={(value) => t('dashboard.tooltipCount', { count: f.count(value) })} />} />
          <Bar
            dataKey="count"
            name={t('dashboard.series.count')}
            isAnimationActive={false}
            fill={BAR}
            cursor="pointer"
            label={{ position: vertical ? 'right' : 'top', fontSize: 11, fill: '#1d2330' }}
            onClick={(_, index) => {
              const count = counts[index];
              if (count) onBar(count);
            }}
          >
            {counts.map((count) => (
              <Cell key={count.key} fill={colourOf ? colourOf(count.key) : BAR} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}

/** Open corrective actions per owner, the overdue ones stacked in red; each part opens the complaints holding them. */
export function ActionsChart({ actions, onOpen }: { actions: readonly ActionCount[]; onOpen: Open }) {
  const { t } = useTranslation();
  const f = useFormats();
  const rows = actions.map((action) => ({ name: action.owner, open: action.open, overdue: action.overdue }));
  const bar = (key: 'open' | 'overdue', colour: string) => (
    <Bar
      dataKey={key}
      name={t(`dashboard.series.${key}`)}
      stackId="actions"
      isAnimationActive={false}
      fill={colour}
      cursor="pointer"
      onClick={(_, index) => {
        const action = actions[index];
        if (action) onOpen({ measure: key === 'overdue' ? 'actions_overdue' : 'actions_open', owner: action.owner });
      }}
    />
  );
  return (
    <ChartCard title={t('dashboard.chart.actions')} empty={actions.length === 0} emptyText={t('dashboard.chartEmpty.actions')} wide>
      <ResponsiveContainer width="100%" height={Math.max(140, 26 * rows.length + 70)}>
        <BarChart data={rows} layout="vertical" margin={{ top: 4, right: 24, bottom: 18, left: 4 }}>
          <CartesianGrid horizontal={false} stroke="#e5e8ee" />
          <XAxis type="number" allowDecimals={false} tick={AXIS} label={{ value: t('dashboard.axis.actions'), position: 'insideBottom', offset: -10, ...AXIS }} />
          <YAxis type="category" dataKey="name" tick={AXIS} tickFormatter={shortLabel} width={190} interval={0} />
          <Tooltip cursor={{ fill: '#eef1f5' }} content={(props) => <TooltipBox {...props} format={(value) => t('dashboard.tooltipActions', { count: f.count(value) })} />} />
          <Legend verticalAlign="top" height={24} wrapperStyle={{ fontSize: 12 }} />
          {bar('overdue', OVERDUE)}
          {bar('open', BAR)}
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}
