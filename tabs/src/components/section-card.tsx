import { Card, makeStyles, mergeClasses, Subtitle2, tokens } from '@fluentui/react-components';
import { useId, type ReactNode } from 'react';

const useStyles = makeStyles({
  card: { padding: tokens.spacingVerticalL, gap: tokens.spacingVerticalM },
  // Narrow surfaces (the meeting side panel) keep their width for content.
  dense: { padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}` },
  header: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalM,
    flexWrap: 'wrap',
  },
});

/** A titled card; the title names the region for screen readers. */
export function SectionCard(props: {
  title: string;
  actions?: ReactNode;
  dense?: boolean;
  children: ReactNode;
}) {
  const styles = useStyles();
  const headingId = useId();
  return (
    <Card
      className={mergeClasses(styles.card, props.dense && styles.dense)}
      role="region"
      aria-labelledby={headingId}
    >
      <div className={styles.header}>
        <Subtitle2 as="h2" id={headingId}>
          {props.title}
        </Subtitle2>
        {props.actions}
      </div>
      {props.children}
    </Card>
  );
}
