/**
 * Stop-word lists shipped with crmkit/text.
 *
 * - English: the 318 words of scikit-learn's `ENGLISH_STOP_WORDS` (scikit-learn 1.2.1,
 *   `sklearn/feature_extraction/_stop_words.py`, BSD-3-Clause licence, copyright the scikit-learn
 *   developers), which scikit-learn took from the Glasgow Information Retrieval Group's stop list.
 *   Kept as is so that `stopWords: 'english'` matches scikit-learn's `stop_words='english'`.
 * - Chinese: 187 common function words (particles, pronouns, conjunctions, prepositions, adverbs of
 *   degree and time), written for crmkit and released under crmkit's MIT licence.
 *
 * @module
 */

/**
 * English stop words: scikit-learn's `ENGLISH_STOP_WORDS` (BSD-3-Clause), sorted.
 *
 * @example
 * ```ts
 * import { ENGLISH_STOP_WORDS } from 'crmkit/text';
 * ENGLISH_STOP_WORDS.length; // => 318
 * ENGLISH_STOP_WORDS.includes('the'); // => true
 * ```
 * @category Normalization
 */
export const ENGLISH_STOP_WORDS: readonly string[] = Object.freeze([
  'a', 'about', 'above', 'across', 'after', 'afterwards', 'again', 'against', 'all', 'almost',
  'alone', 'along', 'already', 'also', 'although', 'always', 'am', 'among', 'amongst', 'amoungst',
  'amount', 'an', 'and', 'another', 'any', 'anyhow', 'anyone', 'anything', 'anyway', 'anywhere',
  'are', 'around', 'as', 'at', 'back', 'be', 'became', 'because', 'become', 'becomes', 'becoming',
  'been', 'before', 'beforehand', 'behind', 'being', 'below', 'beside', 'besides', 'between',
  'beyond', 'bill', 'both', 'bottom', 'but', 'by', 'call', 'can', 'cannot', 'cant', 'co', 'con',
  'could', 'couldnt', 'cry', 'de', 'describe', 'detail', 'do', 'done', 'down', 'due', 'during',
  'each', 'eg', 'eight', 'either', 'eleven', 'else', 'elsewhere', 'empty', 'enough', 'etc', 'even',
  'ever', 'every', 'everyone', 'everything', 'everywhere', 'except', 'few', 'fifteen', 'fifty',
  'fill', 'find', 'fire', 'first', 'five', 'for', 'former', 'formerly', 'forty', 'found', 'four',
  'from', 'front', 'full', 'further', 'get', 'give', 'go', 'had', 'has', 'hasnt', 'have', 'he',
  'hence', 'her', 'here', 'hereafter', 'hereby', 'herein', 'hereupon', 'hers', 'herself', 'him',
  'himself', 'his', 'how', 'however', 'hundred', 'i', 'ie', 'if', 'in', 'inc', 'indeed', 'interest',
  'into', 'is', 'it', 'its', 'itself', 'keep', 'last', 'latter', 'latterly', 'least', 'less', 'ltd',
  'made', 'many', 'may', 'me', 'meanwhile', 'might', 'mill', 'mine', 'more', 'moreover', 'most',
  'mostly', 'move', 'much', 'must', 'my', 'myself', 'name', 'namely', 'neither', 'never',
  'nevertheless', 'next', 'nine', 'no', 'nobody', 'none', 'noone', 'nor', 'not', 'nothing', 'now',
  'nowhere', 'of', 'off', 'often', 'on', 'once', 'one', 'only', 'onto', 'or', 'other', 'others',
  'otherwise', 'our', 'ours', 'ourselves', 'out', 'over', 'own', 'part', 'per', 'perhaps', 'please',
  'put', 'rather', 're', 'same', 'see', 'seem', 'seemed', 'seeming', 'seems', 'serious', 'several',
  'she', 'should', 'show', 'side', 'since', 'sincere', 'six', 'sixty', 'so', 'some', 'somehow',
  'someone', 'something', 'sometime', 'sometimes', 'somewhere', 'still', 'such', 'system', 'take',
  'ten', 'than', 'that', 'the', 'their', 'them', 'themselves', 'then', 'thence', 'there',
  'thereafter', 'thereby', 'therefore', 'therein', 'thereupon', 'these', 'they', 'thick', 'thin',
  'third', 'this', 'those', 'though', 'three', 'through', 'throughout', 'thru', 'thus', 'to',
  'together', 'too', 'top', 'toward', 'towards', 'twelve', 'twenty', 'two', 'un', 'under', 'until',
  'up', 'upon', 'us', 'very', 'via', 'was', 'we', 'well', 'were', 'what', 'whatever', 'when',
  'whence', 'whenever', 'where', 'whereafter', 'whereas', 'whereby', 'wherein', 'whereupon',
  'wherever', 'whether', 'which', 'while', 'whither', 'who', 'whoever', 'whole', 'whom', 'whose',
  'why', 'will', 'with', 'within', 'without', 'would', 'yet', 'you', 'your', 'yours', 'yourself',
  'yourselves'
]);

/**
 * Chinese stop words: common function words (的, 了, 是, 我们, 因为, 吗, …), written for crmkit (MIT).
 *
 * @example
 * ```ts
 * import { CHINESE_STOP_WORDS } from 'crmkit/text';
 * CHINESE_STOP_WORDS.includes('的'); // => true
 * CHINESE_STOP_WORDS.length; // => 187
 * ```
 * @category Normalization
 */
export const CHINESE_STOP_WORDS: readonly string[] = Object.freeze([
  '的', '地', '得', '了', '着', '过', '是', '在', '和', '与', '及',
  '以及', '或', '或者', '而', '而且', '并', '并且', '但', '但是', '可是',
  '不过', '然而', '因为', '所以', '因此', '如果', '虽然', '即使', '就是', '还是',
  '于是', '然后', '那么', '那', '这', '这个', '那个', '这些', '那些', '这样',
  '那样', '这里', '那里', '这么', '什么', '怎么', '怎样', '为什么', '哪', '哪里',
  '哪个', '谁', '多少', '几', '我', '你', '您', '他', '她', '它', '我们',
  '你们', '他们', '她们', '它们', '咱们', '自己', '大家', '别人', '人家', '之',
  '其', '此', '彼', '该', '每', '各', '某', '本', '一', '一个', '一些',
  '一下', '一点', '有', '没', '没有', '不', '也', '都', '就', '还', '又',
  '再', '才', '只', '很', '太', '更', '最', '非常', '已经', '已', '正在',
  '将', '会', '能', '可以', '要', '想', '应该', '可能', '把', '被', '让',
  '给', '对', '对于', '关于', '向', '从', '到', '由', '于', '为', '为了',
  '以', '跟', '同', '比', '按', '按照', '根据', '通过', '除了', '吗', '呢',
  '吧', '啊', '呀', '哦', '哈', '嘛', '呗', '啦', '哇', '嗯', '么',
  '之后', '之前', '以后', '以前', '时候', '的话', '等', '等等', '上', '下',
  '里', '中', '个', '们', '来', '去', '说', '做', '还有', '其他', '其它',
  '所有', '一直', '一起', '便', '却', '则', '若', '如', '即', '既', '因',
  '故', '之所以', '只是', '只有', '不是', '而是'
]);
