import { DISTRIBUTION_LABELS } from './distributions.js';
import { BACKEND_CHOICES, DISTRIBUTIONS, LOSS_SETUPS, NUMBER_FIELDS, checkNumber } from './settings.js';
import type { Settings } from './settings.js';
import { SETUP_LABELS } from './setups.js';

const BACKEND_LABELS: Readonly<Record<(typeof BACKEND_CHOICES)[number], string>> = {
  auto: 'auto (webgpu → webgl → wasm → cpu)',
  webgpu: 'webgpu',
  webgl: 'webgl',
  wasm: 'wasm',
  cpu: 'cpu (pure JS, slow)',
};

const GROUPS: ReadonlyArray<{ title: string; params: readonly string[] }> = [
  { title: 'Networks (MLPs)', params: ['gw', 'gd', 'dw', 'dd', 'z'] },
  { title: 'Training', params: ['glr', 'dlr', 'k', 'ds', 'dn', 'batch', 'seed'] },
];

function element<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, children: Node[] = []): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  Object.assign(el, props);
  for (const c of children) el.append(c);
  return el;
}

function select(name: string, label: string, options: ReadonlyArray<readonly [string, string]>): HTMLLabelElement {
  const sel = element('select', { name });
  sel.dataset['testid'] = `setting-${name}`;
  for (const [value, text] of options) sel.append(element('option', { value, textContent: text }));
  return element('label', {}, [element('span', { textContent: label }), sel]);
}

/**
 * Builds the settings form: distribution, loss setup, compared loss and backend menus, then
 * the network and training numbers, each named by its URL parameter.
 *
 * @param form - the (empty) form to fill.
 */
export function buildForm(form: HTMLFormElement): void {
  form.replaceChildren(
    select('dist', 'Distribution', DISTRIBUTIONS.map((d) => [d, DISTRIBUTION_LABELS[d]] as const)),
    select('loss', 'Loss', LOSS_SETUPS.map((l) => [l, SETUP_LABELS[l]] as const)),
    select('cmp', 'Compare with', [['none', 'none'] as const, ...LOSS_SETUPS.map((l) => [l, SETUP_LABELS[l]] as const)]),
    ...GROUPS.map(({ title, params }) =>
      element('fieldset', {}, [
        element('legend', { textContent: title }),
        ...params.map((param) => {
          const field = NUMBER_FIELDS.find((f) => f.param === param)!;
          const input = element('input', { type: 'number', name: param, min: String(field.min), max: String(field.max), step: field.integer ? '1' : 'any', required: true });
          input.dataset['testid'] = `setting-${param}`;
          return element('label', {}, [element('span', { textContent: field.label }), input]);
        }),
      ]),
    ),
    select('backend', 'Backend', BACKEND_CHOICES.map((b) => [b, BACKEND_LABELS[b]] as const)),
  );
}

function control(form: HTMLFormElement, name: string): HTMLInputElement | HTMLSelectElement {
  const el = form.elements.namedItem(name);
  if (!(el instanceof HTMLInputElement || el instanceof HTMLSelectElement)) throw new Error(`settings form has no control '${name}'`);
  return el;
}

/**
 * Shows settings in the form.
 *
 * @param form - the form {@link buildForm} filled.
 * @param settings - what to show.
 */
export function writeForm(form: HTMLFormElement, settings: Settings): void {
  control(form, 'dist').value = settings.distribution;
  control(form, 'loss').value = settings.loss;
  control(form, 'cmp').value = settings.compare;
  control(form, 'backend').value = settings.backend;
  for (const field of NUMBER_FIELDS) {
    const input = control(form, field.param);
    input.value = String(settings[field.key]);
    input.removeAttribute('aria-invalid');
    input.title = '';
  }
}

/**
 * Reads the form over `current`: every valid control replaces its setting; an
 * invalid number is marked (aria-invalid, with the reason as its title) and the
 * current value kept.
 *
 * @param form - the form.
 * @param current - the settings in force.
 * @returns the new settings and whether any control was invalid.
 */
export function readForm(form: HTMLFormElement, current: Settings): { settings: Settings; invalid: boolean } {
  const next: Record<string, unknown> = { ...current };
  next['distribution'] = control(form, 'dist').value;
  next['loss'] = control(form, 'loss').value;
  next['compare'] = control(form, 'cmp').value;
  next['backend'] = control(form, 'backend').value;
  let invalid = false;
  for (const field of NUMBER_FIELDS) {
    const input = control(form, field.param);
    const value = input.value.trim() === '' ? Number.NaN : Number(input.value);
    const problem = checkNumber(field, value);
    if (problem === undefined) {
      next[field.key] = value;
      input.removeAttribute('aria-invalid');
      input.title = '';
    } else {
      invalid = true;
      input.setAttribute('aria-invalid', 'true');
      input.title = problem;
    }
  }
  return { settings: next as unknown as Settings, invalid };
}
