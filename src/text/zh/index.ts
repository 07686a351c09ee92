/**
 * crmkit/text/zh: Chinese word segmentation at jieba quality — jieba's algorithm with its MIT
 * dictionary (349k words) and HMM. A separate subpath because the dictionary is about 1.5 MB
 * gzipped: import it lazily (`await import('crmkit/text/zh')`) and pass {@link segmentChinese} as the
 * `segmenter` option of `crmkit/text`.
 *
 * @module
 */
export * from '../../errors-export.js';
export { segmentChinese } from './segmentChinese.js';
