export { renderPosterSvg, POSTIT_FILL, type PosterSvgInput } from './poster';
export { renderNotesSvg, type NotesSvgInput } from './notes';
