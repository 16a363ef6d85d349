/**
 * Every word of the branch report (print view and PDF), in one table per language: adding a language is one
 * entry here. Domain terms come from the shared vocabulary (shared/i18n/vocabulary.ts), so the report says
 * 处理及时率, 整改措施 … exactly as the dashboard and the record sheet do.
 */
import type { Language } from '../api/schemas';
import type { TileId } from '../kpi/dashboard';
import type { KpiMissing } from '../kpi/kpi';
import { VOCABULARY, type VocabularyWords } from '../i18n/vocabulary';
import { REPORT_WORDS_ZH_TW } from '../i18n/words.zh-TW';
import type { ReportKind, ReportPeriod } from './reportPeriod';

export interface ReportWords {
  readonly vocabulary: VocabularyWords;
  readonly title: Readonly<Record<ReportKind, string>>;
  /** "2026年11月" / "November 2026"; `quarter` is 1–4. */
  readonly periodName: (kind: ReportKind, year: number, monthOrQuarter: number) => string;
  readonly range: (from: string, to: string) => string;
  readonly comparedWith: (from: string, to: string) => string;
  readonly generated: (at: string, by: string) => string;
  readonly branches: (names: string) => string;
  readonly pageOf: readonly [string, string, string];
  readonly colon: string;
  /** "2026年11月（2026-11-01 至 2026-11-30）" */
  readonly periodLine: (name: string, range: string) => string;
  /** A section's heading with its number: "三、逾期投诉" / "3. Overdue complaints". */
  readonly numbered: (n: number, title: string) => string;
  readonly sections: {
    readonly kpis: string;
    readonly comparison: string;
    readonly charts: string;
    readonly ranking: string;
    readonly overdue: string;
    readonly major: string;
    readonly actions: string;
  };
  readonly kpiColumns: readonly [string, string, string, string, string];
  readonly tiles: Readonly<Record<TileId, string>>;
  readonly basis: {
    readonly ofWhole: (part: number, whole: number) => string;
    readonly scores: (count: number) => string;
    readonly complaints: (count: number) => string;
  };
  /** Why a figure cannot be computed: shown in its place, never a 0 or NaN. */
  readonly missing: Readonly<Record<KpiMissing, string>>;
  readonly noComparison: string;
  readonly points: string;
  readonly charts: {
    readonly volumeByWeek: string;
    readonly byCategory: string;
    readonly onTimeByMonth: string;
    readonly satisfaction: string;
    readonly response: string;
    readonly resolution: string;
    readonly score: (score: string) => string;
    readonly weekOf: (day: string) => string;
    readonly empty: string;
  };
  readonly ranking: {
    readonly byDepartment: string;
    readonly byPerson: string;
    readonly columns: readonly [string, string, string, string, string, string];
    readonly smallSample: string;
    readonly smallSampleNote: (min: number) => string;
    readonly notSet: string;
  };
  readonly comparisonColumns: readonly [string, string, string, string, string, string, string, string];
  readonly complaintColumns: {
    readonly number: string;
    readonly receivedAt: string;
    readonly grade: string;
    readonly category: string;
    readonly status: string;
    readonly assignee: string;
    readonly missedClocks: string;
    readonly flags: string;
  };
  readonly actionColumns: readonly [string, string, string, string, string];
  readonly actionState: { readonly overdueDays: (days: number) => string; readonly open: string };
  readonly none: Readonly<Record<'overdue' | 'major' | 'actions', string>>;
  readonly grade: (grade: number) => string;
  readonly list: string;
}

const zhCN: ReportWords = {
  vocabulary: VOCABULARY['zh-CN'],
  title: { month: '客户投诉月度报告', quarter: '客户投诉季度报告' },
  periodName: (kind, year, n) => (kind === 'month' ? `${year}年${n}月` : `${year}年第${n}季度`),
  range: (from, to) => `${from} 至 ${to}`,
  comparedWith: (from, to) => `对比期：${from} 至 ${to}`,
  generated: (at, by) => `生成时间：${at}\u3000生成人：${by}`,
  branches: (names) => `网点：${names}`,
  pageOf: ['第 ', ' 页 / 共 ', ' 页'],
  colon: '：',
  periodLine: (name, range) => `${name}（${range}）`,
  numbered: (n, title) => `${'一二三四五六七八九十'[n - 1] ?? n}、${title}`,
  sections: {
    kpis: '主要指标',
    comparison: '网点对比',
    charts: '图表',
    ranking: '综合 KPI 排名',
    overdue: '逾期投诉',
    major: '重大投诉',
    actions: '未完成的整改措施',
  },
  kpiColumns: ['指标', '本期', '对比期', '变化', '依据'],
  tiles: {
    volume: '投诉量（件）',
    responseOnTime: '响应及时率',
    resolutionOnTime: '处理及时率',
    resolutionRate: '问题解决率',
    satisfaction: '平均满意度（1–5 分）',
    repeats: '重复投诉（件）',
    composite: '综合 KPI（分）',
  },
  basis: {
    ofWhole: (part, whole) => `${part} / ${whole} 件`,
    scores: (count) => `${count} 次回访评分`,
    complaints: (count) => `${count} 件`,
  },
  missing: {
    no_complaints: '本期无投诉，无法计算',
    no_response_decided: '无已到期的响应时限，无法计算',
    no_resolution_decided: '无已到期的处理时限，无法计算',
    nothing_resolvable: '无需解决的投诉，无法计算',
    no_satisfaction_score: '无回访评分，无法计算',
  },
  noComparison: '对比期无数据',
  points: ' 个百分点',
  charts: {
    volumeByWeek: '投诉量（按周）',
    byCategory: '按投诉类别',
    onTimeByMonth: '及时率（近六个月，按月）',
    satisfaction: '满意度分布',
    response: '响应及时率',
    resolution: '处理及时率',
    score: (score) => `${score} 分`,
    weekOf: (day) => day.slice(5),
    empty: '无数据',
  },
  ranking: {
    byDepartment: '按部门',
    byPerson: '按处理人',
    columns: ['名次', '名称', '投诉数', '综合 KPI', '及时率 / 满意度 / 解决率', '备注'],
    smallSample: '样本不足',
    smallSampleNote: (min) => `投诉少于 ${min} 件为“样本不足”：不参与排名，列在最后仅供参考。`,
    notSet: '（未填写）',
  },
  comparisonColumns: ['网点', '投诉量', '响应及时率', '处理及时率', '问题解决率', '平均满意度', '重复投诉', '综合 KPI'],
  complaintColumns: {
    number: '投诉编号',
    receivedAt: '受理时间',
    grade: '等级',
    category: '投诉类别',
    status: '状态',
    assignee: '处理人',
    missedClocks: '逾期时限',
    flags: '重大投诉标记',
  },
  actionColumns: ['投诉编号', '整改措施', '责任人', '完成期限', '状态'],
  actionState: { overdueDays: (days) => `已逾期 ${days} 天`, open: '未到期' },
  none: { overdue: '本期没有逾期投诉。', major: '本期没有重大投诉。', actions: '没有未完成的整改措施。' },
  grade: (grade) => `${grade} 级`,
  list: '、',
};

const en: ReportWords = {
  vocabulary: VOCABULARY.en,
  title: { month: 'Monthly complaint report', quarter: 'Quarterly complaint report' },
  periodName: (kind, year, n) =>
    kind === 'month' ? `${new Date(Date.UTC(year, n - 1, 1)).toLocaleString('en', { month: 'long', timeZone: 'UTC' })} ${year}` : `Q${n} ${year}`,
  range: (from, to) => `${from} to ${to}`,
  comparedWith: (from, to) => `Compared with ${from} to ${to}`,
  generated: (at, by) => `Generated ${at} by ${by}`,
  branches: (names) => `Branches: ${names}`,
  pageOf: ['Page ', ' of ', ''],
  colon: ': ',
  periodLine: (name, range) => `${name} (${range})`,
  numbered: (n, title) => `${n}. ${title}`,
  sections: {
    kpis: 'Key figures',
    comparison: 'Branches compared',
    charts: 'Charts',
    ranking: 'Composite KPI ranking',
    overdue: 'Overdue complaints',
    major: 'Major complaints',
    actions: 'Open corrective actions',
  },
  kpiColumns: ['Figure', 'This period', 'Compared', 'Change', 'Basis'],
  tiles: {
    volume: 'Complaints',
    responseOnTime: 'Response on time',
    resolutionOnTime: 'Resolution on time',
    resolutionRate: 'Resolution rate',
    satisfaction: 'Average satisfaction (1–5)',
    repeats: 'Repeat complaints',
    composite: 'Composite KPI (points)',
  },
  basis: {
    ofWhole: (part, whole) => `${part} of ${whole}`,
    scores: (count) => `${count} follow-up ${count === 1 ? 'score' : 'scores'}`,
    complaints: (count) => `${count} ${count === 1 ? 'complaint' : 'complaints'}`,
  },
  missing: {
    no_complaints: 'no complaints: undefined',
    no_response_decided: 'no response deadline decided yet: undefined',
    no_resolution_decided: 'no resolution deadline decided yet: undefined',
    nothing_resolvable: 'nothing to resolve: undefined',
    no_satisfaction_score: 'no follow-up scores: undefined',
  },
  noComparison: 'no data to compare',
  points: ' points',
  charts: {
    volumeByWeek: 'Complaints by week',
    byCategory: 'By category',
    onTimeByMonth: 'On time, last six months',
    satisfaction: 'Satisfaction scores',
    response: 'Response on time',
    resolution: 'Resolution on time',
    score: (score) => score,
    weekOf: (day) => day.slice(5),
    empty: 'No data',
  },
  ranking: {
    byDepartment: 'By department',
    byPerson: 'By handler',
    columns: ['Rank', 'Name', 'Complaints', 'Composite', 'Timeliness / satisfaction / resolution', 'Note'],
    smallSample: 'small sample',
    smallSampleNote: (min) => `Fewer than ${min} complaints is a "small sample": listed last for reference, not ranked.`,
    notSet: '(not set)',
  },
  comparisonColumns: ['Branch', 'Complaints', 'Response on time', 'Resolution on time', 'Resolution rate', 'Satisfaction', 'Repeats', 'Composite'],
  complaintColumns: {
    number: 'Number',
    receivedAt: 'Received',
    grade: 'Grade',
    category: 'Category',
    status: 'Status',
    assignee: 'Handler',
    missedClocks: 'Deadlines missed',
    flags: 'Major flags',
  },
  actionColumns: ['Complaint', 'Corrective action', 'Owner', 'Due', 'State'],
  actionState: { overdueDays: (days) => `overdue ${days} ${days === 1 ? 'day' : 'days'}`, open: 'not yet due' },
  none: { overdue: 'No overdue complaints in the period.', major: 'No major complaints in the period.', actions: 'No open corrective actions.' },
  grade: (grade) => `Grade ${grade}`,
  list: ', ',
};

// The zh-CN words converted (npm run i18n:zh-tw) and, by hand, the sentences in Traditional characters.
const zhTW: ReportWords = {
  ...REPORT_WORDS_ZH_TW,
  vocabulary: VOCABULARY['zh-TW'],
  periodName: (kind, year, n) => (kind === 'month' ? `${year}年${n}月` : `${year}年第${n}季`),
  range: (from, to) => `${from} 至 ${to}`,
  comparedWith: (from, to) => `對比期：${from} 至 ${to}`,
  generated: (at, by) => `產生時間：${at}\u3000產生人：${by}`,
  branches: (names) => `分店：${names}`,
  periodLine: (name, range) => `${name}（${range}）`,
  numbered: zhCN.numbered,
  basis: {
    ofWhole: (part, whole) => `${part} / ${whole} 件`,
    scores: (count) => `${count} 次回訪評分`,
    complaints: (count) => `${count} 件`,
  },
  charts: { ...REPORT_WORDS_ZH_TW.charts, score: (score) => `${score} 分`, weekOf: zhCN.charts.weekOf },
  ranking: { ...REPORT_WORDS_ZH_TW.ranking, smallSampleNote: (min) => `投訴少於 ${min} 件為「樣本不足」：不參與排名，列在最後僅供參考。` },
  actionState: { ...REPORT_WORDS_ZH_TW.actionState, overdueDays: (days) => `已逾期 ${days} 天` },
  grade: (grade) => `${grade} 級`,
};

export const REPORT_WORDS: Readonly<Record<Language, ReportWords>> = { 'zh-CN': zhCN, 'zh-TW': zhTW, en };

/** The period as people name it: "2026年11月", "2026年第4季度", "November 2026", "Q4 2026". */
export function reportPeriodName(period: ReportPeriod, language: Language): string {
  const [year, month] = period.start.split('-').map(Number) as [number, number];
  return REPORT_WORDS[language].periodName(period.kind, year, period.kind === 'month' ? month : Math.floor((month + 2) / 3));
}
