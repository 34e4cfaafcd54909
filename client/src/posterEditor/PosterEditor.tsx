import { useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import type { Awareness } from 'y-protocols/awareness';
import { buildLegend, putShapes, removeShapes, shapeBounds, unionRect, type Pt, type Shape, type ShapeInput } from '@semis/shared/posters';
import { DOMAINS, type Domain } from '@semis/shared/chorems';
import { PosterCanvas, type CanvasApi } from './PosterCanvas';
import { Palette, type PlainTool } from './Palette';
import { useMedia } from './useMedia';
import './editor.css';
import { Legend } from './Legend';
import { LayersPanel } from './LayersPanel';
import { Inspector } from './Inspector';
import { TextEditor } from './TextEditor';
import { usePosterDoc } from './usePosterDoc';
import { useUndo } from './useUndo';
import { usePresence } from './usePresence';
import { useShortcuts } from './useShortcuts';
import { useAssetImage } from './useAssetImage';
import { duplicate, labelOf, moved, restacked, textShape, topZ, type Defaults, type Tool } from './model';

interface Props {
  doc: Y.Doc;
  awareness: Awareness | null;
  canWrite: boolean;
  me: string;
  token: string;
  title: string;
  /** Presentation mode: no palette, no panels except the legend. */
  compact?: boolean;
}

type Editing = { shapeId: string } | { at: Pt } | null;
type Drawer = 'symbols' | 'points' | 'panel' | null;

/** A phone's reduced palette: post-its and one-tap points, and the hand to pan (pinch zooms). */
const PHONE_TOOLS: readonly PlainTool[] = ['select', 'hand', 'postit'];

const TEXT_LIST_MAX = 300;

/** The "poster de territoire" editor: palette, canvas, layers, legend, selection. */
export function PosterEditor({ doc, awareness, canWrite, me, token, title, compact = false }: Props) {
  const { t } = useTranslation();
  const { shapes: all, background } = usePosterDoc(doc);
  const bgImage = useAssetImage(background, token);
  const undo = useUndo(canWrite ? doc : null, ['shapes']);
  const { peers, publish } = usePresence(awareness, me, canWrite);
  const [tool, setTool] = useState<Tool>({ kind: 'select' });
  const [selection, setSelection] = useState<ReadonlySet<string>>(new Set());
  const [hidden, setHidden] = useState<ReadonlySet<Domain>>(new Set());
  const [activeDomain, setActiveDomain] = useState<Domain>('organisation');
  const [color, setColor] = useState('#1b1f1c');
  const [editing, setEditing] = useState<Editing>(null);
  const api = useRef<CanvasApi | null>(null);
  // Tablets (≤ 60rem) get a toolbar and drawers over the canvas, phones (≤ 30rem) a reduced palette:
  // the canvas keeps most of the screen instead of sharing it with a palette.
  const narrow = useMedia('(max-width: 60rem)');
  const phone = useMedia('(max-width: 30rem)');
  const [drawer, setDrawer] = useState<Drawer>(null);
  const flip = (d: Exclude<Drawer, null>) => setDrawer((cur) => (cur === d ? null : d));

  const visible = useMemo(() => all.filter((s) => !hidden.has(s.domain)), [all, hidden]);
  const selected = useMemo(() => visible.filter((s) => selection.has(s.id)), [visible, selection]);
  const legend = useMemo(() => buildLegend(visible, new Set(DOMAINS.filter((d) => !hidden.has(d)))), [visible, hidden]);
  const defaults: Defaults = useMemo(() => ({ color, domain: activeDomain, author: me, snap: true }), [color, activeDomain, me]);

  const commit = useCallback((shapes: readonly ShapeInput[]) => {
    if (!canWrite || shapes.length === 0) return;
    try {
      putShapes(doc, shapes, undo.origin);
    } catch (err) {
      console.warn('[semis] poster: écriture refusée', err);
    }
  }, [doc, canWrite, undo.origin]);

  const select = useCallback((ids: readonly string[], mode: 'replace' | 'toggle' = 'replace') => {
    setSelection((prev) => {
      const next = mode === 'replace' ? new Set(ids) : new Set(prev);
      if (mode === 'toggle') for (const id of ids) if (!next.delete(id)) next.add(id);
      publish({ selection: [...next] });
      return next;
    });
  }, [publish]);

  const remove = () => {
    if (!canWrite || selected.length === 0) return;
    removeShapes(doc, selected.map((s) => s.id), undo.origin);
    select([]);
  };
  const actions = {
    setColor: (c: string) => {
      setColor(c);
      commit(selected.map((s) => ({ ...s, color: c })));
    },
    setLabel: (s: Shape, label: string) => commit([{ ...s, label } as Shape]),
    duplicate: () => {
      const copies = duplicate(selected, topZ(all));
      commit(copies);
      select(copies.map((c) => c.id));
    },
    remove,
    front: () => commit(restacked(all, selected, 'front')),
    back: () => commit(restacked(all, selected, 'back')),
  };

  useShortcuts({
    tool: setTool,
    undo: undo.undo,
    redo: undo.redo,
    remove,
    duplicate: actions.duplicate,
    selectAll: () => select(visible.map((s) => s.id)),
    nudge: (dx, dy) => commit(moved(selected, dx, dy)),
    front: actions.front,
    back: actions.back,
    cancel: () => api.current?.controller.cancel(),
    finish: () => api.current?.controller.finish(),
    zoom: (f) => {
      const v = api.current?.viewport;
      const el = document.querySelector('.poster-canvas');
      if (v && el) v.zoomAt({ x: el.clientWidth / 2, y: el.clientHeight / 2 }, f);
      v?.end();
    },
    fit: () => api.current?.viewport.fit(),
    space: (held) => {
      if (api.current) api.current.controller.spaceHeld = held;
    },
  }, canWrite);

  const editTarget = editing && 'shapeId' in editing ? all.find((s) => s.id === editing.shapeId) : null;
  const editAt = editing ? ('at' in editing ? editing.at : editTarget ? { x: editTarget.x, y: editTarget.y } : null) : null;
  const screen = editAt && api.current ? api.current.viewport.toScreen(editAt) : null;
  const finishEdit = (text: string | null) => {
    const target = editing;
    setEditing(null);
    if (text === null || !target) return;
    if ('at' in target) {
      if (text.trim()) commit([textShape(target.at, text.slice(0, 500), topZ(all), defaults)]);
    } else if (editTarget?.type === 'postit') commit([{ ...editTarget, text: text.slice(0, 280) }]);
    else if (editTarget?.type === 'text') {
      if (text.trim()) commit([{ ...editTarget, text: text.slice(0, 500) }]);
      else removeShapes(doc, [editTarget.id], undo.origin);
    }
  };

  const bg = bgImage && background ? { image: bgImage, width: background.width, height: background.height } : null;
  const undoRow = canWrite && (
    <div className="undo-row">
      <button type="button" className="secondary small" disabled={!undo.canUndo} onClick={undo.undo} title="Ctrl+Z" aria-label={t('poster.undo')}>
        {narrow ? '↶' : t('poster.undo')}
      </button>
      <button type="button" className="secondary small" disabled={!undo.canRedo} onClick={undo.redo} title="Ctrl+Shift+Z" aria-label={t('poster.redo')}>
        {narrow ? '↷' : t('poster.redo')}
      </button>
    </div>
  );
  const panel = (
    <>
      {!compact && <Inspector selected={selected} color={color} actions={actions} canWrite={canWrite} />}
      {!compact && <LayersPanel hidden={hidden} onToggle={(d) => setHidden((h) => toggle(h, d))} active={activeDomain} onActive={setActiveDomain} canWrite={canWrite} />}
      <Legend sections={legend} />
    </>
  );
  const touch = narrow && !compact;
  const className = ['poster-editor', compact && 'compact', touch && 'narrow', touch && phone && 'phone'].filter(Boolean).join(' ');
  return (
    <div className={className} data-testid="poster-editor" data-shape-count={all.length} data-layout={touch ? (phone ? 'phone' : 'tablet') : 'wide'}>
      {touch && (
        <div className="poster-toolbar" data-testid="poster-toolbar">
          <Palette tool={tool} onTool={setTool} canWrite={canWrite} part="tools" tools={phone ? PHONE_TOOLS : undefined} />
          <button type="button" className="secondary small" data-testid={phone ? 'points-toggle' : 'palette-toggle'} aria-expanded={drawer === (phone ? 'points' : 'symbols')}
            aria-controls="poster-drawer" disabled={!canWrite} onClick={() => flip(phone ? 'points' : 'symbols')}>
            {phone ? t('poster.pointsDrawer') : t('poster.symbolsDrawer')}
          </button>
          {undoRow}
          <button type="button" className="secondary small" data-testid="panel-toggle" aria-expanded={drawer === 'panel'} aria-controls="poster-drawer" onClick={() => flip('panel')}>
            {t('poster.panelDrawer')}
          </button>
        </div>
      )}
      {!compact && !touch && (
        <aside className="poster-left">
          <Palette tool={tool} onTool={setTool} canWrite={canWrite} />
          {undoRow}
        </aside>
      )}
      <div className="poster-stage">
        <PosterCanvas
          shapes={visible}
          background={bg}
          selection={selection}
          onSelect={select}
          tool={tool}
          defaults={defaults}
          canWrite={canWrite}
          onCommit={commit}
          onEditText={setEditing}
          onCursor={(p) => publish({ cursor: p })}
          peers={peers}
          apiRef={api}
          label={t('poster.canvasLabel', { title })}
        />
        {screen && editing && (
          <TextEditor
            key={JSON.stringify(editing)}
            x={screen.x}
            y={screen.y}
            width={Math.max(160, (editTarget?.type === 'postit' ? editTarget.width : 200) * (api.current?.viewport.scale ?? 1))}
            initial={editTarget ? labelOf(editTarget) : ''}
            max={editTarget?.type === 'postit' ? 280 : 500}
            onDone={finishEdit}
          />
        )}
        {touch && drawer && (
          <aside id="poster-drawer" className={drawer === 'panel' ? 'poster-drawer right' : 'poster-drawer left'} data-testid="poster-drawer" data-drawer={drawer}>
            {drawer === 'panel' ? panel : (
              <Palette tool={tool} onTool={setTool} canWrite={canWrite} part={drawer === 'points' ? 'points' : 'symbols'} onPicked={() => setDrawer(null)} />
            )}
          </aside>
        )}
        <div className="canvas-buttons">
          <button type="button" className="secondary small" onClick={() => api.current?.viewport.fit(visibleBounds(visible))}>{t('wall.fit')}</button>
        </div>
        {/* The canvas as text, for screen readers (and tests); bounded, it shares the first render. */}
        <ul className="visually-hidden" data-testid="poster-shapes" aria-label={t('poster.shapesList')}>
          {visible.slice(0, TEXT_LIST_MAX).map((s) => (
            <li key={s.id} data-testid="poster-shape" data-type={s.type} data-symbol={'symbol' in s ? (s.symbol ?? '') : ''}>
              {labelOf(s)}
            </li>
          ))}
        </ul>
      </div>
      {!touch && <aside className="poster-right">{panel}</aside>}
    </div>
  );
}

function toggle<T>(set: ReadonlySet<T>, v: T): ReadonlySet<T> {
  const next = new Set(set);
  if (!next.delete(v)) next.add(v);
  return next;
}

function visibleBounds(shapes: readonly Shape[]) {
  return shapes.reduce<ReturnType<typeof unionRect>>((r, s) => unionRect(r, shapeBounds(s)), null);
}
