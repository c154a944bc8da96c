import { z } from 'zod';

/** Ids in paths are GUIDs or ULIDs; anything else (e.g. a '~' that would reshape a key) is refused. */
const ZId = z.string().regex(/^[0-9A-Za-z-]{1,64}$/, 'not a valid id');

export const ZBodyParams = z.object({ bodyId: ZId });
export const ZMeetingParams = z.object({ bodyId: ZId, meetingId: ZId });
