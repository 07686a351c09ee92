import { expectTypeOf, test } from 'vitest';
import {
  fitDecisionTree,
  predictDecisionTree,
  predictProbaDecisionTree,
  parseDecisionTreeModel,
  type DecisionTreeModel,
  type Label,
  type RandomForestModel,
  type TreeRule,
  treeToRules,
} from 'crmkit/classify';

test('models are plain data and predict needs a fitted model', () => {
  expectTypeOf(fitDecisionTree).returns.toEqualTypeOf<DecisionTreeModel>();
  expectTypeOf(predictDecisionTree).parameter(0).toEqualTypeOf<DecisionTreeModel>();
  expectTypeOf(predictDecisionTree).returns.toEqualTypeOf<Label[]>();
  expectTypeOf(predictProbaDecisionTree).returns.toEqualTypeOf<number[][]>();
  expectTypeOf(parseDecisionTreeModel).parameter(0).toBeUnknown();
  expectTypeOf<DecisionTreeModel['kind']>().toEqualTypeOf<'decisionTree'>();
  expectTypeOf<RandomForestModel['kind']>().toEqualTypeOf<'randomForest'>();
  expectTypeOf(treeToRules).returns.toEqualTypeOf<TreeRule[]>();
  // a forest is not a tree
  expectTypeOf<RandomForestModel>().not.toMatchTypeOf<DecisionTreeModel>();
});
