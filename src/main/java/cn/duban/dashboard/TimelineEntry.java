package cn.duban.dashboard;

import java.time.OffsetDateTime;

/** One step of a task's history: when, what, and who did it (null for steps the system took). */
record TimelineEntry(OffsetDateTime at, String kind, String title, String detail, String actorId, String actorName) {}
