import { useTranslation } from 'react-i18next';
import { CHOREMS, CHOREM_COLUMNS, CHOREM_ROWS, COLUMN_NAMES, PICTOGRAMS, ROW_NAMES, type SymbolDef } from '@semis/shared/chorems';
import { Swatch } from './Swatch';
import type { Tool } from './model';

const PLAIN_TOOLS = ['select', 'hand', 'pen', 'text', 'postit', 'arrow'] as const;
const KEYS: Record<(typeof PLAIN_TOOLS)[number], string> = { select: 'V', hand: 'H', pen: 'P', text: 'T', postit: 'N', arrow: 'A' };

/** Drawing tools, then Brunet's table as a 7 × 4 grid of pictograms, then the lenses' pictograms. */
export function Palette({ tool, onTool, canWrite }: { tool: Tool; onTool: (t: Tool) => void; canWrite: boolean }) {
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
        onClick={() => onTool({ kind: 'symbol', symbolId: s.id })}
      >
        <Swatch symbol={s} />
      </button>
    );
  };

  return (
    <nav className="palette" aria-label={t('poster.palette')}>
      <div className="tool-row" role="toolbar" aria-label={t('poster.toolsLabel')}>
        {PLAIN_TOOLS.map((k) => (
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
