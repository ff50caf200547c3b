package cn.duban.plan.intake;

import cn.duban.plan.PlanFile;
import java.util.List;

/** What the parser read for a task that the review form does not edit; kept by the task's sequence. */
record ParsedDetail(int sequence, boolean supportShareResponsibility, List<PlanFile.Target> targets) {}
