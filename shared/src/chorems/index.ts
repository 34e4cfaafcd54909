export * from './glyphs';
export * from './catalogue';
