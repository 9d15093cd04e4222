import type { Handlers } from '../api/dispatch';
import type { ExportService } from './export-service';
import type { LinesInterchange } from './lines-service';
import type { XmlInterchange } from './xml-service';

type InterchangeMethods =
  | 'interchange.importXml'
  | 'interchange.exportXml'
  | 'interchange.previewLines'
  | 'interchange.importLines'
  | 'interchange.mapLineCodes'
  | 'interchange.lineProfiles'
  | 'interchange.saveLineProfile'
  | 'interchange.deleteLineProfile'
  | 'interchange.exportList'
  | 'interchange.exportDeclaration';

/** The contract handlers of the interchange methods, for the handler map in main/composition.ts. */
export function createInterchangeHandlers(deps: {
  xml: XmlInterchange;
  lines: LinesInterchange;
  exports: ExportService;
}): Pick<Handlers, InterchangeMethods> {
  return {
    'interchange.importXml': ({ fileName, contentBase64 }) =>
      deps.xml.importXml(Buffer.from(contentBase64, 'base64'), fileName),
    'interchange.exportXml': ({ id, operType }) => deps.xml.exportXml(id, operType),
    'interchange.previewLines': (input) => deps.lines.preview(input),
    'interchange.importLines': (input) => deps.lines.importLines(input),
    'interchange.mapLineCodes': (input) => deps.lines.mapCodes(input),
    'interchange.lineProfiles': () => deps.lines.profiles(),
    'interchange.saveLineProfile': (input) => deps.lines.saveProfile(input),
    'interchange.deleteLineProfile': ({ id }) => deps.lines.deleteProfile(id),
    'interchange.exportList': ({ query, format, columns, locale }) =>
      deps.exports.exportList({ query, format, locale, ...(columns ? { columns } : {}) }),
    'interchange.exportDeclaration': ({ id, locale }) => deps.exports.exportDeclaration(id, locale),
  };
}
