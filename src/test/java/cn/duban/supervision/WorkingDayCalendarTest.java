package cn.duban.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.duban.calendar.CalendarCorrection;
import cn.duban.calendar.CalendarDayCorrection;
import cn.duban.calendar.StatutoryHolidays;
import cn.duban.calendar.WorkingDayCalendar;
import cn.duban.support.DubanTest;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The calendar on real dates: the State Council's schedules as the tyme4j library ships them, and the supervision
 * office's import of a year the library does not carry yet.
 */
@DubanTest
class WorkingDayCalendarTest {

    @Autowired
    WorkingDayCalendar calendar;

    @Autowired
    CalendarCorrection correction;

    @Autowired
    StatutoryHolidays library;

    private static LocalDate date(int year, int month, int day) {
        return LocalDate.of(year, month, day);
    }

    @Test
    void nationalDay2025IsOffFromTheFirstToTheEighthWithTwoWorkingWeekendDays() {
        for (int day = 1; day <= 8; day++) {
            assertThat(calendar.isWorkingDay(date(2025, 10, day)))
                    .as("2025-10-%02d", day)
                    .isFalse();
        }
        assertThat(calendar.isWorkingDay(date(2025, 9, 27)))
                .as("Saturday before")
                .isFalse();
        assertThat(calendar.isWorkingDay(date(2025, 9, 28))).as("Sunday 调休上班").isTrue();
        assertThat(calendar.isWorkingDay(date(2025, 10, 11)))
                .as("Saturday 调休上班")
                .isTrue();
        assertThat(calendar.isWorkingDay(date(2025, 10, 12))).as("Sunday after").isFalse();
        assertThat(calendar.isWorkingDay(date(2025, 10, 9))).isTrue();
    }

    @Test
    void nationalDay2025InWorkingDayArithmetic() {
        // Friday 26 September: Sunday the 28th is a working day, then the 29th and 30th.
        assertThat(calendar.plusWorkingDays(date(2025, 9, 26), 3)).isEqualTo(date(2025, 9, 30));
        assertThat(calendar.plusWorkingDays(date(2025, 9, 28), 3)).isEqualTo(date(2025, 10, 9));
        assertThat(calendar.plusWorkingDays(date(2025, 9, 30), 1)).isEqualTo(date(2025, 10, 9));
        assertThat(calendar.plusWorkingDays(date(2025, 9, 30), 3))
                .as("Saturday the 11th works")
                .isEqualTo(date(2025, 10, 11));
        assertThat(calendar.plusWorkingDays(date(2025, 9, 26), 10))
                .as("within 10 working days")
                .isEqualTo(date(2025, 10, 16));
        assertThat(calendar.plusWorkingDays(date(2025, 10, 1), 0)).isEqualTo(date(2025, 10, 9));

        assertThat(calendar.workingDaysBetween(date(2025, 9, 30), date(2025, 10, 10)))
                .isEqualTo(2);
        assertThat(calendar.workingDaysBetween(date(2025, 9, 26), date(2025, 10, 12)))
                .isEqualTo(6);
    }

    @Test
    void withinWorkingDaysAgreesWithCountingThemAcrossWeekendsAndHolidays() {
        // From each day around National Day 2025 to every deadline up to three weeks on, for 0 to 5 working days.
        for (LocalDate from = date(2025, 9, 24); from.isBefore(date(2025, 10, 6)); from = from.plusDays(1)) {
            for (LocalDate to = from; to.isBefore(from.plusDays(21)); to = to.plusDays(1)) {
                int between = calendar.workingDaysBetween(from, to);
                for (int n = 0; n <= 5; n++) {
                    assertThat(calendar.isWithinWorkingDays(from, to, n))
                            .as("%s to %s within %d", from, to, n)
                            .isEqualTo(between <= n);
                }
            }
        }
    }

    @Test
    void minusWorkingDaysStepsBackOverAHoliday() {
        assertThat(calendar.minusWorkingDays(date(2025, 10, 9), 1)).isEqualTo(date(2025, 9, 30));
        assertThat(calendar.minusWorkingDays(date(2025, 10, 9), 3))
                .as("Sunday the 28th works")
                .isEqualTo(date(2025, 9, 28));
        assertThat(calendar.minusWorkingDays(date(2025, 10, 9), 4)).isEqualTo(date(2025, 9, 26));
        assertThat(calendar.minusWorkingDays(date(2025, 10, 5), 0)).isEqualTo(date(2025, 9, 30));
        // 3 working days before a deadline of Wednesday 25 February 2026, across the Spring Festival.
        assertThat(calendar.minusWorkingDays(date(2026, 2, 25), 3)).isEqualTo(date(2026, 2, 13));
    }

    @Test
    void springFestival2026IsOffFromTheFifteenthToTheTwentyThird() {
        for (int day = 15; day <= 23; day++) {
            assertThat(calendar.isWorkingDay(date(2026, 2, day)))
                    .as("2026-02-%02d", day)
                    .isFalse();
        }
        assertThat(calendar.isWorkingDay(date(2026, 2, 14))).as("Saturday 调休上班").isTrue();
        assertThat(calendar.isWorkingDay(date(2026, 2, 28))).as("Saturday 调休上班").isTrue();
        assertThat(calendar.isWorkingDay(date(2026, 2, 24))).isTrue();

        assertThat(calendar.plusWorkingDays(date(2026, 2, 13), 1)).isEqualTo(date(2026, 2, 14));
        assertThat(calendar.plusWorkingDays(date(2026, 2, 13), 2)).isEqualTo(date(2026, 2, 24));
        assertThat(calendar.plusWorkingDays(date(2026, 2, 12), 5)).isEqualTo(date(2026, 2, 26));
        assertThat(calendar.minusWorkingDays(date(2026, 2, 24), 1)).isEqualTo(date(2026, 2, 14));
        assertThat(calendar.workingDaysBetween(date(2026, 2, 13), date(2026, 2, 28)))
                .isEqualTo(6);
    }

    @Test
    void nationalDay2026IsOffFromTheFirstToTheSeventhWithAWorkingSundayBeforeAndSaturdayAfter() {
        // 国务院办公厅关于2026年部分节假日安排的通知: 国庆节 10月1日至7日放假调休，9月20日（周日）、10月10日（周六）上班；
        // 中秋节 9月25日至27日放假.
        for (int day = 1; day <= 7; day++) {
            assertThat(calendar.isWorkingDay(date(2026, 10, day)))
                    .as("2026-10-%02d", day)
                    .isFalse();
        }
        assertThat(calendar.isWorkingDay(date(2026, 9, 20))).as("Sunday 调休上班").isTrue();
        assertThat(calendar.isWorkingDay(date(2026, 10, 10)))
                .as("Saturday 调休上班")
                .isTrue();
        assertThat(calendar.isWorkingDay(date(2026, 10, 11))).as("Sunday after").isFalse();
        assertThat(calendar.isWorkingDay(date(2026, 9, 25))).as("中秋节, a Friday").isFalse();
        assertThat(calendar.isWorkingDay(date(2026, 10, 8))).isTrue();

        assertThat(calendar.plusWorkingDays(date(2026, 9, 30), 1)).isEqualTo(date(2026, 10, 8));
        assertThat(calendar.plusWorkingDays(date(2026, 10, 9), 1))
                .as("Saturday the 10th works")
                .isEqualTo(date(2026, 10, 10));
        assertThat(calendar.minusWorkingDays(date(2026, 9, 21), 1))
                .as("Sunday the 20th works")
                .isEqualTo(date(2026, 9, 20));
        assertThat(calendar.workingDaysBetween(date(2026, 9, 18), date(2026, 10, 12)))
                .isEqualTo(12);
    }

    @Test
    void theLibraryCarries2002To2026AndTheOfficeImports2027() {
        assertThat(library.years()).contains(2002, 2017, 2025, 2026).doesNotContain(2001);
        assertThat(library.source()).isEqualTo("tyme4j 1.4.9");
        // tyme4j 1.4.9 does not carry 2027 yet. When an upgrade does, pin its first working day here instead.
        assertThat(library.covers(2027)).isFalse();
        assertThat(calendar.isYearCovered(2027)).isFalse();
        assertThat(calendar.plusWorkingDays(date(2026, 12, 31), 1))
                .as("Monday to Friday: Friday 1 January")
                .isEqualTo(date(2027, 1, 1));
        try {
            correction.replaceYear(
                    2027, List.of(new CalendarDayCorrection(date(2027, 1, 1), false, "元旦", "1月1日放假")), "calendar-test");

            assertThat(calendar.isYearCovered(2027)).isTrue();
            assertThat(calendar.plusWorkingDays(date(2026, 12, 31), 1))
                    .as("the first working day of 2027")
                    .isEqualTo(date(2027, 1, 4));
            assertThat(calendar.workingDaysBetween(date(2026, 12, 30), date(2027, 1, 4)))
                    .isEqualTo(2);
        } finally {
            correction.withdrawYear(2027);
        }
    }

    @Test
    void anOrdinaryWeekIsMondayToFriday() {
        assertThat(calendar.plusWorkingDays(date(2025, 3, 10), 5)).isEqualTo(date(2025, 3, 17));
        assertThat(calendar.minusWorkingDays(date(2025, 3, 17), 5)).isEqualTo(date(2025, 3, 10));
        assertThat(calendar.plusWorkingDays(date(2025, 3, 10), 0)).isEqualTo(date(2025, 3, 10));
        assertThat(calendar.plusWorkingDays(date(2025, 3, 15), 0))
                .as("from a Saturday")
                .isEqualTo(date(2025, 3, 17));
        assertThat(calendar.minusWorkingDays(date(2025, 3, 15), 0))
                .as("from a Saturday")
                .isEqualTo(date(2025, 3, 14));
        assertThat(calendar.isWorkingDay(date(2025, 3, 14))).isTrue();
        assertThat(calendar.isWorkingDay(date(2025, 3, 15))).isFalse();
        assertThat(calendar.isWorkingDay(date(2025, 3, 16))).isFalse();
        assertThat(calendar.workingDaysBetween(date(2025, 3, 10), date(2025, 3, 17)))
                .isEqualTo(5);
    }

    @Test
    void theYearsAddUpAndTheNewYear2026HasAWorkingSunday() {
        assertThat(calendar.workingDaysBetween(date(2024, 12, 31), date(2025, 12, 31)))
                .isEqualTo(248);
        assertThat(calendar.workingDaysBetween(date(2025, 12, 31), date(2026, 12, 31)))
                .isEqualTo(248);
        assertThat(calendar.plusWorkingDays(date(2025, 12, 31), 1))
                .as("Sunday 4 January 2026")
                .isEqualTo(date(2026, 1, 4));
    }

    @Test
    void aYearWithoutExceptionsFallsBackToMondayToFridayAndSaysSo() {
        // 1 October 2035 is a Monday; no notice for 2035 is stored.
        assertThat(calendar.noticeFor(date(2035, 10, 1))).isEqualTo("2035年：该年度节假日安排未导入，工作日暂按周一至周五计算");
        assertThat(calendar.noticeFor(date(2026, 10, 1))).isNull();
        assertThat(calendar.isWorkingDay(date(2035, 10, 1))).isTrue();
        assertThat(calendar.isWorkingDay(date(2035, 10, 6))).isFalse();
        assertThat(calendar.plusWorkingDays(date(2035, 10, 1), 5)).isEqualTo(date(2035, 10, 8));
        assertThat(calendar.workingDaysBetween(date(2034, 12, 31), date(2035, 12, 31)))
                .isEqualTo(261);
    }

    @Test
    void emptyRangesAndNegativeCounts() {
        assertThat(calendar.workingDaysBetween(date(2025, 10, 10), date(2025, 10, 10)))
                .isZero();
        assertThat(calendar.workingDaysBetween(date(2025, 10, 10), date(2025, 9, 1)))
                .isZero();
        assertThatThrownBy(() -> calendar.plusWorkingDays(date(2025, 10, 10), -1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
