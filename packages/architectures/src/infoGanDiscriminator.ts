import * as tf from '@tensorflow/tfjs';
import { dcganFeatures, denseHead, denseHidden } from './internal/dcgan.js';
import { resolveDcganDiscriminator } from './internal/dcganOptions.js';
import { intArrayOption, intOption } from './internal/validate.js';
import type { DcganDiscriminatorOptions } from './dcganDiscriminator.js';

/** Options of {@link infoGanDiscriminator}: those of `dcganDiscriminator` plus the latent codes Q predicts. At least one code is required. */
export interface InfoGanDiscriminatorOptions extends DcganDiscriminatorOptions {
  /** The categories k_i of each categorical code, e.g. `[10]` (the paper's MNIST digit code). Each an integer ≥ 2. Default `[]`. */
  categorical?: number[];
  /** d, the continuous codes, predicted as the means of a factored Gaussian with σ = 1, e.g. 2 (the paper's MNIST). Default 0. */
  continuous?: number;
  /** Units of Q's hidden fully connected layer. Default 128 (Chen et al., appendix C.1). */
  qHiddenUnits?: number;
}

/**
 * Builds the InfoGAN discriminator D with its recognition network Q: the
 * DCGAN discriminator's convolutional body φ(x) is shared by the adversarial
 * head and by Q, which adds a fully connected layer (no bias, batch norm,
 * leaky ReLU 0.2) and then one dense output per code:
 *
 *   adversarial(x) = ψ(φ(x))                                  [batch, 1]
 *   h(x)           = lrelu(BN(W_h φ(x)))                      [batch, qHiddenUnits]
 *   code_i(x)      = W_i h(x) + b_i                           [batch, k_i]   (logits of Q(c_i | x))
 *   mean(x)        = W_μ h(x) + b_μ                           [batch, d]     (μ of Q(c_cont | x) = N(μ, I))
 *
 * The mutual-information bound L_I = E[log Q(c | G(z, c))] is then, per
 * sample, Σ_i log softmax(code_i)[c_i] − ½‖c_cont − μ‖² − (d/2)·log 2π: the
 * softmax cross-entropy of each categorical code plus, with σ fixed at 1 as
 * in the reference code, half the squared error of the continuous codes.
 * The convs shared with D make Q nearly free (appendix C.1: "Q network
 * shares all convolutional layers with D"). The shared body is the DCGAN
 * discriminator's, with its options: the paper's MNIST D (appendix C.1: conv
 * 4×4/2 → 64, conv 4×4/2 → 128 with batch norm, a fully connected 1,024
 * layer with batch norm, all leaky ReLU) is `kernelSize: 4, normalization:
 * 'batch', hiddenUnits: 1024`, and φ(x) is then the 1,024 units. The leaky
 * ReLU slope is the body's 0.2 (the reference code uses 0.01).
 *
 * Outputs, in this order (trainers may rely on it; `model.outputNames`):
 * 1. `'adversarial'` — [batch, 1], the same head as `dcganDiscriminator`'s logit;
 * 2. `'code_0_logits'`, `'code_1_logits'`, … — [batch, k_i], one per entry of `categorical`, in its order;
 * 3. `'continuous_mean'` — [batch, d], only when `continuous` > 0.
 * `wrapLayer` sees the convs, the adversarial dense, Q's hidden dense and the
 * code denses; if it returns other layers, the outputs carry their names
 * instead (the order stays). With the same seed and options, the body and the
 * adversarial head get the weights `dcganDiscriminator` would.
 *
 * Parameter counts (filters 64, kernel 5, normalization none, 28 × 28 × 1,
 * qHiddenUnits 128, batch-norm statistics included): 1,017,741 for the
 * paper's MNIST codes `categorical: [10], continuous: 2` (212,865 of
 * `dcganDiscriminator`, 803,328 for Q's hidden layer, 1,548 for the code heads).
 *
 * Paper: Chen, Duan, Houthooft, Schulman, Sutskever & Abbeel, "InfoGAN:
 * Interpretable Representation Learning by Information Maximizing Generative
 * Adversarial Nets", NeurIPS 2016 (appendix C.1).
 *
 * @param options - the codes (`categorical`, `continuous`; at least one), `qHiddenUnits`, and every `dcganDiscriminator` option.
 * @returns a `tf.LayersModel` from [batch, imageSize, imageSize, channels] to `[adversarial, ...codeLogits, continuousMean?]`.
 * @throws if an option is out of range or no code is given, naming the option, before any weights exist.
 *
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs';
 * import { infoGanDiscriminator } from '@gankit/architectures';
 * const d = infoGanDiscriminator({ categorical: [10], continuous: 2 }); // MNIST: one digit code, two continuous
 * // The paper's MNIST body: 4×4 convs, batch norm, a shared fully connected 1,024 layer.
 * const paper = infoGanDiscriminator({ categorical: [10], continuous: 2, kernelSize: 4, normalization: 'batch', hiddenUnits: 1024 });
 * const [adversarial, digitLogits, mean] = d.apply(fakes, { training: true }) as tf.Tensor2D[];
 * const info = tf.add(
 *   tf.losses.softmaxCrossEntropy(tf.oneHot(digitCode, 10), digitLogits),
 *   tf.mul(0.5, tf.mean(tf.sum(tf.square(tf.sub(continuousCode, mean)), 1))),
 * );
 * ```
 */
export function infoGanDiscriminator(options: InfoGanDiscriminatorOptions): tf.LayersModel {
  const builder = 'infoGanDiscriminator';
  const { o, plan, imageSize, channels } = resolveDcganDiscriminator(builder, options, ['categorical', 'continuous', 'qHiddenUnits']);
  const categorical = intArrayOption(builder, 'categorical', o.categorical, [], 2, ' (the categories of each categorical code)');
  const continuous = intOption(builder, 'continuous', o.continuous, 0, 0);
  const qHiddenUnits = intOption(builder, 'qHiddenUnits', o.qHiddenUnits, 128);
  if (categorical.length === 0 && continuous === 0) {
    throw new Error(
      `${builder}: options 'categorical' and 'continuous' give no latent code for Q to predict; ` +
        `pass at least one, e.g. categorical: [10], continuous: 2 (the paper's MNIST codes); got categorical [], continuous 0`,
    );
  }
  const x = tf.input({ shape: [imageSize, imageSize, channels] });
  const features = dcganFeatures(x, plan);
  const adversarial = denseHead(builder, features, 1, plan.init, plan.wrap, 'adversarial');
  const h = denseHidden(builder, features, qHiddenUnits, 'batch', plan.init, plan.wrap);
  const outputs = [adversarial, ...categorical.map((k, i) => denseHead(builder, h, k, plan.init, plan.wrap, `code_${i}_logits`))];
  if (continuous > 0) outputs.push(denseHead(builder, h, continuous, plan.init, plan.wrap, 'continuous_mean'));
  return tf.model({ inputs: x, outputs });
}
