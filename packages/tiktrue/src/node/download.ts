/**
 * What `#download` resolves to on Node (package.json `imports`, condition `node`): the model and file
 * downloads to disk. Other runtimes get ../download-unavailable.ts instead, so bundles for browsers and
 * workers never reach `node:fs`.
 */

export { downloadFile } from './download-file.js';
export { downloadModel } from './download-model.js';
