package cn.duban.statistics;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/statistics?period=quarter&key=2026-Q4[&plan=…]}: a period's figures, by plan and by unit, the trend
 * over the last 12 periods and the 红黄绿灯; {@code GET /api/statistics.xlsx} the same as a workbook. Without a key,
 * the current period (Beijing time).
 */
@RestController
class StatisticsController {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final Statistics statistics;
    private final ZoneId zone;

    StatisticsController(Statistics statistics, @Value("${duban.time-zone}") ZoneId zone) {
        this.statistics = statistics;
        this.zone = zone;
    }

    @GetMapping("/api/statistics")
    @Transactional(readOnly = true)
    Statistics.Report report(
            @RequestParam(defaultValue = "quarter") String period,
            @RequestParam(required = false) String key,
            @RequestParam(required = false) String plan) {
        return statistics.report(period(period, key), blankToNull(plan));
    }

    @GetMapping("/api/statistics.xlsx")
    @Transactional(readOnly = true)
    void workbook(
            @RequestParam(defaultValue = "quarter") String period,
            @RequestParam(required = false) String key,
            @RequestParam(required = false) String plan,
            HttpServletResponse response)
            throws IOException {
        Period chosen = period(period, key);
        Statistics.Report report = statistics.report(chosen, blankToNull(plan));
        response.setContentType(XLSX);
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment()
                        .filename("督办统计-" + chosen.key() + ".xlsx", StandardCharsets.UTF_8)
                        .build()
                        .toString());
        StatisticsWorkbook.write(report, response.getOutputStream());
    }

    private Period period(String kind, String key) {
        if (key == null || key.isBlank()) {
            return Period.containing(Period.kind(kind), LocalDate.now(zone));
        }
        return Period.parse(kind, key);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
