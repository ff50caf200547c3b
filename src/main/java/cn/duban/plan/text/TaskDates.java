package cn.duban.plan.text;

import java.time.LocalDate;
import java.util.List;

/** The deadline, the start and the dated commitments a task's text states; the dates may be null. */
record TaskDates(LocalDate deadline, LocalDate start, List<DraftMilestone> milestones) {}
