package cn.duban.supervision;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/calendar/{year}}: the year's holidays and adjusted working days (any user);
 * {@code PUT /api/calendar/{year}}: replaces them (supervision office, administrators).
 */
@RestController
class CalendarController {

    private final CalendarCorrection correction;

    CalendarController(CalendarCorrection correction) {
        this.correction = correction;
    }

    @GetMapping("/api/calendar/{year}")
    List<CalendarDay> year(@PathVariable int year) {
        return correction.ofYear(year);
    }

    @PutMapping("/api/calendar/{year}")
    List<CalendarDay> replaceYear(@PathVariable int year, @RequestBody(required = false) List<CalendarDayCorrection> days) {
        return correction.replaceYear(year, days);
    }
}
