package cn.duban.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.stereotype.Component;

/**
 * Times the daily sweep (process daily-supervision, 每日督办检查) on the engine's clock as it is: from the sweep's
 * start (its select step) until its last batch is joined, the batches run on {@code jobThreads} threads side by side
 * as the job executors would take them (each batch's job is not exclusive), the joins one at a time (they are). The
 * entry point for a benchmark of any size, e.g. a million generated open tasks: {@code sweep(null, 3)}.
 */
@Component
public class DailySweepTiming {

    private static final String BATCH = "ServiceTask_SuperviseBatch";

    private final RuntimeService runtimeService;
    private final ManagementService managementService;
    private final AtomicInteger retries = new AtomicInteger();

    DailySweepTiming(RuntimeService runtimeService, ManagementService managementService) {
        this.runtimeService = runtimeService;
        this.managementService = managementService;
    }

    /** Runs a job; one that failed (a conflict) and is still there is left for the next round, as a retry. */
    private void execute(String jobId) {
        try {
            managementService.executeJob(jobId);
        } catch (RuntimeException failed) {
            if (retries.incrementAndGet() <= 3) {
                System.out.println("[sweep] job " + jobId + " failed, run again: " + failed);
            }
            if (managementService.createJobQuery().jobId(jobId).count() == 0) {
                throw failed;
            }
            // Run again in the next round, not after the model's retry pause.
            managementService.setJobDuedate(jobId, null);
        }
    }

    /** Jobs run again after a failure (a conflict), since this bean was created. */
    public int retries() {
        return retries.get();
    }

    /**
     * Sweeps the open tasks of {@code planCode} (null: every open task) not checked today yet; returns how long it
     * took.
     */
    public Duration sweep(String planCode, int jobThreads) throws Exception {
        Map<String, Object> variables = new HashMap<>();
        if (planCode != null) {
            variables.put("planCode", planCode);
        }
        ExecutorService pool = Executors.newFixedThreadPool(jobThreads);
        try {
            long start = System.nanoTime();
            String sweep = runtimeService
                    .startProcessInstanceByKey("daily-supervision", variables)
                    .getId();
            List<Job> jobs;
            while (!(jobs = managementService
                            .createJobQuery()
                            .processInstanceId(sweep)
                            .executable()
                            .list())
                    .isEmpty()) {
                Set<String> batches =
                        managementService
                                .createJobQuery()
                                .processInstanceId(sweep)
                                .activityId(BATCH)
                                .executable()
                                .list()
                                .stream()
                                .map(Job::getId)
                                .collect(Collectors.toSet());
                List<Future<?>> running = new ArrayList<>();
                for (Job job : jobs) {
                    if (batches.contains(job.getId())) {
                        running.add(pool.submit(() -> execute(job.getId())));
                    } else {
                        execute(job.getId());
                    }
                }
                for (Future<?> batch : running) {
                    batch.get();
                }
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            if (runtimeService
                            .createProcessInstanceQuery()
                            .processInstanceId(sweep)
                            .count()
                    > 0) {
                throw new IllegalStateException("The sweep " + sweep + " did not finish (a failed batch?)");
            }
            return took;
        } finally {
            pool.shutdownNow();
        }
    }
}
