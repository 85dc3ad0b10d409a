import { sameName, withSuffix, type TopicNamer } from '@ketnoi/messaging';
import type { BaseConfig } from './base-config.js';

type Naming = Pick<BaseConfig, 'KETNOI_TOPIC_SUFFIX' | 'KETNOI_GROUP_PREFIX'>;

/** Physical topic names from KETNOI_TOPIC_SUFFIX (`<contract name>.<suffix>`); the contract names when unset. */
export const topicNamerOf = (config: Naming): TopicNamer =>
  config.KETNOI_TOPIC_SUFFIX ? withSuffix(config.KETNOI_TOPIC_SUFFIX) : sameName;

/** A service's consumer group (or group prefix) under KETNOI_GROUP_PREFIX: `<prefix>.<group>`; `group` when unset. */
export const groupIdOf = (config: Naming, group: string): string =>
  config.KETNOI_GROUP_PREFIX ? `${config.KETNOI_GROUP_PREFIX}.${group}` : group;
