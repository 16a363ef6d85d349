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

/** A function of fixed identity that runs the latest `handler` given (see above: a new function redraws a chart). */
function useFixedHandler<A extends unknown[]>(handler: (...args: A) => void): (...args: A) => void {
  const latest = useRef(handler);
  useLayoutEffect(() => {
    latest.current = handler;
  });
  return useCallback((...args: A) => latest.current(...args), []);
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

/** A bar of a stacked chart: its series' parts in the stack's order (bottom or left first), each with its count. */
interface StackedBar {
  readonly label: string;
  readonly total: number;
  readonly parts: readonly StackPart[];
}

interface StackPart {
  readonly key: string;
  readonly count: number;
  /** The count of the parts stacked before it. */
  readonly beneath: number;
}

/** The parts of a bar, in the order of `keys`, of the series `countOf` gives a count for. */
function stackParts(keys: readonly string[], countOf: (key: string) => number | undefined): StackPart[] {
  return keys.reduce<StackPart[]>((parts, key) => {
    const count = countOf(key);
    const last = parts.at(-1);
    if (count !== undefined) parts.push({ key, count, beneath: last ? last.beneath + last.count : 0 });
    return parts;
  }, []);
}

interface Stacks {
  readonly bars: readonly StackedBar[];
  readonly layout: 'horizontal' | 'vertical';
  readonly colourOf: (key: string) => string;
  readonly open: (index: number, key: string) => void;
}

const StacksContext = createContext<Stacks>({ bars: [], layout: 'horizontal', colourOf: () => BAR, open: () => undefined });

/**
 * A bar's whole stack as one element: its parts, each as long as its count and clickable. A chart stacks with one
 * bar series of the totals rather than one per series, each of whose rectangles recharts keys by its value and
 * so mounts again on every period change: with ~270 of them, the volume chart was most of a period change's cost
 * (issue 11). The value scale is linear, so a part's share of the bar is its share of the total.
 */
function StackShape({ x, y, width, height, originalDataIndex }: BarShapeProps) {
  const { bars, layout, colourOf, open } = useContext(StacksContext);
  const bar = bars[originalDataIndex];
  if (!bar || bar.total === 0) return null;
  const box = (part: StackPart) =>
    layout === 'horizontal'
      ? { x, width, y: y + height - ((part.beneath + part.count) * height) / bar.total, height: (part.count * height) / bar.total }
      : { y, height, x: x + (part.beneath * width) / bar.total, width: (part.count * width) / bar.total };
  return (
    <g className="stacked-bar">
      {bar.parts
        .filter((part) => part.count > 0)
        .map((part) => (
          <rect key={part.key} className="stack-part" {...box(part)} fill={colourOf(part.key)} cursor="pointer" onClick={() => open(originalDataIndex, part.key)} />
        ))}
    </g>
  );
}
const drawStack = (props: BarShapeProps) => <StackShape {...props} />;

/** recharts' own legend content, given the series (a single bar series of totals registers none of them). */
const seriesLegend = (payload: readonly LegendPayload[]) => (props: DefaultLegendContentProps) => <DefaultLegendContent {...props} payload={[...payload]} />;

/** The series' legend, named by `namePrefix` + key, the same content while the keys and the language are. */
function useSeriesLegend(keys: readonly string[], namePrefix: string, colourOf: (key: string) => string) {
  const { t } = useTranslation();
  const joined = keys.join('\n');
  return useMemo(() => {
    const named = joined === '' ? [] : joined.split('\n').map((key) => ({ key, name: t(`${namePrefix}${key}`) }));
    // In the order recharts gives a legend (by its words), as it read with a bar series per series.
    named.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    return seriesLegend(named.map(({ key, name }): LegendPayload => ({ value: name, type: 'rect', color: colourOf(key), dataKey: key })));
  }, [joined, namePrefix, colourOf, t]);
}

/** The pointed bar's parts with their exact numbers. */
function StackTooltipBox({ active, label, activeIndex, namePrefix, format }: { active: boolean; label: unknown; activeIndex: unknown; namePrefix: string; format: (value: number) => string }) {
  const { t } = useTranslation();
  const { bars, colourOf } = useContext(StacksContext);
  const parts = bars[Number(activeIndex)]?.parts ?? [];
  return <TooltipBox active={active} label={label} payload={parts.map((part) => ({ dataKey: part.key, name: t(`${namePrefix}${part.key}`), value: part.count, color: colourOf(part.key) }))} format={format} />;
}

/** A stacked bar chart: `children` are its axes; the legend and tooltip name each series `namePrefix` + key. */
function StackedBarChart({
  stacks,
  keys,
  namePrefix,
  format,
  height,
  margin,
  cursor,
  children,
}: {
  stacks: Stacks;
  keys: readonly string[];
  namePrefix: string;
  format: (value: number) => string;
  height: number;
  margin: typeof CHART_MARGIN;
  cursor?: typeof CURSOR;
  children: ReactNode;
}) {
  const legend = useSeriesLegend(keys, namePrefix, stacks.colourOf);
  return (
    <StacksContext value={stacks}>
      <ResponsiveContainer width="100%" height={height}>
        <BarChart data={stacks.bars} layout={stacks.layout} margin={margin}>
          {children}
          <ChartTooltip {...(cursor ? { cursor } : {})} content={({ active, label, activeIndex }) => <StackTooltipBox active={active} label={label} activeIndex={activeIndex} namePrefix={namePrefix} format={format} />} />
          <Legend verticalAlign="top" height={24} wrapperStyle={LEGEND_STYLE} content={legend} />
          <Bar dataKey="total" isAnimationActive={false} shape={drawStack} />
        </BarChart>
      </ResponsiveContainer>
    </StacksContext>
  );
}

export function VolumeChart({ figures, unit, onOpen }: { figures: DashboardFigures; unit: BucketUnit; onOpen: Open }) {
  const { t } = useTranslation();
  const stack = [...figures.channels].sort((a, b) => channelRank(a) - channelRank(b));
  const bars = figures.volume.map((point: VolumePoint): StackedBar => ({ label: bucketLabel(point.bucket.label, unit), total: point.total, parts: stackParts(stack, (channel) => point.byChannel[channel]) }));
  const open = useFixedHandler((index: number, channel: string) => {
    const bucket = figures.volume[index]?.bucket;
    if (bucket) onOpen({ bucket, where: { channel } });
  });
  const unitLabel = useMemo(() => xAxisLabel(t(`dashboard.axis.${unit}`)), [t, unit]);
  const countLabel = useMemo(() => yAxisLabel(t('dashboard.axis.complaints')), [t]);
  return (
    <ChartCard title={t('dashboard.chart.volume')} hint={t('dashboard.drillHint')} empty={figures.count === 0} emptyText={t('dashboard.chartEmpty.volume')} wide>
      <StackedBarChart
        stacks={{ bars, layout: 'horizontal', colourOf: channelColour, open }}
        keys={stack}
        namePrefix="channel."
        format={(value) => t('dashboard.tooltipCount', { count: value })}
        height={230}
        margin={CHART_MARGIN}
      >
        <CartesianGrid vertical={false} stroke="#e5e8ee" />
        <XAxis dataKey="label" tick={AXIS} label={unitLabel} />
        <YAxis allowDecimals={false} tick={AXIS} width={44} label={countLabel} />
      </StackedBarChart>
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
          <ChartTooltip cursor={CURSOR} content={(props) => <TooltipBox {...props} format={(value) => t('dashboard.tooltipCount', { count: value })} />} />
          <Bar dataKey="count" name={t('dashboard.series.count')} isAnimationActive={false} fill={BAR} cursor="pointer" label={vertical ? VALUE_LABEL_RIGHT : VALUE_LABEL_TOP} onClick={click}>
            {cells}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}

const ACTION_SERIES = { overdue: { colour: OVERDUE, measure: 'actions_overdue' }, open: { colour: BAR, measure: 'actions_open' } } as const;
const ACTION_KEYS = ['overdue', 'open'] as const;
const actionSeries = (key: string) => (key === 'overdue' ? ACTION_SERIES.overdue : ACTION_SERIES.open);
const actionColour = (key: string): string => actionSeries(key).colour;

/** Open corrective actions per owner, the overdue ones stacked in red; each part opens the complaints holding them. */
export function ActionsChart({ actions, onOpen }: { actions: readonly ActionCount[]; onOpen: Open }) {
  const { t } = useTranslation();
  const bars = actions.map((action): StackedBar => ({ label: action.owner, total: action.overdue + action.open, parts: stackParts(ACTION_KEYS, (key) => (key === 'overdue' ? action.overdue : action.open)) }));
  const open = useFixedHandler((index: number, key: string) => {
    const action = actions[index];
    if (action) onOpen({ measure: actionSeries(key).measure, owner: action.owner });
  });
  const actionsLabel = useMemo(() => xAxisLabel(t('dashboard.axis.actions')), [t]);
  return (
    <ChartCard title={t('dashboard.chart.actions')} empty={actions.length === 0} emptyText={t('dashboard.chartEmpty.actions')} wide>
      <StackedBarChart
        stacks={{ bars, layout: 'vertical', colourOf: actionColour, open }}
        keys={ACTION_KEYS}
        namePrefix="dashboard.series."
        format={(value) => t('dashboard.tooltipActions', { count: value })}
        height={Math.max(140, 26 * bars.length + 70)}
        margin={BARS_MARGIN}
        cursor={CURSOR}
      >
        <CartesianGrid horizontal={false} stroke="#e5e8ee" />
        <XAxis type="number" allowDecimals={false} tick={AXIS} label={actionsLabel} />
        <YAxis type="category" dataKey="label" tick={AXIS} tickFormatter={shortLabel} width={190} interval={0} />
      </StackedBarChart>
    </ChartCard>
  );
}
