import type { ShapeInput } from '@semis/shared/posters';

/**
 * The poster ARCHITECTURE.md measured: 5,000 objects — 3,000 post-its with text, 1,000 symbols,
 * 700 arrows, 300 translucent areas — spread over a large territory. Deterministic.
 */
export function bigPoster(total = 5000): ShapeInput[] {
  let seed = 42;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const W = 12_000;
  const H = 8_000;
  const at = () => ({ x: Math.round(rand() * W), y: Math.round(rand() * H) });
  const points = ['maillage.point', 'quadrillage.point', 'attraction.point', 'hierarchie.point', 'ressource.pepite', 'enjeu.point'];
  const counts = { postit: Math.round(total * 0.6), symbol: Math.round(total * 0.2), line: Math.round(total * 0.14) };
  const shapes: ShapeInput[] = [];
  for (let i = 0; i < total; i++) {
    const base = { id: `b${i}`, z: i, domain: 'organisation' as const, color: '#5b3a8c', ...at() };
    if (i < counts.postit) {
      shapes.push({ ...base, type: 'postit', color: '#fff3a3', width: 160, height: 100, text: `Idée ${i} : une navette solidaire vers le marché du samedi` });
    } else if (i < counts.postit + counts.symbol) {
      shapes.push({ ...base, type: 'symbol', symbol: points[i % points.length]!, color: '#c0392b', size: 32, label: i % 5 === 0 ? `Lieu ${i}` : '' });
    } else if (i < counts.postit + counts.symbol + counts.line) {
      shapes.push({ ...base, domain: 'dynamique', type: 'line', symbol: 'dynamique.ligne', color: '#d35400', points: [0, 0, 120 + rand() * 200, -80 + rand() * 160], arrow: 'end', width: 5 });
    } else {
      const r = 80 + rand() * 200;
      shapes.push({ ...base, domain: 'dynamique', type: 'area', symbol: 'attraction.aire', color: '#1f5f8b', pattern: 'dots', points: [0, 0, r, 0.2 * r, 0.8 * r, r, -0.2 * r, 0.7 * r] });
    }
  }
  return shapes;
}
