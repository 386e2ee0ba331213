import { useEffect, useState } from 'react';
import { authorizedFetch } from '../api.ts';

/**
 * An image URL usable in <img>: public URLs pass through; a URL that needs the
 * caller's token (an <img> cannot send one) is fetched with it and shown as a
 * blob: URL, revoked when it changes or the component goes away.
 */
export function useAuthorizedImage(url: string, needsToken: boolean): string | undefined {
  const [blobUrl, setBlobUrl] = useState<string>();
  useEffect(() => {
    if (!needsToken) return;
    const abort = new AbortController();
    let objectUrl: string | undefined;
    authorizedFetch(url, { signal: abort.signal })
      .then((res) => (res.ok ? res.blob() : undefined))
      .then((blob) => {
        if (!blob || abort.signal.aborted) return;
        objectUrl = URL.createObjectURL(blob);
        setBlobUrl(objectUrl);
      })
      .catch(() => undefined);
    return () => {
      abort.abort();
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [url, needsToken]);
  return needsToken ? blobUrl : url;
}
