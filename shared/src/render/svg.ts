export { renderPosterSvg, exportFrame, POSTIT_FILL, type PosterSvgInput } from './poster';
export { renderNotesSvg, type NotesSvgInput } from './notes';
export { barChartSvg, ratingChartSvg, type BarRow, type RatingPoint, type RatingChartWords } from './charts';
export { PatternDefs, svgSize, swatch as swatchSvg, wrap as wrapText } from './svgKit';
export { renderWallSvg, type WallSvgInput } from './wall';
