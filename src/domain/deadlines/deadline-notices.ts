/** Deadline notices a sweep writes: one werkdag before the due time, and when it has passed. */
export const deadlineNotices = ['termijn-herinnering', 'termijn-verlopen'] as const;
export type DeadlineNotice = (typeof deadlineNotices)[number];
