package cn.duban.supervision;

import java.time.LocalDate;
import java.util.List;

/** A plan task as it is put under supervision: what the dashboard shows of it besides its state. */
public record SupervisedTask(
        String taskCode,
        String processInstanceId,
        String planCode,
        String planTitle,
        String title,
        LocalDate deadline,
        List<String> leadUnitIds,
        List<String> supportUnitIds,
        List<String> implementingUnitIds) {}
