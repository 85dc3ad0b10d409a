/**
 * Maps a contract topic name to the physical topic. Production uses the
 * identity; tests give each test its own topics with a suffix.
 */
export type TopicNamer = (contractName: string) => string;

export const sameName: TopicNamer = (name) => name;

export const withSuffix =
  (suffix: string): TopicNamer =>
  (name) =>
    `${name}.${suffix}`;
