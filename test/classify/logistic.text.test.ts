/**
 * The composition users write: crmkit/text TF-IDF → fitLogisticRegression on the sparse matrix.
 * Quality within 0.01 of scikit-learn 1.2.1 on the same protocol (scripts/reference/classify_linear.py:
 * TfidfVectorizer + LogisticRegression() defaults). The tokenizations differ slightly (crmkit/text's
 * tokenizer vs scikit-learn's `\b\w\w+\b`), hence a tolerance on the score rather than equal features.
 */
import { expect, it } from 'vitest';
import { fitLogisticRegression, predictLogisticRegression, precisionRecallFscore, stratifiedKFold } from '../../src/classify/index.js';
import { fitTransformTfidf, transformTfidf } from '../../src/text/index.js';
import { parseCsv } from '../../src/connectors/index.js';
import { describeWithData, readDataText } from '../helpers/data.js';
import { linearFixture } from './_linearData.js';

/** scikit-learn's char analyzer input: lowercased, whitespace runs collapsed, one token per code point. */
export function chars(text: string): string[] {
  return Array.from(text.toLowerCase().replace(/\s\s+/g, ' '));
}

export function readWeibo(name: string): { texts: string[]; labels: number[] } {
  const texts: string[] = [];
  const labels: number[] = [];
  for (const line of readDataText('weibo2018', name).split('\n')) {
    if (line === '') continue;
    const a = line.indexOf(',');
    const b = line.indexOf(',', a + 1);
    labels.push(Number(line.slice(a + 1, b)));
    texts.push(line.slice(b + 1));
  }
  return { texts, labels };
}

describeWithData('fitTfidf → fitLogisticRegression on text', [['weibo2018', 'train.txt.gz'], ['weibo2018', 'test.txt'], ['twitter-airline-sentiment', 'Tweets.csv.gz']], () => {
  it('weibo2018 test.txt, character 1–3-grams: accuracy within 0.01 of scikit-learn', () => {
    const train = readWeibo('train.txt.gz');
    const test = readWeibo('test.txt');
    const { model: tfidf, matrix } = fitTransformTfidf(train.texts.map(chars), { ngramRange: [1, 3] });
    const lr = fitLogisticRegression(matrix, train.labels);
    const pred = predictLogisticRegression(lr, transformTfidf(tfidf, test.texts.map(chars)));
    const acc = pred.filter((p, i) => p === test.labels[i]).length / pred.length;
    const ref = linearFixture().text.weibo.accuracy as number;
    expect(Math.abs(acc - ref), `crmkit ${acc} vs scikit-learn ${ref}`).toBeLessThanOrEqual(0.01);
  }, 180_000);

  it('airline tweets, 3 classes, 5-fold stratified CV, word 1–2-grams: accuracy and macro-F1 within 0.01', () => {
    const rows = parseCsv(readDataText('twitter-airline-sentiment', 'Tweets.csv.gz'), { header: false }).rows as string[][];
    const h = rows[0]!;
    const body = rows.slice(1).filter((r) => r.length === h.length);
    const texts = body.map((r) => r[h.indexOf('text')]!);
    const y = body.map((r) => r[h.indexOf('airline_sentiment')]!);
    let acc = 0;
    let f1 = 0;
    const folds = stratifiedKFold(y, { nSplits: 5 });
    for (const fold of folds) {
      const { model: tfidf, matrix } = fitTransformTfidf(fold.trainIndex.map((i) => texts[i]!), { ngramRange: [1, 2] });
      const lr = fitLogisticRegression(matrix, fold.trainIndex.map((i) => y[i]!));
      const pred = predictLogisticRegression(lr, transformTfidf(tfidf, fold.testIndex.map((i) => texts[i]!)));
      const truth = fold.testIndex.map((i) => y[i]!);
      acc += pred.filter((p, i) => p === truth[i]).length / pred.length / folds.length;
      f1 += (precisionRecallFscore(truth, pred, { average: 'macro' }).fScore) / folds.length;
    }
    const ref = linearFixture().text.airline;
    expect(Math.abs(acc - ref.accuracy), `accuracy crmkit ${acc} vs scikit-learn ${ref.accuracy}`).toBeLessThanOrEqual(0.01);
    expect(Math.abs(f1 - ref.macroF1), `macro-F1 crmkit ${f1} vs scikit-learn ${ref.macroF1}`).toBeLessThanOrEqual(0.01);
  }, 180_000);
});
