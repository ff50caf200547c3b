package cn.duban.supervision;

import static org.assertj.core.api.Assertions.assertThat;

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

/** The supervision office corrects a year of the calendar over HTTP; units may only read it. */
@DubanTest
class CalendarApiIT {

    private static final int YEAR = 2027;
    private static final String PATH = "/api/calendar/" + YEAR;
    private static final LocalDate MONDAY = LocalDate.of(YEAR, 3, 15);
    private static final LocalDate SATURDAY = LocalDate.of(YEAR, 3, 20);

    @Autowired TestRestTemplate rest;
    @Autowired TestUsers users;
    @Autowired WorkingDayCalendar calendar;
    @Autowired CalendarCorrection correction;

    private Http office;
    private List<CalendarDay> before;

    @BeforeEach
    void rememberTheYear() {
        office = Http.as(rest, users.member("calendar-office", DubanGroups.SUPERVISION_OFFICE));
        before = correction.ofYear(YEAR);
    }

    @AfterEach
    void restoreTheYear() {
        correction.replaceYear(YEAR, before.stream()
                .map(day -> new CalendarDayCorrection(day.day(), day.working(), day.name(), day.note()))
                .toList());
    }

    @Test
    void theSupervisionOfficeCorrectsADayAndTheCalendarFollowsAtOnce() {
        assertThat(calendar.isWorkingDay(MONDAY)).isTrue();
        assertThat(calendar.isWorkingDay(SATURDAY)).isFalse();

        Http.Response saved = office.putJson(PATH, List.of(
                day(MONDAY, false, "临时放假", "测试更正"),
                day(SATURDAY, true, "调休上班", null)));

        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.json()).hasSize(2);
        assertThat(saved.json().get(0).path("day").asText()).isEqualTo("2027-03-15");
        assertThat(calendar.isWorkingDay(MONDAY)).isFalse();
        assertThat(calendar.isWorkingDay(SATURDAY)).isTrue();
        assertThat(calendar.plusWorkingDays(MONDAY.minusDays(3), 1)).isEqualTo(MONDAY.plusDays(1));

        Http.Response read = Http.as(rest, users.member("calendar-reader", Orders.ECOLOGY.id())).get(PATH);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get(0).path("name").asText()).isEqualTo("临时放假");
        assertThat(read.json().get(1).path("working").asBoolean()).isTrue();

        assertThat(office.putJson(PATH, List.of(day(SATURDAY, true, "调休上班", null))).status()).isEqualTo(200);
        assertThat(calendar.isWorkingDay(MONDAY)).as("the correction replaced the year").isTrue();
    }

    @Test
    void theSeededNationalDayIsListed() {
        Http.Response year = office.get("/api/calendar/2025");

        assertThat(year.status()).isEqualTo(200);
        assertThat(year.json().findValuesAsText("day")).contains("2025-10-01", "2025-09-28", "2025-10-11");
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
        assertThat(office.putJson(PATH, List.of(day(SATURDAY, true, "调休上班", null))).status()).isEqualTo(200);

        Http.Response refused = office.putJson(PATH, List.of(
                day(MONDAY, false, "临时放假", null),
                day(LocalDate.of(YEAR + 1, 1, 3), false, "元旦", null)));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("detail").asText()).contains("2028-01-03").contains("不在2027年内");
        assertThat(calendar.isWorkingDay(MONDAY)).isTrue();
        assertThat(calendar.isWorkingDay(SATURDAY)).as("the year kept its rows").isTrue();
        assertThat(office.get(PATH).json()).hasSize(1);
    }

    @Test
    void aDayWithoutWorkingOrTwiceIsRefused() {
        Http.Response refused = office.putJson(PATH, List.of(
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
