import { Field, Select } from '@fluentui/react-components';
import type { BodySummary } from '../api/api-types';

/** Chooses among the caller's bodies (shown only when there is more than one choice). */
export function BodyPicker(props: {
  label: string;
  bodies: readonly BodySummary[];
  value: string;
  onChange: (bodyId: string) => void;
}) {
  return (
    <Field label={props.label}>
      <Select value={props.value} onChange={(_, data) => props.onChange(data.value)}>
        {props.bodies.map((body) => (
          <option key={body.id} value={body.id}>
            {body.unitName ? `${body.name} (${body.unitName})` : body.name}
          </option>
        ))}
      </Select>
    </Field>
  );
}
