import type { AnchorHTMLAttributes, MouseEvent, Ref } from 'react';
import { navigate } from '../lib/history.ts';
import { isModifiedClick } from '../lib/router.ts';

type LinkProps = AnchorHTMLAttributes<HTMLAnchorElement> & { href: string; ref?: Ref<HTMLAnchorElement> };

/** An in-app link: a real `<a>` (so new-tab and copy-link work) that navigates without a reload. */
export function Link({ href, onClick, ...rest }: LinkProps) {
  const handleClick = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || isModifiedClick(event) || rest.target === '_blank') return;
    event.preventDefault();
    navigate(href);
  };
  return <a href={href} onClick={handleClick} {...rest} />;
}
