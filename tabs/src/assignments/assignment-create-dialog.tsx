import {
  Dialog,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
} from '@fluentui/react-components';
import type { AssignmentView, BodyMember } from '../api/api-types';
import { useI18n } from '../i18n';
import { AssignmentForm } from './assignment-form';

const useStyles = makeStyles({
  dialog: { maxWidth: '720px', width: '100%' },
});

/**
 * "Giao nhiệm vụ" in a dialog. Its own module, loaded when the button is pressed: the form and the
 * input schemas it validates with (zod) stay out of the dashboard's first load.
 */
export default function AssignmentCreateDialog(props: {
  bodyId: string;
  members: readonly BodyMember[];
  onClose: () => void;
  onCreated: (assignment: AssignmentView) => void;
}) {
  const { t } = useI18n();
  const styles = useStyles();
  return (
    <Dialog open onOpenChange={(_, state) => !state.open && props.onClose()}>
      <DialogSurface className={styles.dialog}>
        <DialogBody>
          <DialogTitle>{t('assignments.createTitle')}</DialogTitle>
          <DialogContent>
            <AssignmentForm
              bodyId={props.bodyId}
              members={props.members}
              onCancel={props.onClose}
              onCreated={props.onCreated}
            />
          </DialogContent>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
