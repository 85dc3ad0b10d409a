/** The partitions of one subscribed topic (its name on the broker, as in BatchContext) given to this member. */
export interface TopicAssignment {
  topic: string;
  partitions: number[];
}

/**
 * Told the member's whole assignment after each rebalance. kafkajs's eager
 * protocol revokes every partition before a rebalance, so a partition not in
 * the new assignment was revoked.
 */
export type AssignmentListener = (assignment: TopicAssignment[]) => void | Promise<void>;

/**
 * kafkajs's GROUP_JOIN assignment as one entry per subscribed topic, in
 * subscription order, partitions ascending: a topic of which this member got
 * nothing is there with none, and a topic it did not subscribe to is not.
 */
export function assignmentOf(subscribed: Iterable<string>, memberAssignment: Readonly<Record<string, readonly number[]>>): TopicAssignment[] {
  return [...subscribed].map((topic) => ({
    topic,
    partitions: [...(memberAssignment[topic] ?? [])].sort((a, b) => a - b),
  }));
}
