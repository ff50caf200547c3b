package cn.duban.calendar;

import java.time.LocalDate;

/**
 * One exception to the Monday-to-Friday rule: a holiday ({@code working = false}) or an adjusted working day, with
 * where it comes from: the State Council's schedule in the library, or the supervision office's import of the year.
 */
public record CalendarDay(LocalDate day, boolean working, String name, String note, Source source) {

    public enum Source {
        /** The State Council's schedule as the tyme4j library ships it. */
        LIBRARY,
        /** The supervision office imported or corrected the year ({@code PUT /api/calendar/{year}}). */
        OFFICE
    }
}
