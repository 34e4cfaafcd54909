export { renderPosterSvg, POSTIT_FILL, type PosterSvgInput } from './poster';
export { renderNotesSvg, type NotesSvgInput } from './notes';
export { PatternDefs, swatch as swatchSvg, wrap as wrapText } from './svgKit';
export { barChartSvg, ratingChartSvg, type BarRow, type RatingPoint, type RatingChartWords } from './charts';
