import { useEffect, useState } from 'react';
import { API } from '@semis/shared';
import type { Background } from '@semis/shared/posters';

/** Loads an uploaded image with the bearer token (an <img src> cannot send it) as an element Konva can draw. */
export function useAssetImage(background: Background | null, token: string): HTMLImageElement | null {
  const [image, setImage] = useState<HTMLImageElement | null>(null);
  const assetId = background?.assetId ?? null;
  useEffect(() => {
    if (!assetId) return setImage(null);
    let url: string | null = null;
    let live = true;
    void (async () => {
      try {
        const res = await fetch(API.asset(assetId), { headers: { Authorization: `Bearer ${token}` } });
        if (!res.ok || !live) return;
        url = URL.createObjectURL(await res.blob());
        const img = new Image();
        img.onload = () => live && setImage(img);
        img.src = url;
      } catch {
        /* offline: the poster shows without its map */
      }
    })();
    return () => {
      live = false;
      if (url) URL.revokeObjectURL(url);
    };
  }, [assetId, token]);
  return image;
}
