package cn.duban.dispatch;

import cn.duban.identity.Unit;
import java.time.LocalDate;
import java.util.List;

/** Everything a plan-task instance needs to know about the plan task it carries. */
public record TaskDispatchOrder(String planCode, String planTitle, String taskCode, String section, String title,
                                String text, List<Unit> leadUnits, List<Unit> supportUnits,
                                List<Unit> implementingUnits, LocalDate deadline, ReportCycle reportCycle) {
}
