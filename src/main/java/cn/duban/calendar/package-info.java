/**
 * (工作日历) Working days in Beijing time: the statutory holidays and 调休 of the library, the office's corrections ({@code
 * /api/calendar}) and the engine's time zone. Owns duban.calendar_day and duban.calendar_year. API: {@link
 * cn.duban.calendar.WorkingDayCalendar}, {@link cn.duban.calendar.StatutoryHolidays}.
 */
@ApplicationModule(
        displayName = "Calendar",
        allowedDependencies = {})
package cn.duban.calendar;

import org.springframework.modulith.ApplicationModule;
