import { useTranslation } from 'react-i18next';
import { CHOREMS, CHOREM_COLUMNS, CHOREM_ROWS, COLUMN_NAMES, PICTOGRAMS, ROW_NAMES, type SymbolDef } from '@semis/shared/chorems';
import { Swatch } from './Swatch';
import type { Tool } from './model';

export const PLAIN_TOOLS = ['select', 'hand', 'pen', 'text', 'postit', 'arrow'] as const;
export type PlainTool = (typeof PLAIN_TOOLS)[number];
const KEYS: Record<PlainTool, string> = { select: 'V', hand: 'H', pen: 'P', text: 'T', postit: 'N', arrow: 'A' };
/** Symbols placed with one tap: what the phone's reduced palette offers. */
const POINT_SYMBOLS = CHOREMS.concat(PICTOGRAMS).filter((s) => s.tool === 'point');

interface Props {
  tool: Tool;
  onTool: (t: Tool) => void;
  canWrite: boolean;
  /** all: tools and symbols (wide screens); tools: the tool buttons only (a tablet's toolbar);
   * symbols: Brunet's table and pictograms (a tablet's drawer); points: one-tap symbols (a phone's). */
  part?: 'all' | 'tools' | 'symbols' | 'points';
  /** Which plain tools to offer (a phone offers fewer). */
  tools?: readonly PlainTool[];
  /** After a symbol is chosen (a drawer closes itself). */
  onPicked?: () => void;
}

/** Drawing tools, then Brunet's table as a 7 × 4 grid of pictograms, then the lenses' pictograms. */
export function Palette({ tool, onTool, canWrite, part = 'all', tools = PLAIN_TOOLS, onPicked }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'fr';
  const symbolButton = (s: SymbolDef) => {
    const active = tool.kind === 'symbol' && tool.symbolId === s.id;
    return (
      <button
        key={s.id}
        type="button"
        className="chorem"
        aria-pressed={active}
        title={`${s.name[lang]} — ${t(`poster.tools.${s.tool}`)}`}
        aria-label={s.name[lang]}
        data-testid={`chorem-${s.id}`}
        disabled={!canWrite}
        onClick={() => {
          onTool({ kind: 'symbol', symbolId: s.id });
          onPicked?.();
        }}
      >
        <Swatch symbol={s} />
      </button>
    );
  };

  const toolRow = (
    <div className="tool-row" role="toolbar" aria-label={t('poster.toolsLabel')}>
      {tools.map((k) => (
          <button
            key={k}
            type="button"
            className="tool"
            aria-pressed={tool.kind === k}
            data-testid={`tool-${k}`}
            disabled={!canWrite && k !== 'select' && k !== 'hand'}
            title={`${t(`poster.plain.${k}`)} (${KEYS[k]})`}
            onClick={() => onTool({ kind: k } as Tool)}
          >
            {t(`poster.plain.${k}`)}
          </button>
        ))}
    </div>
  );
  if (part === 'tools') return toolRow;
  if (part === 'points') {
    return (
      <nav className="palette points" aria-label={t('poster.palette')}>
        <div className="pictograms">{POINT_SYMBOLS.map(symbolButton)}</div>
      </nav>
    );
  }

  return (
    <nav className="palette" aria-label={t('poster.palette')}>
      {part === 'all' && toolRow}
      <table className="chorem-table">
        <caption>{t('poster.choremes')}</caption>
        <thead>
          <tr>
            <th scope="col" />
            {CHOREM_COLUMNS.map((c) => (
              <th key={c} scope="col">
                {COLUMN_NAMES[c][lang]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {CHOREM_ROWS.map((row) => (
            <tr key={row}>
              <th scope="row">{ROW_NAMES[row][lang]}</th>
              {CHOREM_COLUMNS.map((column) => (
                <td key={column}>{symbolButton(CHOREMS.find((c) => c.row === row && c.column === column)!)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="palette-sub">{t('poster.pictograms')}</p>
      <div className="pictograms">{PICTOGRAMS.map(symbolButton)}</div>
      {tool.kind === 'symbol' && <p className="hint" data-testid="tool-hint">{t(`poster.hints.${toolHint(tool)}`)}</p>}
    </nav>
  );
}

function toolHint(tool: Extract<Tool, { kind: 'symbol' }>): 'point' | 'polyline' | 'polygon' | 'network' {
  return CHOREMS.concat(PICTOGRAMS).find((s) => s.id === tool.symbolId)?.tool ?? 'point';
}
