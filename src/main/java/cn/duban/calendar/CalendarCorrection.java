package cn.duban.calendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * The supervision office imports a year's holidays and adjusted working days, all or nothing, when the State Council
 * publishes a year before the library carries it, or corrects a year of the library; it can withdraw its import, and
 * the library's schedule (or, for a year the library lacks, Monday to Friday) applies again.
 */
@Service
public class CalendarCorrection {

    private static final int FIRST_YEAR = 1949;
    private static final int LAST_YEAR = 2199;
    private static final int NAME_LENGTH = 50;
    private static final int NOTE_LENGTH = 200;

    private final CalendarDays days;

    CalendarCorrection(CalendarDays days) {
        this.days = days;
    }

    public List<CalendarDay> ofYear(int year) {
        requireYear(year);
        return days.ofYear(year);
    }

    @Transactional
    public List<CalendarDay> replaceYear(int year, List<CalendarDayCorrection> corrections, String importedBy) {
        requireYear(year);
        List<CalendarDay> checked = check(year, corrections);
        days.replaceYear(year, checked, importedBy);
        return days.ofYear(year);
    }

    /** Withdraws the office's import of the year; returns the year's exceptions in force afterwards. */
    @Transactional
    public List<CalendarDay> withdrawYear(int year) {
        requireYear(year);
        days.withdrawYear(year);
        return days.ofYear(year);
    }

    private static List<CalendarDay> check(int year, List<CalendarDayCorrection> corrections) {
        if (corrections == null) {
            throw refused("请提交该年份的节假日和调休上班日列表（可为空列表）。");
        }
        List<String> problems = new ArrayList<>();
        List<CalendarDay> checked = new ArrayList<>();
        Set<LocalDate> seen = new HashSet<>();
        for (int i = 0; i < corrections.size(); i++) {
            CalendarDayCorrection correction = corrections.get(i);
            String position = "第" + (i + 1) + "项";
            if (correction == null || correction.day() == null) {
                problems.add(position + "缺少日期（day）");
                continue;
            }
            LocalDate day = correction.day();
            if (day.getYear() != year) {
                problems.add(position + "的日期" + day + "不在" + year + "年内");
            }
            if (!seen.add(day)) {
                problems.add("日期" + day + "重复出现");
            }
            if (correction.working() == null) {
                problems.add(position + "（" + day + "）缺少是否上班（working）");
            }
            String name = blankToNull(correction.name());
            String note = blankToNull(correction.note());
            if (name != null && name.length() > NAME_LENGTH) {
                problems.add(position + "（" + day + "）的名称超过" + NAME_LENGTH + "个字");
            }
            if (note != null && note.length() > NOTE_LENGTH) {
                problems.add(position + "（" + day + "）的备注超过" + NOTE_LENGTH + "个字");
            }
            if (correction.working() != null) {
                checked.add(new CalendarDay(day, correction.working(), name, note, CalendarDay.Source.OFFICE));
            }
        }
        if (!problems.isEmpty()) {
            throw refused(year + "年的工作日历未更新：" + String.join("；", problems) + "。");
        }
        return checked;
    }

    private static void requireYear(int year) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw refused("年份" + year + "无效，应在" + FIRST_YEAR + "至" + LAST_YEAR + "之间。");
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static ResponseStatusException refused(String reason) {
        return new ResponseStatusException(HttpStatus.BAD_REQUEST, reason);
    }
}
