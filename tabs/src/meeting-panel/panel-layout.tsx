import { makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  panel: {
    // A Teams side panel is about 320 px wide; in a browser the panel stays a readable column.
    maxWidth: '560px',
    margin: '0 auto',
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    boxSizing: 'border-box',
    minWidth: 0,
  },
});

/** The side panel's single narrow column. */
export function PanelLayout(props: { children: ReactNode }) {
  const styles = useStyles();
  return <main className={styles.panel}>{props.children}</main>;
}
