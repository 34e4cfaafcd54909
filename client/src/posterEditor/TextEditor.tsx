import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Typing on the canvas happens in a real textarea laid over it: IME, spell-check and screen readers work. */
export function TextEditor(props: { x: number; y: number; width: number; initial: string; max: number; onDone: (text: string | null) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(props.initial);
  const ref = useRef<HTMLTextAreaElement>(null);
  const done = useRef(false);
  useEffect(() => ref.current?.focus(), []);
  const finish = (value: string | null) => {
    if (done.current) return;
    done.current = true;
    props.onDone(value);
  };
  return (
    <textarea
      ref={ref}
      className="canvas-text-editor"
      data-testid="canvas-text-editor"
      aria-label={t('poster.editText')}
      style={{ left: props.x, top: props.y, width: props.width }}
      value={text}
      maxLength={props.max}
      onChange={(e) => setText(e.target.value)}
      onBlur={() => finish(text)}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Escape') finish(null);
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) finish(text);
      }}
    />
  );
}
