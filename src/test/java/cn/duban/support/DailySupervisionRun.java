package cn.duban.support;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Runs the daily sweep (process daily-supervision, 每日督办检查) the way the morning timer does, limited to the test's
 * own tasks (the process's {@code taskCodes}) so that the shared database's other tasks stay as their tests left
 * them: the select step, then every batch's job, one at a time.
 */
@Component
public class DailySupervisionRun {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private final RuntimeService runtimeService;
    private final Jobs jobs;

    DailySupervisionRun(RuntimeService runtimeService, Jobs jobs) {
        this.runtimeService = runtimeService;
        this.jobs = jobs;
    }

    /** Moves the engine's clock to 09:00 Beijing time of {@code day} and sweeps the tasks there. */
    public String on(LocalDate day, String... taskCodes) {
        ClockUtil.setCurrentTime(Date.from(day.atTime(9, 0).atZone(BEIJING).toInstant()));
        return now(taskCodes);
    }

    /** Sweeps the tasks on the engine's clock as it is; returns the sweep's process instance. */
    public String now(String... taskCodes) {
        String instanceId = start(taskCodes);
        jobs.executeAll(instanceId);
        return instanceId;
    }

    /** Starts the sweep for the tasks, leaving its batch jobs to run. */
    public String start(String... taskCodes) {
        return runtimeService
                .startProcessInstanceByKey("daily-supervision", Map.of("taskCodes", String.join(",", taskCodes)))
                .getId();
    }
}
