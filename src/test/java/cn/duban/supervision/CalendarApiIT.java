package cn.duban.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.calendar.CalendarCorrection;
import cn.duban.calendar.CalendarDay;
import cn.duban.calendar.CalendarDayCorrection;
import cn.duban.calendar.WorkingDayCalendar;
import cn.duban.identity.DubanGroups;
import cn.duban.support.DubanTest;
import cn.duban.support.Http;
import cn.duban.support.Orders;
import cn.duban.support.TestUsers;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * The supervision office imports a year of the calendar over HTTP (2027: a year the library does not carry yet) or
 * corrects a year of the library, and withdraws its import; units may only read it.
 */
@DubanTest
class CalendarApiIT {

    private static final int YEAR = 2027;
    private static final String PATH = "/api/calendar/" + YEAR;
    private static final LocalDate MONDAY = LocalDate.of(YEAR, 3, 15);
    private static final LocalDate SATURDAY = LocalDate.of(YEAR, 3, 20);

    @Autowired
    TestRestTemplate rest;

    @Autowired
    TestUsers users;

    @Autowired
    WorkingDayCalendar calendar;

    @Autowired
    CalendarCorrection correction;

    private Http office;
    private List<CalendarDay> before;
    private boolean importedBefore;

    @BeforeEach
    void rememberTheYear() {
        office = Http.as(rest, users.member("calendar-office", DubanGroups.SUPERVISION_OFFICE));
        before = correction.ofYear(YEAR);
        importedBefore = "OFFICE".equals(calendar.status(YEAR).source());
    }

    @AfterEach
    void restoreTheYear() {
        if (importedBefore) {
            correction.replaceYear(
                    YEAR,
                    before.stream()
                            .map(day -> new CalendarDayCorrection(day.day(), day.working(), day.name(), day.note()))
                            .toList(),
                    "calendar-office");
        } else {
            correction.withdrawYear(YEAR);
        }
    }

    @Test
    void aYearTheLibraryLacksIsImportedByTheOfficeAndWithdrawnAgain() {
        assertThat(office.get(PATH + "/status").json().path("source").asText()).isEqualTo("NONE");
        assertThat(office.get(PATH + "/status").json().path("sourceText").asText())
                .contains("该年度节假日安排未导入");

        assertThat(office.putJson(PATH, List.of(day(MONDAY, false, "临时放假", null)))
                        .status())
                .isEqualTo(200);

        Http.Response status = office.get(PATH + "/status");
        assertThat(status.json().path("covered").asBoolean()).isTrue();
        assertThat(status.json().path("source").asText()).isEqualTo("OFFICE");
        assertThat(status.json().path("importedBy").asText()).isEqualTo("calendar-office");
        assertThat(office.get(PATH).json().get(0).path("source").asText()).isEqualTo("OFFICE");

        Http.Response withdrawn = office.delete(PATH);
        assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
        assertThat(withdrawn.json()).isEmpty();
        assertThat(calendar.isWorkingDay(MONDAY)).isTrue();
        assertThat(calendar.isYearCovered(YEAR)).isFalse();
    }

    @Test
    void theOfficeCorrectsALibraryYearAsAWholeAndWithdrawingBringsTheLibraryBack() {
        LocalDate nationalDay = LocalDate.of(2026, 10, 8);
        List<CalendarDay> library = correction.ofYear(2026);
        assertThat(library).allMatch(day -> day.source() == CalendarDay.Source.LIBRARY);
        try {
            // The office's year is the library's with 8 October (a Thursday) off as well.
            List<Map<String, Object>> corrected = new java.util.ArrayList<>(library.stream()
                    .map(day -> day(day.day(), day.working(), day.name(), day.note()))
                    .toList());
            corrected.add(day(nationalDay, false, "国庆节", "督查办更正"));
            assertThat(office.putJson("/api/calendar/2026", corrected).status()).isEqualTo(200);

            assertThat(calendar.isWorkingDay(nationalDay)).isFalse();
            assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 10)))
                    .as("the library's days stay")
                    .isTrue();
            assertThat(calendar.status(2026).source()).isEqualTo("OFFICE");
        } finally {
            correction.withdrawYear(2026);
        }
        assertThat(calendar.isWorkingDay(nationalDay)).isTrue();
        assertThat(calendar.status(2026).source()).isEqualTo("LIBRARY");
        assertThat(office.get("/api/calendar/2026").json()).hasSize(library.size());
    }

    @Test
    void theSupervisionOfficeCorrectsADayAndTheCalendarFollowsAtOnce() {
        assertThat(calendar.isWorkingDay(MONDAY)).isTrue();
        assertThat(calendar.isWorkingDay(SATURDAY)).isFalse();

        Http.Response saved =
                office.putJson(PATH, List.of(day(MONDAY, false, "临时放假", "测试更正"), day(SATURDAY, true, "调休上班", null)));

        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.json()).hasSize(2);
        assertThat(saved.json().get(0).path("day").asText()).isEqualTo("2027-03-15");
        assertThat(calendar.isWorkingDay(MONDAY)).isFalse();
        assertThat(calendar.isWorkingDay(SATURDAY)).isTrue();
        assertThat(calendar.plusWorkingDays(MONDAY.minusDays(3), 1)).isEqualTo(MONDAY.plusDays(1));

        Http.Response read = Http.as(rest, users.member("calendar-reader", Orders.ECOLOGY.id()))
                .get(PATH);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get(0).path("name").asText()).isEqualTo("临时放假");
        assertThat(read.json().get(1).path("working").asBoolean()).isTrue();

        assertThat(office.putJson(PATH, List.of(day(SATURDAY, true, "调休上班", null)))
                        .status())
                .isEqualTo(200);
        assertThat(calendar.isWorkingDay(MONDAY))
                .as("the correction replaced the year")
                .isTrue();
    }

    @Test
    void theLibrarysNationalDayIsListed() {
        Http.Response year = office.get("/api/calendar/2025");

        assertThat(year.status()).isEqualTo(200);
        assertThat(year.json().findValuesAsText("day")).contains("2025-10-01", "2025-09-28", "2025-10-11");
        assertThat(year.json().findValuesAsText("source")).containsOnly("LIBRARY");
        assertThat(office.get("/api/calendar/2025/status")
                        .json()
                        .path("sourceText")
                        .asText())
                .contains("tyme4j");
    }

    @Test
    void aUnitsUserMayNotCorrectTheCalendar() {
        Http unit = Http.as(rest, users.member("calendar-ecology", Orders.ECOLOGY.id()));

        Http.Response refused = unit.putJson(PATH, List.of(day(MONDAY, false, "临时放假", null)));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(calendar.isWorkingDay(MONDAY)).isTrue();
    }

    @Test
    void aDayOutsideTheYearIsRefusedAndNothingChanges() {
        assertThat(office.putJson(PATH, List.of(day(SATURDAY, true, "调休上班", null)))
                        .status())
                .isEqualTo(200);

        Http.Response refused = office.putJson(
                PATH, List.of(day(MONDAY, false, "临时放假", null), day(LocalDate.of(YEAR + 1, 1, 3), false, "元旦", null)));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("detail").asText())
                .contains("2028-01-03")
                .contains("不在2027年内");
        assertThat(calendar.isWorkingDay(MONDAY)).isTrue();
        assertThat(calendar.isWorkingDay(SATURDAY)).as("the year kept its rows").isTrue();
        assertThat(office.get(PATH).json()).hasSize(1);
    }

    @Test
    void aDayWithoutWorkingOrTwiceIsRefused() {
        Http.Response refused = office.putJson(
                PATH,
                List.of(
                        Map.of("day", "2027-03-15", "name", "临时放假"),
                        day(SATURDAY, true, null, null),
                        day(SATURDAY, true, null, null)));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("detail").asText()).contains("working").contains("重复");
        assertThat(office.get(PATH).json()).as("the year is unchanged").hasSize(before.size());
    }

    private static Map<String, Object> day(LocalDate day, boolean working, String name, String note) {
        Map<String, Object> entry = new java.util.LinkedHashMap<>();
        entry.put("day", day.toString());
        entry.put("working", working);
        entry.put("name", name);
        entry.put("note", note);
        return entry;
    }
}
