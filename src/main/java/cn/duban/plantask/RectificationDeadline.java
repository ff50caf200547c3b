package cn.duban.plantask;

import static cn.duban.plantask.PlanTaskVariables.RECTIFICATION_DEADLINE;

import cn.duban.taskform.SubmissionRejectedException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The new deadline of a 限期整改 as the inspector wrote it: a date, not in the past (Beijing time). */
@Component
class RectificationDeadline {

    private final ZoneId zone;

    RectificationDeadline(@Value("${duban.time-zone}") ZoneId zone) {
        this.zone = zone;
    }

    LocalDate read(Object written) {
        LocalDate deadline;
        try {
            String text = written == null ? "" : written.toString().strip();
            deadline = LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            throw new SubmissionRejectedException(RECTIFICATION_DEADLINE, "请填写整改期限，格式如 2026-12-31");
        }
        LocalDate today = ClockUtil.getCurrentTime().toInstant().atZone(zone).toLocalDate();
        if (deadline.isBefore(today)) {
            throw new SubmissionRejectedException(RECTIFICATION_DEADLINE, "整改期限不能早于今天");
        }
        return deadline;
    }
}
