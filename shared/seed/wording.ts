/**
 * Realistic Chinese wording for sample complaints, in the terms of the regulations in
 * shared/reference/seeds (产品质量, 服务态度, 退款未到账, 送货延误 …). Templates take `{product}`, `{amount}`,
 * `{minutes}`, `{days}`, `{staff}` and `{order}` slots that the generator fills.
 */
import type { RequestKind } from '../domain/vocabulary';

export const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢'.split('');
export const GIVEN_NAME_CHARACTERS = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红梅建国志鹏海燕子涵浩然欣怡雨轩晨阳佳琪思远'.split('');

/** City, the code prefix of its branches, and districts or streets to name stores after. */
export const CITIES: readonly { readonly name: string; readonly code: string; readonly places: readonly string[] }[] = [
  { name: '上海', code: 'SH', places: ['徐汇', '南京西路', '五角场', '陆家嘴', '七宝', '中山公园'] },
  { name: '北京', code: 'BJ', places: ['朝阳大悦城', '西单', '中关村', '望京', '通州万达', '五道口'] },
  { name: '广州', code: 'GZ', places: ['天河城', '北京路', '番禺', '白云新城', '琶洲'] },
  { name: '深圳', code: 'SZ', places: ['福田', '南山科技园', '宝安中心', '龙华', '罗湖东门'] },
  { name: '杭州', code: 'HZ', places: ['西湖', '滨江', '武林广场', '萧山', '城西银泰'] },
  { name: '南京', code: 'NJ', places: ['新街口', '河西', '仙林', '江宁'] },
  { name: '成都', code: 'CD', places: ['春熙路', '高新', '温江', '双流'] },
  { name: '武汉', code: 'WH', places: ['光谷', '汉街', '武广', '徐东'] },
  { name: '西安', code: 'XA', places: ['小寨', '高新', '曲江', '钟楼'] },
  { name: '重庆', code: 'CQ', places: ['解放碑', '观音桥', '沙坪坝', '南坪'] },
];

export const COMPANY = '优选生活';

export const PRODUCTS = ['鲜牛奶', '酸奶', '全麦面包', '进口牛排', '冷冻水饺', '大米', '食用油', '婴儿奶粉', '电饭煲', '空气炸锅', '吸尘器', '洗衣液', '护肤套装', '儿童玩具', '运动鞋', '羽绒服', '榨汁机', '智能手表'];

/** Departments that handle each category. */
export const DEPARTMENTS: Readonly<Record<string, readonly string[]>> = {
  product_quality: ['生鲜部', '食品部', '家电部', '品控部'],
  service_attitude: ['前台服务部', '收银部', '楼面管理部'],
  service_efficiency: ['收银部', '客服中心'],
  professional_competence: ['家电部', '客服中心'],
  after_sales: ['售后服务部', '家电部'],
  delivery_delay: ['物流配送部', '安装服务部'],
  information_communication: ['市场部', '会员中心'],
  price_billing: ['收银部', '财务部'],
  environment_facilities: ['行政部', '工程部'],
  other: ['客服中心'],
};

export interface ComplaintWording {
  readonly subCategory?: string;
  readonly nature: 'quality' | 'people' | 'other';
  readonly requests: readonly RequestKind[];
  readonly descriptions: readonly string[];
  readonly findings: string;
  readonly rootCause: string;
  readonly resolution: string;
  readonly correctiveAction: string;
}

export const WORDING: Readonly<Record<string, readonly ComplaintWording[]>> = {
  product_quality: [
    {
      subCategory: 'product_quality.expired',
      nature: 'quality',
      requests: ['refund', 'compensation'],
      descriptions: ['顾客反映在本店购买的{product}回家后发现已过期{days}天，商品过期仍在货架销售，要求退款并按规定赔偿。', '购买的{product}开封后有异味，包装上的保质期已过，顾客非常不满。'],
      findings: '核查货架与进销存记录，确认该批次商品已过保质期仍在售。',
      rootCause: '临期商品巡检未按规定执行，下架不及时。',
      resolution: '全额退款并按"退一赔十"标准赔偿，当面致歉。',
      correctiveAction: '生鲜及食品区每日两次临期商品巡检，店长签字确认。',
    },
    {
      subCategory: 'product_quality.defect',
      nature: 'quality',
      requests: ['replacement', 'repair'],
      descriptions: ['顾客购买的{product}使用不到一周即出现故障，无法正常使用，要求换货。', '{product}到手后发现外壳破损、配件缺失，订单号{order}。'],
      findings: '经检测确认为产品质量缺陷，非人为损坏。',
      rootCause: '供应商来货批次存在质量问题，入库抽检未发现。',
      resolution: '为顾客办理换新，并赠送延保一年。',
      correctiveAction: '对该供应商同批次商品全部下架复检，加严入库抽检比例。',
    },
  ],
  service_attitude: [
    {
      subCategory: 'service_attitude.rude',
      nature: 'people',
      requests: ['apology'],
      descriptions: ['顾客反映店员{staff}态度恶劣，询问商品位置时不予理睬并出言不逊。', '在收银台排队时与收银员发生争执，收银员态度冷淡、语气生硬，顾客要求道歉。'],
      findings: '调取监控并询问当事员工及在场同事，确认员工服务用语不规范。',
      rootCause: '员工服务意识不足，高峰时段情绪管理欠缺。',
      resolution: '店长与当事员工当面向顾客赔礼道歉，并赠送购物券。',
      correctiveAction: '组织全体一线员工服务礼仪再培训，纳入月度考核。',
    },
    {
      subCategory: 'service_attitude.indifferent',
      nature: 'people',
      requests: ['apology', 'explanation'],
      descriptions: ['顾客多次向服务台咨询退货事宜，工作人员互相推诿，无人负责处理。'],
      findings: '确认服务台未执行首问负责制，顾客被转接三次。',
      rootCause: '首问负责制未落实到人。',
      resolution: '客服主管致电道歉并当场为顾客办理退货。',
      correctiveAction: '服务台张贴首问负责制流程，责任到人。',
    },
  ],
  service_efficiency: [
    {
      subCategory: 'service_efficiency.long_wait',
      nature: 'people',
      requests: ['explanation', 'service_improvement'],
      descriptions: ['周末收银台只开两个通道，顾客排队等候超过{minutes}分钟，无人疏导。'],
      findings: '核实当日排班，高峰时段收银员缺岗两人。',
      rootCause: '排班未考虑周末客流高峰。',
      resolution: '向顾客说明情况并致歉，赠送积分。',
      correctiveAction: '周末高峰增开收银通道并安排机动人员。',
    },
    {
      subCategory: 'service_efficiency.no_callback',
      nature: 'people',
      requests: ['explanation'],
      descriptions: ['顾客上周反映的问题工作人员承诺48小时内回复，至今无人联系。'],
      findings: '确认回访记录缺失，承诺未兑现。',
      rootCause: '投诉回访未登记到系统，责任人休假未交接。',
      resolution: '客服主管当日回电说明处理进度并致歉。',
      correctiveAction: '所有承诺回复事项必须登记并设置提醒。',
    },
  ],
  professional_competence: [
    {
      subCategory: 'professional_competence.wrong_advice',
      nature: 'people',
      requests: ['explanation', 'refund'],
      descriptions: ['导购介绍{product}支持以旧换新，结账时却被告知不适用，顾客认为被误导。'],
      findings: '核实活动规则，导购解答错误。',
      rootCause: '促销规则培训不到位。',
      resolution: '按导购承诺的价格为顾客补差价{amount}元。',
      correctiveAction: '每期促销活动开始前组织规则考试。',
    },
  ],
  after_sales: [
    {
      subCategory: 'after_sales.return_refund',
      nature: 'other',
      requests: ['refund'],
      descriptions: ['顾客{days}天前办理退货，退款{amount}元至今未到账，多次询问无果。', '退款未到账，订单号{order}，客服一直说在处理中。'],
      findings: '核查财务系统，退款申请卡在审核环节未提交。',
      rootCause: '退款审核流程超时无提醒。',
      resolution: '当日完成退款并告知顾客到账时间，致歉。',
      correctiveAction: '退款审核超过24小时自动提醒财务主管。',
    },
    {
      subCategory: 'after_sales.repair',
      nature: 'quality',
      requests: ['repair'],
      descriptions: ['送修的{product}已超过{days}天未修好，顾客要求给出明确时间。'],
      findings: '维修配件缺货，未及时告知顾客。',
      rootCause: '维修进度未主动通知顾客。',
      resolution: '提供备用机并承诺三日内修复。',
      correctiveAction: '维修超过7天主动电话告知进度。',
    },
  ],
  delivery_delay: [
    {
      subCategory: 'delivery_delay.late_delivery',
      nature: 'other',
      requests: ['compensation', 'explanation'],
      descriptions: ['线上购买的{product}约定昨天送达，送货延误至今未到，电话无人接听。', '送货延误{days}天，顾客专门请假在家等候，要求赔偿。'],
      findings: '物流配送排单错误，订单被遗漏。',
      rootCause: '配送系统与门店订单同步异常。',
      resolution: '当日加急送达，并补偿{amount}元优惠券。',
      correctiveAction: '每日核对未配送订单清单。',
    },
    {
      subCategory: 'delivery_delay.missed_appointment',
      nature: 'people',
      requests: ['apology', 'service_improvement'],
      descriptions: ['预约上门安装{product}，师傅未按约上门，也未提前通知。'],
      findings: '安装师傅临时调度未通知顾客。',
      rootCause: '改约流程缺少通知环节。',
      resolution: '改约次日上午优先安装，并致歉。',
      correctiveAction: '改约必须短信通知顾客并确认。',
    },
  ],
  information_communication: [
    {
      subCategory: 'information_communication.misleading',
      nature: 'other',
      requests: ['explanation', 'refund'],
      descriptions: ['宣传单写明{product}买一送一，到店后被告知活动已结束，顾客认为宣传误导。'],
      findings: '活动海报未及时撤下。',
      rootCause: '活动结束后物料撤换不及时。',
      resolution: '按活动价格为顾客补偿差价。',
      correctiveAction: '活动结束当日由专人撤换宣传物料。',
    },
  ],
  price_billing: [
    {
      subCategory: 'price_billing.overcharge',
      nature: 'people',
      requests: ['refund', 'apology'],
      descriptions: ['收银多收费：{product}标价与结账价格不一致，多收{amount}元。', '顾客核对小票发现同一商品被重复扫码，多收{amount}元。'],
      findings: '核对小票与监控，确认收银员重复扫码。',
      rootCause: '收银操作不规范，未唱收唱付。',
      resolution: '退还多收款项并致歉。',
      correctiveAction: '收银员重申唱收唱付规范，每周抽查。',
    },
    {
      subCategory: 'price_billing.price_mismatch',
      nature: 'other',
      requests: ['refund'],
      descriptions: ['货架价签显示特价，结账时按原价收费，顾客要求按价签价格结算。'],
      findings: '价签未随系统调价更新。',
      rootCause: '调价后价签更换不及时。',
      resolution: '按价签价格退还差额{amount}元。',
      correctiveAction: '系统调价后两小时内完成价签更换并复核。',
    },
  ],
  environment_facilities: [
    {
      subCategory: 'environment_facilities.hygiene',
      nature: 'other',
      requests: ['service_improvement'],
      descriptions: ['卫生间长时间无人打扫，地面湿滑有异味。'],
      findings: '保洁巡查记录缺失两小时。',
      rootCause: '保洁人员排班不足。',
      resolution: '立即安排清洁并向顾客致歉。',
      correctiveAction: '卫生间每半小时巡查一次并签到。',
    },
    {
      subCategory: 'environment_facilities.noise_safety',
      nature: 'other',
      requests: ['compensation', 'explanation'],
      descriptions: ['顾客在店内入口处湿滑地面摔倒，膝盖受伤，现场无警示标识。'],
      findings: '确认拖地后未放置警示牌。',
      rootCause: '保洁作业规范未执行。',
      resolution: '承担医药费{amount}元并慰问。',
      correctiveAction: '拖地作业必须放置"小心地滑"警示牌。',
    },
  ],
  other: [
    {
      nature: 'other',
      requests: ['other'],
      descriptions: ['顾客对停车收费标准有异议，认为会员应免费停车。'],
      findings: '停车规则已公示，但会员权益说明不清。',
      rootCause: '会员权益宣传不清楚。',
      resolution: '向顾客解释停车规则并赠送停车券。',
      correctiveAction: '在会员手册中补充停车权益说明。',
    },
  ],
};

export const PAUSE_REASONS = ['等待顾客提供购物小票', '等待顾客提供商品照片', '顾客出差，约定回来后再处理', '等待顾客确认银行账户信息'];
export const REJECTION_TEXTS = { false_material: '经核实，顾客提供的购物凭证非本店开具。', in_arbitration_or_court: '顾客已向法院起诉，按规定不予受理。', not_liable: '经核实，问题系顾客使用不当造成，已耐心解释。' } as const;
export const NOT_LIABLE_EXPLANATION = '经调查核实，不属于我方责任，已向顾客耐心解释并获理解。';
export const ASSIST_FINDINGS = '问题由商场物业（第三方）造成，我方协助协调处理并跟踪结果。';
export const FOLLOW_UP_COMMENTS = ['顾客对处理结果满意', '顾客表示认可', '顾客仍不满意，认为赔偿不足', '顾客表示下次不会再来了', '顾客感谢及时处理'];
export const VOID_REASONS = ['重复登记', '登记错误，顾客为咨询而非投诉', '录入门店错误'];
export const EXTENSION_REASONS = ['需送厂家检测，检测周期较长', '需与供应商协商赔偿方案', '涉及多个部门，需联合调查'];
export const MAJOR_DESCRIPTIONS: Readonly<Record<string, string>> = {
  media: '顾客已将此事发布到微博并被本地媒体转载，舆论关注度高。',
  regulator: '顾客已向市场监督管理局投诉，监管部门要求书面说明。',
  legal: '顾客委托律师发函，要求赔偿并保留起诉权利。',
  injury_or_major_loss: '事件造成顾客人身伤害，需就医治疗。',
};
