package cn.duban.dashboard;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** A row of the overdue list: who owns the late task, how late it is, and how often it has been urged. */
record OverdueItem(
        String taskCode,
        String taskTitle,
        String planCode,
        String planTitle,
        List<UnitRef> leadUnits,
        LocalDate deadline,
        int workingDaysOverdue,
        String level,
        String levelName,
        int timesUrged,
        String lastProgress,
        OffsetDateTime lastProgressAt) {}
