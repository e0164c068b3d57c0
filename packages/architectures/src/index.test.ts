import * as tf from '@tensorflow/tfjs';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as api from './index.js';

describe('@gankit/architectures entry point', () => {
  it('exports the builders and layers by name', () => {
    expect(Object.keys(api).sort()).toEqual(
      [
        'BatchNormalization',
        'CUSTOM_LAYERS',
        'InstanceNormalization',
        'ReflectionPadding2D',
        'SERIALIZATION_PACKAGE',
        'acganDiscriminator',
        'batchNormalization',
        'conditionalDcganDiscriminator',
        'conditionalDcganGenerator',
        'conditionalMlpDiscriminator',
        'conditionalMlpGenerator',
        'convVaeDecoder',
        'convVaeEncoder',
        'cycleGanGenerator',
        'dcganClassifier',
        'dcganDiscriminator',
        'dcganGenerator',
        'infoGanDiscriminator',
        'instanceNormalization',
        'mlpDiscriminator',
        'mlpGenerator',
        'mlpMixtureGenerator',
        'mlpVaeDecoder',
        'mlpVaeEncoder',
        'patchGanDiscriminator',
        'reflectionPadding2D',
        'unitNetworks',
      ].sort(),
    );
  });

  it('uses no export *', () => {
    expect(readFileSync(new URL('./index.ts', import.meta.url), 'utf8')).not.toMatch(/export \*/);
  });

  it('registers the custom layers for deserialization when imported', () => {
    const names = Object.keys((tf.serialization.SerializationMap.getMap() as unknown as { classNameMap: object }).classNameMap);
    expect(names).toEqual(expect.arrayContaining(['InstanceNormalization', 'ReflectionPadding2D', 'BatchNormalization']));
    expect(tf.serialization.SerializationMap.getMap().classNameMap['BatchNormalization']![0]).toBe(api.BatchNormalization);
  });
});
