/**
 * Chinese segmentation: crmkit/text/zh `segmentChinese` (jieba's algorithm and dictionary) beside
 * Python jieba 0.42.1 (scripts/reference/text_jieba.py --bench, same 10,500 weibo2018 posts, in the
 * same run) and the default Intl.Segmenter path of `tokenize`, whose segmenter calls are counted.
 * Agreement: token F1 against Python jieba on the 500 weibo2018 test posts (Han words), as
 * test/text/zh.test.ts asserts.
 *
 * Run: npm run bench -- text-zh
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { tokenize } from '../src/text/index.js';
import { segmentChinese } from '../src/text/zh/index.js';
import { hasData, readDataText } from '../scripts/lib/data.js';
import { measure, printTable, type Row } from './lib.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function weiboTexts(): string[] {
  const lines = [...readDataText('weibo2018', 'train.txt.gz').split('\n'), ...readDataText('weibo2018', 'test.txt').split('\n')];
  return lines.filter((l) => l.length > 0).map((l) => l.slice(l.indexOf(',', l.indexOf(',') + 1) + 1));
}

function f1(seg: (s: string) => string[]): number {
  const fx = JSON.parse(readFileSync(join(root, 'test', 'fixtures', 'text-jieba.json'), 'utf8')) as { posts: { tokens: string[] }[] };
  const HAN = /^\p{Script=Han}+$/u;
  let tp = 0;
  let np = 0;
  let nr = 0;
  for (const row of fx.posts) {
    const text = row.tokens.join('');
    const ref = new Set<string>();
    let p = 0;
    for (const t of row.tokens) {
      if (HAN.test(t)) ref.add(`${p}:${p + t.length}`);
      p += t.length;
    }
    for (const m of text.matchAll(/\p{Script=Han}+/gu)) {
      let q = m.index;
      for (const w of seg(m[0])) {
        if (HAN.test(w)) {
          np++;
          if (ref.has(`${q}:${q + w.length}`)) tp++;
        }
        q += w.length;
      }
    }
    nr += ref.size;
  }
  const P = tp / np;
  const R = tp / nr;
  return (2 * P * R) / (P + R);
}

async function main(): Promise<void> {
  if (!hasData('weibo2018', 'train.txt.gz')) {
    console.log('text-zh bench skipped: shared data not found');
    return;
  }
  const weibo = weiboTexts();
  const rows: Row[] = [];
  const t0 = performance.now();
  segmentChinese('我');
  rows.push({ case: 'load jieba dictionary', impl: 'crmkit/text/zh (first call)', ms: performance.now() - t0 });
  const py = spawnSync('/usr/bin/python3', [join(root, 'scripts', 'reference', 'text_jieba.py'), '--bench'], { encoding: 'utf8', timeout: 600_000 });
  const jb = py.status === 0 ? (JSON.parse(py.stdout.trim().split('\n').pop()!) as { seconds: number; postsPerSecond: number }) : null;
  const name = `segment ${weibo.length} weibo posts`;
  let m = await measure(() => weibo.map((t) => segmentChinese(t)), { minRuns: 3 });
  // CPU time of one more pass: the shared machine's load inflates wall time.
  const cpu0 = process.cpuUsage();
  weibo.forEach((t) => segmentChinese(t));
  const cpu = process.cpuUsage(cpu0);
  const cpuS = (cpu.user + cpu.system) / 1e6;
  rows.push({ case: name, impl: 'crmkit segmentChinese (whole post)', ms: m.ms, heapMB: m.heapMB, note: `${Math.round(weibo.length / (m.ms / 1000))} posts/s (${Math.round(weibo.length / cpuS)} per CPU-second); F1 ${f1(segmentChinese).toFixed(4)}` });
  rows.push({ case: name, impl: 'Python jieba 0.42.1 jieba.cut (whole post)', ms: jb ? jb.seconds * 1000 : null, note: jb ? `${Math.round(jb.postsPerSecond)} posts/s; the reference` : 'python3-jieba missing' });
  m = await measure(() => weibo.map((t) => tokenize(t, { segmenter: segmentChinese })), { minRuns: 3 });
  rows.push({ case: `tokenize ${weibo.length} weibo posts`, impl: 'crmkit tokenize + segmentChinese', ms: m.ms, heapMB: m.heapMB, note: `${Math.round(weibo.length / (m.ms / 1000))} posts/s` });
  let calls = 0;
  const orig = Intl.Segmenter.prototype.segment;
  Intl.Segmenter.prototype.segment = function (this: Intl.Segmenter, s: string) {
    calls++;
    return orig.call(this, s);
  };
  weibo.slice(0, 2000).forEach((t) => tokenize(t));
  Intl.Segmenter.prototype.segment = orig;
  const intlSeg = new Intl.Segmenter('zh', { granularity: 'word' });
  const perRun = (s: string): string[] => Array.from(intlSeg.segment(s), (x) => x.segment);
  m = await measure(() => weibo.map((t) => tokenize(t)), { minRuns: 3 });
  rows.push({ case: `tokenize ${weibo.length} weibo posts`, impl: 'crmkit tokenize (default Intl.Segmenter, one call per post)', ms: m.ms, heapMB: m.heapMB, note: `${Math.round(weibo.length / (m.ms / 1000))} posts/s; ${calls} calls for 2,000 posts; F1 ${f1((s) => tokenize(s, { lang: 'zh' })).toFixed(4)}` });
  m = await measure(() => weibo.map((t) => tokenize(t, { segmenter: perRun })), { minRuns: 3 });
  rows.push({ case: `tokenize ${weibo.length} weibo posts`, impl: 'crmkit tokenize (Intl.Segmenter called per Han run, as before)', ms: m.ms, heapMB: m.heapMB, note: `${Math.round(weibo.length / (m.ms / 1000))} posts/s` });
  printTable('crmkit/text/zh', rows);
}

await main();
