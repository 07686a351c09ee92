/**
 * Hillstrom's e-mail experiment encoded as scripts/reference/classify_uplift.py does, for the uplift
 * tests and the uplift example: Womens E-Mail (treated) vs No E-Mail (control), features recency,
 * history/1000, mens, womens, newbie, zip Urban, zip Rural, channel Web, channel Multichannel
 * (Surburban and Phone are the dropped levels). Rows j % 3 != 0 train, j % 3 == 0 are held out
 * (j = index among the kept rows, in file order).
 */
import { readDataCsv } from '../scripts/lib/data.js';

export const HILLSTROM_FEATURES = ['recency', 'history/1000', 'mens', 'womens', 'newbie', 'zipUrban', 'zipRural', 'channelWeb', 'channelMultichannel'];

export interface HillstromSplit {
  XTrain: number[][];
  XTest: number[][];
  tTrain: (0 | 1)[];
  tTest: (0 | 1)[];
  visitTrain: number[];
  visitTest: number[];
  conversionTrain: number[];
  conversionTest: number[];
}

export function loadHillstromWomens(): HillstromSplit {
  const rows = readDataCsv(['hillstrom-email', 'hillstrom.csv.gz']).filter((r) => r.segment === 'Womens E-Mail' || r.segment === 'No E-Mail');
  const out: HillstromSplit = { XTrain: [], XTest: [], tTrain: [], tTest: [], visitTrain: [], visitTest: [], conversionTrain: [], conversionTest: [] };
  rows.forEach((r, j) => {
    const x = [
      Number(r.recency),
      Number(r.history) / 1000,
      Number(r.mens),
      Number(r.womens),
      Number(r.newbie),
      r.zip_code === 'Urban' ? 1 : 0,
      r.zip_code === 'Rural' ? 1 : 0,
      r.channel === 'Web' ? 1 : 0,
      r.channel === 'Multichannel' ? 1 : 0,
    ];
    const t: 0 | 1 = r.segment === 'Womens E-Mail' ? 1 : 0;
    const test = j % 3 === 0;
    (test ? out.XTest : out.XTrain).push(x);
    (test ? out.tTest : out.tTrain).push(t);
    (test ? out.visitTest : out.visitTrain).push(Number(r.visit));
    (test ? out.conversionTest : out.conversionTrain).push(Number(r.conversion));
  });
  return out;
}
