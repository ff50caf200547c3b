package cn.duban.calendar;

import java.time.LocalDate;

/** One day of a year's exceptions as the supervision office sends it; checked before it becomes a {@link CalendarDay}. */
public record CalendarDayCorrection(LocalDate day, Boolean working, String name, String note) {}
