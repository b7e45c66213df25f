/**
 * What `#download` resolves to outside Node (package.json `imports`, condition `default`): the same
 * functions, failing with a clear error instead of pulling `node:fs` into a browser or worker bundle.
 */
import { SdkError } from '@sdkforge/runtime';
import type * as OnNode from './node/download.js';

const unavailable = (what: string) =>
  Promise.reject(
    new SdkError(
      `${what}: downloading to disk needs Node (node:fs), and this runtime resolved the non-Node build. Read the ` +
        'file routes instead: client.models.downloadBlock(token, blockId), downloadTokenizer(token) and ' +
        'downloadMetadata(token) resolve with a streaming Response.',
    ),
  );
export const downloadModel: typeof OnNode.downloadModel = () => unavailable('models.download()');
export const downloadFile: typeof OnNode.downloadFile = () => unavailable('models.downloadFile()');
