package cn.duban.support;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.stereotype.Component;

/** Runs a process instance's due jobs the way the job executor would, one at a time. */
@Component
public class Jobs {

    private final ManagementService managementService;

    Jobs(ManagementService managementService) {
        this.managementService = managementService;
    }

    /** Executes the instance's executable jobs until none is left; returns how many ran. */
    public int executeAll(String processInstanceId) {
        int executed = 0;
        Job job;
        while ((job =
                        managementService
                                .createJobQuery()
                                .processInstanceId(processInstanceId)
                                .executable()
                                .listPage(0, 1)
                                .stream()
                                .findFirst()
                                .orElse(null))
                != null) {
            managementService.executeJob(job.getId());
            executed++;
        }
        return executed;
    }
}
