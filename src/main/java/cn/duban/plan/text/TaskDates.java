package cn.duban.plan.text;

import java.time.LocalDate;

/** The deadline and the start a task's text states; either may be null. */
record TaskDates(LocalDate deadline, LocalDate start) {
}
