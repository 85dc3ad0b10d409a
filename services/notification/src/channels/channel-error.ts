import { KetNoiError } from '@ketnoi/errors';

/** A channel refused or could not take a message; `retriable` when trying later may work. */
export const channelError = (channel: string, detail: string, retriable: boolean): KetNoiError =>
  new KetNoiError(retriable ? 'CHANNEL_UNAVAILABLE' : 'CHANNEL_REFUSED', `${channel}: ${detail}`, {
    status: retriable ? 503 : 502,
    retriable,
  });
