package cn.duban.indicator;

import cn.duban.plantask.DueDates;
import java.util.Date;
import org.springframework.stereotype.Component;

/** For the model: {@code ${indicatorDueDates.reportDue()}}, when an indicator's round is due. */
@Component("indicatorDueDates")
public class IndicatorDueDates {

    private final DueDates dueDates;

    IndicatorDueDates(DueDates dueDates) {
        this.dueDates = dueDates;
    }

    /** As a plan task's progress report: the configured working days from today (Beijing time). */
    public Date reportDue() {
        return dueDates.progressReportDue();
    }
}
