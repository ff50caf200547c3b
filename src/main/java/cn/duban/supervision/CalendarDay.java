package cn.duban.supervision;

import java.time.LocalDate;

/** One exception to the Monday-to-Friday rule: a holiday ({@code working = false}) or an adjusted working day. */
public record CalendarDay(LocalDate day, boolean working, String name, String note) {
}
