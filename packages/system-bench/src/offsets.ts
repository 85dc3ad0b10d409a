import type { Admin } from 'kafkajs';

/** Sum over a topic's partitions of their end offsets: every message it has had. */
export async function highWater(admin: Admin, topic: string): Promise<number> {
  const offsets = await admin.fetchTopicOffsets(topic);
  return offsets.reduce((sum, p) => sum + Number(p.high), 0);
}

/** Sum of a group's committed offsets on a topic (0 where it has none yet). */
export async function committed(admin: Admin, groupId: string, topic: string): Promise<number> {
  const answer = await admin.fetchOffsets({ groupId, topics: [topic] });
  return answer.flatMap((t) => t.partitions).reduce((sum, p) => sum + Math.max(0, Number(p.offset)), 0);
}
