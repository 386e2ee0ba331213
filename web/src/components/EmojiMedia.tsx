import type { PlatformFormat } from '../api.ts';
import type { PreviewSize } from '../lib/preview-size.ts';

interface EmojiMediaProps {
  url: string;
  format: PlatformFormat;
  display: PreviewSize;
  alt: string;
  className?: string;
}

/** One animation as the browser plays it: WebM as a silent looping video, every other format as an image. */
export function EmojiMedia({ url, format, display, alt, className }: EmojiMediaProps) {
  const classes = ['emoji-media', display.pixelated && 'is-pixelated', className].filter(Boolean).join(' ');
  const side = { width: display.size, height: display.size };
  if (format === 'webm') {
    return (
      <video
        className={classes}
        src={url}
        {...side}
        autoPlay
        loop
        muted
        playsInline
        aria-label={alt || undefined}
        aria-hidden={alt ? undefined : true}
        // React sets `muted` as a property only; autoplay policies read the attribute too.
        ref={(el) => {
          if (el) el.defaultMuted = true;
        }}
      />
    );
  }
  return <img className={classes} src={url} alt={alt} {...side} />;
}
