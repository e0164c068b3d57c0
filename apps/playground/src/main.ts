/**
 * The gankit playground: train a GAN with any gankit loss on 2-D toy data,
 * live, and watch the samples, the discriminator, the losses and the mode
 * coverage as it trains. Composed only from the packages' public APIs; the
 * training itself runs in a Web Worker (src/worker.ts), so the page stays
 * responsive.
 */
import './style.css';
import { App } from './app.js';

const app = new App(document);
app.start().catch((err: unknown) => app.fail(err));
