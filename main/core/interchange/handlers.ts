import type { Handlers } from '../api/dispatch';
import type { XmlInterchange } from './xml-service';

type InterchangeMethods = 'interchange.importXml' | 'interchange.exportXml';

/** The contract handlers of the interchange methods, for the handler map in main/composition.ts. */
export function createInterchangeHandlers(deps: { xml: XmlInterchange }): Pick<Handlers, InterchangeMethods> {
  return {
    'interchange.importXml': ({ fileName, contentBase64 }) => deps.xml.importXml(Buffer.from(contentBase64, 'base64'), fileName),
    'interchange.exportXml': ({ id, operType }) => deps.xml.exportXml(id, operType),
  };
}
