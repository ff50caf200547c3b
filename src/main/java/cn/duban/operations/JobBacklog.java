package cn.duban.operations;

import java.util.Date;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.stereotype.Component;

/** The engine's jobs that wait for a job executor: due now, and failed with no retries left. */
@Component
class JobBacklog {

    private final ManagementService managementService;

    JobBacklog(ManagementService managementService) {
        this.managementService = managementService;
    }

    /** Call as the system: job queries are subject to the caller's authorizations. */
    Figures figures() {
        long dueNow = managementService.createJobQuery().executable().count();
        Date oldest = null;
        if (dueNow > 0) {
            Job first =
                    managementService.createJobQuery().executable().orderByJobDuedate().asc().listPage(0, 1).stream()
                            .findFirst()
                            .orElse(null);
            if (first != null) {
                oldest = first.getDuedate() != null ? first.getDuedate() : first.getCreateTime();
            }
        }
        long failed = managementService.createJobQuery().noRetriesLeft().count();
        return new Figures(dueNow, oldest, failed);
    }

    record Figures(long dueNow, Date oldestDue, long failed) {}
}
