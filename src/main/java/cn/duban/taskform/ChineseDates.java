package cn.duban.taskform;

import java.time.LocalDate;

/** Dates as people in China write them: 2017年12月31日. */
public final class ChineseDates {

    private ChineseDates() {}

    public static String of(LocalDate date) {
        return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }
}
