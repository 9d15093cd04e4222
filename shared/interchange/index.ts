export * from './dec-message-reader';
export * from './dec-message-writer';
export * from './message-doc';
export * from './receipts';
export { XmlSyntaxError, parseXml, type XmlElement } from './xml-tree';
