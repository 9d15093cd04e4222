import { AppError } from '../../../shared/api';
import type { ExtractParts } from './pipeline';

/**
 * The reading, parsing and proposing parts as this build has them. A part not yet in the build refuses plainly,
 * naming the file, rather than proposing nothing as if the document had no lines.
 */
export function createExtractParts(): ExtractParts {
  const missing = (fileName: string): never => {
    throw new AppError('extract.no-reader', { file: fileName });
  };
  return {
    read: (file) => Promise.reject(new AppError('extract.no-reader', { file: file.fileName })),
    parse: (text) => missing(text.fileName),
    propose: (documents) => missing(documents[0]?.fileName ?? ''),
    renderPage: (file) => Promise.reject(new AppError('extract.no-reader', { file: file.fileName })),
  };
}
