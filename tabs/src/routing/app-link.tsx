import { Link } from '@fluentui/react-components';
import type { MouseEvent, ReactNode } from 'react';
import { navigate } from './history';

/** A real link (open in new tab works) that navigates in-app on a plain click. */
export function AppLink(props: { to: string; children: ReactNode; className?: string }) {
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(props.to);
  };
  return (
    <Link href={props.to} onClick={onClick} className={props.className}>
      {props.children}
    </Link>
  );
}
