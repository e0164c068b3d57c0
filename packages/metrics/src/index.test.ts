import { describe, expect, it } from 'vitest';
import * as browser from './index.js';
import * as node from './index.node.js';

describe('package entries', () => {
  it('exports everything from the browser entry in the Node entry too', () => {
    expect(Object.keys(node)).toEqual(expect.arrayContaining(Object.keys(browser)));
  });
  it('adds the reference classifiers in the Node entry only', () => {
    expect(Object.keys(node).filter((k) => !(k in browser)).sort()).toEqual(['REFERENCE_CLASSIFIER_NAMES', 'loadReferenceClassifier', 'referenceClassifierDirectory']);
  });
});
