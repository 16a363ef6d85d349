/**
 * The dashboard's charts (SPEC §7, UI.md "Dashboard"): every bar, slice and point opens the register on its
 * complaints. Titles, axes, legends and tooltips in the UI language; grade colours are UI.md's; an empty chart
 * says why it is empty and what would fill it.
 */
import { createContext, useCallback, useContext, useLayoutEffect, useMemo, useRef, useState, type ComponentProps, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  DefaultLegendContent,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
  type BarShapeProps,
  type DefaultLegendContentProps,
  type LegendPayload,
} from 'recharts';
import { ChannelSchema } from '../../../shared/domain/vocabulary';
import type { ActionCount, Count, DashboardFigures, OnTimePoint, VolumePoint } from '../../../shared/kpi/dashboard';
import type { BucketUnit } from '../../../shared/kpi/period';
import type { DrillTarget } from './drill';
import { useFormats } from './format';

/*
 * No chart animates: a figure is read, not watched, and an animated bar would show a wrong height for its first
 * half second (and on every period change).
 *
 * Every prop given to recharts keeps its identity from one render to the next, except the data: recharts redraws
 * an axis, bar or line whose props changed and registers its settings in the chart's store again, which redraws
 * the whole chart once more. A period change then redraws each chart for its new data, not once more for each
 * of its bar series, axes and legend (issue 11: a period change in under 300 ms at 100 000 complaints).
 */
/** UI.md: grade 1 red, 2 orange, 3 blue, 4 grey (the same values as the grade chips' CSS). */
export const GRADE_COLOURS: Readonly<Record<string, string>> = { '1': '#c62828', '2': '#d9650b', '3': '#1f5fbf', '4': '#6b7280' };
const BAR = '#3d6fb6';
const OVERDUE = '#b3261e';
/** Channels stacked: distinct hues, none of them a grade's, readable on white; one per channel of the vocabulary. */
const CHANNEL_COLOURS = ['#1b7f79', '#7b4fb3', '#b8860b', '#2e7d32', '#ad1457', '#455a64', '#0277bd', '#8d6e63', '#5c6bc0'];
/**
 * A channel's place in the stack and its colour are the same in every period (the vocabulary's order): a reader
 * finds "phone" by its colour, and a period change leaves the series, their legend and its measured box as they were.
 */
const channelRank = (channel: string): number => {
  const rank = ChannelSchema.options.findIndex((known) => known === channel);
  return rank === -1 ? ChannelSchema.options.length : rank;
};
const channelColour = (channel: string): string => CHANNEL_COLOURS[channelRank(channel) % CHANNEL_COLOURS.length] ?? BAR;
const AXIS = { fontSize: 11, fill: '#5a6372' };
const CHART_MARGIN = { top: 8, right: 12, bottom: 18, left: 4 };
const BARS_MARGIN = { top: 4, right: 24, bottom: 18, left: 4 };
const COLUMNS_MARGIN = { top: 18, right: 24, bottom: 18, left: 4 };
const LEGEND_STYLE = { fontSize: 12 };
const CURSOR = { fill: '#eef1f5' };
const DOT = { r: 2 };
const PERCENT_DOMAIN = [0, 100];
const VALUE_LABEL_RIGHT = { position: 'right', fontSize: 11, fill: '#1d2330' } as const;
const VALUE_LABEL_TOP = { position: 'top', fontSize: 11, fill: '#1d2330' } as const;
const MIDDLE = { textAnchor: 'middle' } as const;
const xAxisLabel = (value: string) => ({ value, position: 'insideBottom', offset: -10, ...AXIS }) as const;
const yAxisLabel = (value: string) => ({ value, angle: -90, position: 'insideLeft', offset: 8, ...AXIS, style: MIDDLE }) as const;
/** Category-axis labels longer than this are cut with an ellipsis (the tooltip shows them whole). */
const LABEL_MAX = 16;
const shortLabel = (text: unknown): string => {
  const value = String(text);
  return value.length > LABEL_MAX ? `${value.slice(0, LABEL_MAX - 1)}…` : value;
};

type Open = (target: DrillTarget) => void;
/** What recharts calls when a bar is clicked: the bar's item, then the index of its row in the data. */
type BarClick = (item: unknown, index: number) => void;

/** A function of fixed identity that runs the latest `handler` given (see above: a new function redraws a chart). */
function useFixedHandler<A extends unknown[]>(handler: (...args: A) => void): (...args: A) => void {
  const latest = useRef(handler);
  useLayoutEffect(() => {
    latest.current = handler;
  });
  return useCallback((...args: A) => latest.current(...args), []);
}

/** A bar click handler per series key, the same functions while the keys are the same (in any order). */
function useClicksPerKey(keys: readonly string[], open: (key: string, index: number) => void): Readonly<Record<string, BarClick>> {
  const fixed = useFixedHandler(open);
  const joined = [...keys].sort().join('\n');
  return useMemo(() => Object.fromEntries(joined.split('\n').map((key): [string, BarClick] => [key, (_item, index) => fixed(key, index)])), [joined, fixed]);
}

/**
 * Whether the pointer or the keyboard is on the chart. Its tooltip is drawn only then: recharts works out a
 * tooltip's rows and measures its box on every redraw, a good part of what a period change cost while nobody
 * was pointing at any chart.
 */
const Pointed = createContext(false);

export function ChartCard({ title, hint, empty, emptyText, children, wide }: { title: string; hint?: string; empty: boolean; emptyText: string; children: ReactNode; wide?: boolean }) {
  const [pointed, setPointed] = useState(false);
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
        <div className="chart-body" onPointerEnter={() => setPointed(true)} onPointerLeave={() => setPointed(false)} onFocus={() => setPointed(true)} onBlur={() => setPointed(false)}>
          <Pointed value={pointed}>{children}</Pointed>
        </div>
      )}
    </figure>
  );
}

/** The chart's tooltip while the chart is pointed at (see Pointed). */
function ChartTooltip(props: ComponentProps<typeof Tooltip>) {
  return useContext(Pointed) ? <Tooltip {...props} /> : null;
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

/** A bucket of the volume chart: its channels in the stack's order, bottom first, each with its count. */
interface VolumeDay {
  readonly label: string;
  readonly total: number;
  readonly segments: readonly VolumeSegment[];
}

interface VolumeSegment {
  readonly channel: string;
  readonly count: number;
  /** The complaints of the channels stacked beneath it. */
  readonly beneath: number;
}

/** The volume chart's buckets and what a click on a channel's segment of one of them opens. */
const VolumeDays = createContext<{ readonly days: readonly VolumeDay[]; readonly open: (index: number, channel: string) => void }>({ days: [], open: () => undefined });

/**
 * A bucket's whole stack as one bar: its channels' segments, each as tall as its count and clickable. One bar
 * series of the buckets' totals draws the chart rather than one per channel, each of whose ~30 rectangles
 * recharts keys by its value and so mounts again on every period change: that was most of a period change's
 * cost (issue 11). The scale is linear, so a segment's share of the bar's height is its share of the total.
 */
function DayStack({ x, y, width, height, originalDataIndex }: BarShapeProps) {
  const { days, open } = useContext(VolumeDays);
  const day = days[originalDataIndex];
  if (!day || day.total === 0) return null;
  const unit = height / day.total;
  return (
    <g className="volume-stack">
      {day.segments.map((segment) => (
        <rect
          key={segment.channel}
          className="volume-segment"
          data-channel={segment.channel}
          x={x}
          y={y + height - (segment.beneath + segment.count) * unit}
          width={width}
          height={segment.count * unit}
          fill={channelColour(segment.channel)}
          cursor="pointer"
          onClick={() => open(originalDataIndex, segment.channel)}
        />
      ))}
    </g>
  );
}
const drawDayStack = (props: BarShapeProps) => <DayStack {...props} />;

/** recharts' own legend content, given the channels (a single bar series of totals registers no channel). */
const channelLegend = (payload: readonly LegendPayload[]) => (props: DefaultLegendContentProps) => <DefaultLegendContent {...props} payload={[...payload]} />;

export function VolumeChart({ figures, unit, onOpen }: { figures: DashboardFigures; unit: BucketUnit; onOpen: Open }) {
  const { t } = useTranslation();
  const f = useFormats();
  const stack = [...figures.channels].sort((a, b) => channelRank(a) - channelRank(b));
  const days = figures.volume.map(
    (point: VolumePoint): VolumeDay => ({
      label: bucketLabel(point.bucket.label, unit),
      total: point.total,
      segments: stack.reduce<VolumeSegment[]>((segments, channel) => {
        const count = point.byChannel[channel] ?? 0;
        const last = segments.at(-1);
        if (count > 0) segments.push({ channel, count, beneath: last ? last.beneath + last.count : 0 });
        return segments;
      }, []),
    }),
  );
  const open = useFixedHandler((index: number, channel: string) => {
    const bucket = figures.volume[index]?.bucket;
    if (bucket) onOpen({ bucket, where: { channel } });
  });
  const joined = stack.join('\n');
  const legend = useMemo(() => {
    const named = joined === '' ? [] : joined.split('\n').map((channel) => ({ channel, name: t(`channel.${channel}`) }));
    // In the order recharts gives a legend (by its words), so it reads as it did with a bar series per channel.
    named.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    return channelLegend(named.map(({ channel, name }): LegendPayload => ({ value: name, type: 'rect', color: channelColour(channel), dataKey: channel })));
  }, [joined, t]);
  const unitLabel = useMemo(() => xAxisLabel(t(`dashboard.axis.${unit}`)), [t, unit]);
  const countLabel = useMemo(() => yAxisLabel(t('dashboard.axis.complaints')), [t]);
  return (
    <ChartCard title={t('dashboard.chart.volume')} hint={t('dashboard.drillHint')} empty={figures.count === 0} emptyText={t('dashboard.chartEmpty.volume')} wide>
      <VolumeDays value={{ days, open }}>
        <ResponsiveContainer width="100%" height={230}>
          <BarChart data={days} margin={CHART_MARGIN}>
            <CartesianGrid vertical={false} stroke="#e5e8ee" />
            <XAxis dataKey="label" tick={AXIS} label={unitLabel} />
            <YAxis allowDecimals={false} tick={AXIS} width={44} label={countLabel} />
            <ChartTooltip
              content={({ active, label, activeIndex }) => (
                <TooltipBox
                  active={active}
                  label={label}
                  payload={(days[Number(activeIndex)]?.segments ?? []).map((segment) => ({ dataKey: segment.channel, name: t(`channel.${segment.channel}`), value: segment.count, color: channelColour(segment.channel) }))}
                  format={(value) => t('dashboard.tooltipCount', { count: f.count(value) })}
                />
              )}
            />
            <Legend verticalAlign="top" height={24} wrapperStyle={LEGEND_STYLE} content={legend} />
            <Bar dataKey="total" isAnimationActive={false} shape={drawDayStack} />
          </BarChart>
        </ResponsiveContainer>
      </VolumeDays>
    </ChartCard>
  );
}

function ClickDot({ cx, cy, stroke, onClick }: { cx: number | undefined; cy: number | undefined; stroke: string; onClick: () => void }) {
  if (cx === undefined || cy === undefined) return null;
  return <circle cx={cx} cy={cy} r={6} fill="#fff" stroke={stroke} strokeWidth={2} cursor="pointer" onClick={onClick} />;
}

const ON_TIME_SERIES = { response: { colour: '#1f5fbf', measure: 'response_decided' }, resolution: { colour: '#1b7f79', measure: 'resolution_decided' } } as const;

export function OnTimeChart({ figures, unit, onOpen }: { figures: DashboardFigures; unit: BucketUnit; onOpen: Open }) {
  const { t } = useTranslation();
  const f = useFormats();
  const rows = figures.onTime.map((point: OnTimePoint) => ({ label: bucketLabel(point.bucket.label, unit), response: point.responsePct, resolution: point.resolutionPct, point }));
  const empty = figures.onTime.every((point) => point.responseDecided === 0 && point.resolutionDecided === 0);
  const openPoint = useFixedHandler((key: keyof typeof ON_TIME_SERIES, index: number) => {
    const point = figures.onTime[index];
    if (point) onOpen({ bucket: point.bucket, measure: ON_TIME_SERIES[key].measure });
  });
  const activeDots = useMemo(
    () =>
      Object.fromEntries(
        (['response', 'resolution'] as const).map((key) => [
          key,
          (props: { cx?: number; cy?: number; index: number }) => <ClickDot cx={props.cx} cy={props.cy} stroke={ON_TIME_SERIES[key].colour} onClick={() => openPoint(key, props.index)} />,
        ]),
      ),
    [openPoint],
  );
  const unitLabel = useMemo(() => xAxisLabel(t(`dashboard.axis.${unit}`)), [t, unit]);
  const percentLabel = useMemo(() => yAxisLabel(t('dashboard.axis.percent')), [t]);
  const line = (key: keyof typeof ON_TIME_SERIES) => (
    <Line
      type="linear"
      dataKey={key}
      name={t(`dashboard.series.${key}`)}
      stroke={ON_TIME_SERIES[key].colour}
      strokeWidth={2}
      connectNulls
      isAnimationActive={false}
      dot={DOT}
      activeDot={activeDots[key]}
    />
  );
  return (
    <ChartCard title={t('dashboard.chart.onTime')} hint={t('dashboard.drillHint')} empty={empty} emptyText={t('dashboard.chartEmpty.onTime')}>
      <ResponsiveContainer width="100%" height={230}>
        <LineChart data={rows} margin={CHART_MARGIN}>
          <CartesianGrid vertical={false} stroke="#e5e8ee" />
          <XAxis dataKey="label" tick={AXIS} label={unitLabel} />
          <YAxis domain={PERCENT_DOMAIN} tick={AXIS} width={44} label={percentLabel} />
          <ChartTooltip
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
          <Legend verticalAlign="top" height={24} wrapperStyle={LEGEND_STYLE} />
          {line('response')}
          {line('resolution')}
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
  const click = useFixedHandler((_item: unknown, index: number) => {
    const count = counts[index];
    if (count) onBar(count);
  });
  // A bar's own colour (grades) is a Cell: the same elements while the keys are, so the bar is not redrawn.
  const keys = counts.map((count) => count.key).join('\n');
  const cells = useMemo(() => colourOf && keys.split('\n').map((key) => <Cell key={key} fill={colourOf(key)} />), [keys, colourOf]);
  const valueAxisLabel = useMemo(() => (vertical ? xAxisLabel(axisLabel) : yAxisLabel(axisLabel)), [vertical, axisLabel]);
  return (
    <ChartCard title={title} empty={empty} emptyText={emptyText}>
      <ResponsiveContainer width="100%" height={chartHeight}>
        <BarChart data={rows} layout={vertical ? 'vertical' : 'horizontal'} margin={vertical ? BARS_MARGIN : COLUMNS_MARGIN}>
          <CartesianGrid horizontal={!vertical} vertical={vertical} stroke="#e5e8ee" />
          {vertical ? (
            <>
              <XAxis type="number" allowDecimals={false} tick={AXIS} label={valueAxisLabel} />
              <YAxis type="category" dataKey="name" tick={AXIS} tickFormatter={shortLabel} width={190} interval={0} />
            </>
          ) : (
            <>
              <XAxis dataKey="name" tick={AXIS} interval={0} />
              <YAxis allowDecimals={false} tick={AXIS} width={44} label={valueAxisLabel} />
            </>
          )}
          <ChartTooltip cursor={CURSOR} content={(props) => <TooltipBox {...props} format={(value) => t('dashboard.tooltipCount', { count: f.count(value) })} />} />
          <Bar dataKey="count" name={t('dashboard.series.count')} isAnimationActive={false} fill={BAR} cursor="pointer" label={vertical ? VALUE_LABEL_RIGHT : VALUE_LABEL_TOP} onClick={click}>
            {cells}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}

const ACTION_SERIES = { overdue: { colour: OVERDUE, measure: 'actions_overdue' }, open: { colour: BAR, measure: 'actions_open' } } as const;
const ACTION_KEYS = Object.keys(ACTION_SERIES);

/** Open corrective actions per owner, the overdue ones stacked in red; each part opens the complaints holding them. */
export function ActionsChart({ actions, onOpen }: { actions: readonly ActionCount[]; onOpen: Open }) {
  const { t } = useTranslation();
  const f = useFormats();
  const rows = actions.map((action) => ({ name: action.owner, open: action.open, overdue: action.overdue }));
  const clicks = useClicksPerKey(ACTION_KEYS, (key, index) => {
    const action = actions[index];
    if (action) onOpen({ measure: (key === 'overdue' ? ACTION_SERIES.overdue : ACTION_SERIES.open).measure, owner: action.owner });
  });
  const actionsLabel = useMemo(() => xAxisLabel(t('dashboard.axis.actions')), [t]);
  const bar = (key: keyof typeof ACTION_SERIES) => (
    <Bar dataKey={key} name={t(`dashboard.series.${key}`)} stackId="actions" isAnimationActive={false} fill={ACTION_SERIES[key].colour} cursor="pointer" onClick={clicks[key]} />
  );
  return (
    <ChartCard title={t('dashboard.chart.actions')} empty={actions.length === 0} emptyText={t('dashboard.chartEmpty.actions')} wide>
      <ResponsiveContainer width="100%" height={Math.max(140, 26 * rows.length + 70)}>
        <BarChart data={rows} layout="vertical" margin={BARS_MARGIN}>
          <CartesianGrid horizontal={false} stroke="#e5e8ee" />
          <XAxis type="number" allowDecimals={false} tick={AXIS} label={actionsLabel} />
          <YAxis type="category" dataKey="name" tick={AXIS} tickFormatter={shortLabel} width={190} interval={0} />
          <ChartTooltip cursor={CURSOR} content={(props) => <TooltipBox {...props} format={(value) => t('dashboard.tooltipActions', { count: f.count(value) })} />} />
          <Legend verticalAlign="top" height={24} wrapperStyle={LEGEND_STYLE} />
          {bar('overdue')}
          {bar('open')}
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}
