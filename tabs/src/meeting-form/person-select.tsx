import { Field, Select } from '@fluentui/react-components';
import type { BodyMember } from '../api/api-types';
import { useI18n, type Message } from '../i18n';

/**
 * Chooses one member of the body (chair, secretary, presenter). A person who has left the body but
 * is still on the meeting stays listed, so loading a meeting never silently changes who runs it.
 */
export function PersonSelect(props: {
  label: string;
  value: string;
  members: readonly BodyMember[];
  emptyLabel: string;
  required?: boolean;
  error: Message | undefined;
  onChange: (userId: string) => void;
}) {
  const { t, tm } = useI18n();
  const known = props.value === '' || props.members.some((m) => m.userId === props.value);
  return (
    <Field
      label={props.label}
      required={props.required ?? false}
      validationMessage={props.error ? tm(props.error) : undefined}
    >
      <Select value={props.value} onChange={(_, data) => props.onChange(data.value)}>
        <option value="">{props.emptyLabel}</option>
        {props.members.map((member) => (
          <option key={member.userId} value={member.userId}>
            {member.title ? `${member.displayName} – ${member.title}` : member.displayName}
          </option>
        ))}
        {!known && <option value={props.value}>{t('common.formerMember')}</option>}
      </Select>
    </Field>
  );
}
