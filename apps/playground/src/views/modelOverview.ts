import type { Settings } from '../settings.js';

/** What the model overview shows: the two networks, the data and the loss. */
export interface ModelSpec {
  /** Size of the Gaussian noise z. */
  readonly latentDim: number;
  /** Categories of a one-hot code fed to G before z (the mixture generator), if any. */
  readonly codeCategories?: number;
  /** Hidden widths and depth of the generator MLP, and its kind ("MLP" or "mixture MLP"). */
  readonly generator: { readonly width: number; readonly depth: number; readonly kind?: string };
  /** Hidden widths and depth of the discriminator MLP. */
  readonly discriminator: { readonly width: number; readonly depth: number };
  /** Samples the discriminator scores at once (PacGAN); 1 or absent without packing. */
  readonly packing?: number;
  /** The real distribution's name. */
  readonly data: string;
  /** The loss's name. */
  readonly loss: string;
  /** How the critic is kept in check, if at all. */
  readonly regularizer?: string;
  /** What the discriminator outputs. */
  readonly score: string;
  readonly criticSteps: number;
  readonly batchSize: number;
}

/** What {@link modelSpec} reads of a loss setup (a `LossSetup` of setups.ts fits). */
export interface OverviewSetup {
  readonly label: string;
  readonly regularizer?: string;
  readonly score: string;
  /** The mixture setup's one-hot code size and packing. */
  readonly mixture?: { readonly categories: number; readonly packing: number };
}

/** One box of the diagram: a title and its lines. */
export interface OverviewBox {
  readonly id: 'z' | 'generator' | 'fake' | 'real' | 'discriminator' | 'score';
  readonly title: string;
  readonly lines: readonly string[];
}

/**
 * The layer sizes of an MLP as "in → h → h → out" (up to four hidden layers),
 * or "in → h × depth → out".
 *
 * @param input - input size.
 * @param width - hidden width.
 * @param depth - hidden layers.
 * @param output - output size.
 * @returns the chain.
 *
 * @example
 * ```ts
 * layerChain(2, 128, 3, 2); // '2 → 128 → 128 → 128 → 2'
 * layerChain(2, 64, 6, 1);  // '2 → 64 × 6 → 1'
 * ```
 */
export function layerChain(input: number, width: number, depth: number, output: number): string {
  const hidden = depth <= 4 ? new Array<string>(depth).fill(String(width)).join(' → ') : `${width} × ${depth}`;
  return `${input} → ${hidden} → ${output}`;
}

/**
 * The model overview of the current configuration, from the settings and the
 * loss setup (its name, regularizer, output and, for the mixture setup, the
 * one-hot code and the packing).
 *
 * @param settings - the networks, critic steps and batch size.
 * @param setup - the loss setup.
 * @param data - the distribution's name.
 * @returns the spec to draw.
 *
 * @example
 * ```ts
 * renderModelOverview(svg, modelSpec(session.settings, session.setup, session.distribution.label));
 * ```
 */
export function modelSpec(settings: Settings, setup: OverviewSetup, data: string): ModelSpec {
  const mixture = setup.mixture;
  return {
    latentDim: settings.latentDim,
    ...(mixture ? { codeCategories: mixture.categories } : {}),
    generator: { width: settings.generatorWidth, depth: settings.generatorDepth, kind: mixture ? 'mixture MLP' : 'MLP' },
    discriminator: { width: settings.discriminatorWidth, depth: settings.discriminatorDepth },
    ...(mixture && mixture.packing > 1 ? { packing: mixture.packing } : {}),
    data,
    loss: setup.label,
    ...(setup.regularizer !== undefined ? { regularizer: setup.regularizer } : {}),
    score: setup.score,
    criticSteps: settings.criticSteps,
    batchSize: settings.batchSize,
  };
}

/**
 * The boxes of the diagram z → G → G(z) → D → score, with real data x → D,
 * and the architecture written in them.
 *
 * @param spec - the model.
 * @returns the six boxes, in drawing order.
 *
 * @example
 * ```ts
 * overviewBoxes(spec).find((b) => b.id === 'generator')?.lines; // ['MLP, ReLU', '2 → 128 → 128 → 128 → 2']
 * ```
 */
export function overviewBoxes(spec: ModelSpec): OverviewBox[] {
  const packing = spec.packing ?? 1;
  const code = spec.codeCategories ?? 0;
  const gIn = spec.latentDim + code;
  return [
    { id: 'z', title: 'noise z', lines: [`${spec.latentDim}-D, N(0, I)`, ...(code > 0 ? [`+ ${code}-way one-hot code`] : [])] },
    { id: 'generator', title: 'Generator G', lines: [`${spec.generator.kind ?? 'MLP'}, ReLU`, layerChain(gIn, spec.generator.width, spec.generator.depth, 2)] },
    { id: 'fake', title: 'generated G(z)', lines: ['2-D points'] },
    { id: 'real', title: 'real x', lines: [spec.data] },
    {
      id: 'discriminator',
      title: 'Discriminator D',
      lines: [
        `MLP, ReLU${packing > 1 ? `, packs of ${packing}` : ''}`,
        layerChain(2 * packing, spec.discriminator.width, spec.discriminator.depth, 1),
        ...(spec.regularizer ? [spec.regularizer] : []),
      ],
    },
    { id: 'score', title: 'real / fake score', lines: [spec.score] },
  ];
}

/**
 * The line under the diagram: loss, critic steps per generator step, batch.
 *
 * @param spec - the model.
 * @returns e.g. "loss: WGAN-GP · 5 D steps per G step · batch 256".
 *
 * @example
 * ```ts
 * overviewCaption(spec); // 'loss: WGAN-GP · 5 D steps per G step · batch 256'
 * ```
 */
export function overviewCaption(spec: ModelSpec): string {
  return `loss: ${spec.loss} · ${spec.criticSteps} D step${spec.criticSteps === 1 ? '' : 's'} per G step · batch ${spec.batchSize}`;
}

const SVG = 'http://www.w3.org/2000/svg';
const LINE = 15;
const PAD_X = 10;
const GAP = 34;
/** Width of a text when it cannot be measured (a hidden SVG): ~6.6 px per character at 12 px. */
const guessWidth = (text: string, size: number): number => text.length * size * 0.55;

function svgEl<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, parent: Element): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  parent.append(el);
  return el;
}

/** Colours of the boxes: the samples' green and purple (see style.css), grey for the networks. */
const FILL: Readonly<Record<OverviewBox['id'], string>> = {
  z: '#f2f2f2',
  generator: '#efe4f3',
  fake: '#efe4f3',
  real: '#e3f2e6',
  discriminator: '#e4ecf5',
  score: '#f2f2f2',
};

/**
 * Draws the model overview into an SVG (GAN Lab's "model overview graph"): a
 * row of boxes z → G → G(z) → D → score with the real data feeding D from
 * below, each box sized to its text, the architecture written in the boxes
 * and the loss under them. The viewBox is fitted to the drawing, so the SVG
 * scales to its container.
 *
 * @param svg - the target (emptied first); attach it to the page before, so its text can be measured.
 * @param spec - the model.
 *
 * @example
 * ```ts
 * renderModelOverview(document.querySelector('svg#overview')!, modelSpec(settings, setup, 'Ring of 8 Gaussians'));
 * ```
 */
export function renderModelOverview(svg: SVGSVGElement, spec: ModelSpec): void {
  svg.replaceChildren();
  svg.setAttribute('role', 'img');
  const boxes = overviewBoxes(spec);
  const defs = svgEl('defs', {}, svg);
  const marker = svgEl('marker', { id: 'overview-arrow', viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' }, defs);
  svgEl('path', { d: 'M 0 0 L 10 5 L 0 10 z', fill: '#666' }, marker);

  // Text first, to measure it; then the boxes around it.
  const placed = new Map<OverviewBox['id'], { g: SVGGElement; w: number; h: number; x: number; y: number }>();
  for (const box of boxes) {
    const g = svgEl('g', { 'data-box': box.id }, svg);
    const rect = svgEl('rect', { rx: 6, fill: FILL[box.id], stroke: '#999' }, g);
    const texts = [box.title, ...box.lines].map((t, i) => {
      const el = svgEl('text', { 'font-size': i === 0 ? 12 : 11, 'font-weight': i === 0 ? 600 : 400, fill: '#222', 'text-anchor': 'middle' }, g);
      el.textContent = t;
      return el;
    });
    let w = 0;
    for (const el of texts) {
      const measured = el.getComputedTextLength();
      w = Math.max(w, measured > 0 ? measured : guessWidth(el.textContent ?? '', Number(el.getAttribute('font-size'))));
    }
    w = Math.ceil(w) + 2 * PAD_X;
    const h = texts.length * LINE + 10;
    texts.forEach((el, i) => {
      el.setAttribute('x', String(w / 2));
      el.setAttribute('y', String(17 + i * LINE));
    });
    rect.setAttribute('width', String(w));
    rect.setAttribute('height', String(h));
    placed.set(box.id, { g, w, h, x: 0, y: 0 });
  }
  const at = (id: OverviewBox['id']): { g: SVGGElement; w: number; h: number; x: number; y: number } => placed.get(id)!;
  // Row 1: z → G → G(z) → D → score, centred on one line.
  const row = ['z', 'generator', 'fake', 'discriminator', 'score'] as const;
  const rowH = Math.max(...row.map((id) => at(id).h));
  let x = 1;
  for (const id of row) {
    const b = at(id);
    b.x = x;
    b.y = 1 + (rowH - b.h) / 2;
    x += b.w + GAP;
  }
  // Row 2: the real data under G(z), feeding D.
  const fake = at('fake');
  const real = at('real');
  real.x = Math.max(1, fake.x + fake.w / 2 - real.w / 2);
  real.y = 1 + rowH + 18;
  for (const b of placed.values()) b.g.setAttribute('transform', `translate(${b.x}, ${b.y})`);

  const arrow = (x1: number, y1: number, x2: number, y2: number): void => {
    svgEl('path', { d: `M ${x1} ${y1} L ${x2} ${y2}`, stroke: '#666', 'stroke-width': 1.5, fill: 'none', 'marker-end': 'url(#overview-arrow)' }, svg);
  };
  const mid = 1 + rowH / 2;
  for (let i = 0; i + 1 < row.length; i++) {
    const a = at(row[i]!);
    const b = at(row[i + 1]!);
    arrow(a.x + a.w, mid, b.x - 1, mid);
  }
  const d = at('discriminator');
  arrow(real.x + real.w, real.y + real.h / 2, d.x + d.w / 3, d.y + d.h + 1);

  const caption = svgEl('text', { x: d.x + d.w / 3 + 14, y: real.y + real.h / 2 + 4, 'font-size': 12, fill: '#444', 'data-caption': 'loss' }, svg);
  caption.textContent = overviewCaption(spec);
  const captionW = caption.getComputedTextLength() || guessWidth(caption.textContent, 12);
  const width = Math.max(x - GAP + 1, d.x + d.w / 3 + 14 + captionW + 2, real.x + real.w + 1);
  const height = real.y + real.h + 1;
  svg.setAttribute('viewBox', `0 0 ${Math.ceil(width)} ${Math.ceil(height)}`);
  svg.setAttribute('aria-label', `Model: ${boxes.map((b) => `${b.title} (${b.lines.join(', ')})`).join(' → ')}; ${caption.textContent}`);
}
