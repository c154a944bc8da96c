import { Field, makeStyles, Select } from '@fluentui/react-components';
import type { BodySummary } from '../api/api-types';

const useStyles = makeStyles({
  // A select is as wide as its longest option ("Ban Chỉ đạo … (UBND xã …)" is ~700 px): let it
  // shrink to the space there is, so a 360 px phone or side panel does not scroll sideways.
  field: { minWidth: 0, maxWidth: '100%' },
  select: { minWidth: 0, maxWidth: '100%', '& select': { minWidth: 0, maxWidth: '100%' } },
});

/** Chooses among the caller's bodies (shown only when there is more than one choice). */
export function BodyPicker(props: {
  label: string;
  bodies: readonly BodySummary[];
  value: string;
  onChange: (bodyId: string) => void;
}) {
  const styles = useStyles();
  return (
    <Field label={props.label} className={styles.field}>
      <Select
        className={styles.select}
        value={props.value}
        onChange={(_, data) => props.onChange(data.value)}
      >
        {props.bodies.map((body) => (
          <option key={body.id} value={body.id}>
            {body.unitName ? `${body.name} (${body.unitName})` : body.name}
          </option>
        ))}
      </Select>
    </Field>
  );
}
