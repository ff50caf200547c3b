package cn.duban.calendar;

import java.security.Principal;
import java.util.List;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/calendar/{year}}: the year's holidays and adjusted working days in force (any user);
 * {@code GET /api/calendar/{year}/status}: where they come from, or that the year is missing;
 * {@code PUT /api/calendar/{year}}: the supervision office imports the year (supervision office, administrators);
 * {@code DELETE /api/calendar/{year}}: withdraws that import, the library's schedule applies again.
 */
@RestController
class CalendarController {

    private final CalendarCorrection correction;
    private final WorkingDayCalendar calendar;

    CalendarController(CalendarCorrection correction, WorkingDayCalendar calendar) {
        this.correction = correction;
        this.calendar = calendar;
    }

    @GetMapping("/api/calendar/{year}")
    List<CalendarDay> year(@PathVariable int year) {
        return correction.ofYear(year);
    }

    @GetMapping("/api/calendar/{year}/status")
    WorkingDayCalendar.YearStatus status(@PathVariable int year) {
        correction.ofYear(year);
        return calendar.status(year);
    }

    @PutMapping("/api/calendar/{year}")
    List<CalendarDay> replaceYear(
            @PathVariable int year, @RequestBody(required = false) List<CalendarDayCorrection> days, Principal user) {
        return correction.replaceYear(year, days, user == null ? null : user.getName());
    }

    @DeleteMapping("/api/calendar/{year}")
    List<CalendarDay> withdrawYear(@PathVariable int year) {
        return correction.withdrawYear(year);
    }
}
