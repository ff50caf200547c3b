package cn.duban.support;

import cn.duban.dispatch.ReportCycle;
import cn.duban.dispatch.TaskDispatchOrder;
import cn.duban.identity.Unit;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Dispatch orders for process tests, each with a fresh task code. */
public final class Orders {

    public static final Unit ECOLOGY = new Unit("ecology-environment", "州生态环境局", "DEPARTMENT");
    public static final Unit AGRICULTURE = new Unit("agriculture-rural", "州农业农村局", "DEPARTMENT");
    public static final Unit FINANCE = new Unit("finance", "州财政局", "DEPARTMENT");
    public static final LocalDate DEADLINE = LocalDate.of(2030, 12, 31);

    private Orders() {}

    public static String freshCode(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static final Unit CHANGJI_CITY = new Unit("changji-city", "昌吉市人民政府", "CITY");
    public static final Unit QITAI_COUNTY = new Unit("qitai-county", "奇台县人民政府", "COUNTY");

    public static TaskDispatchOrder order(String code, List<Unit> leads, List<Unit> supports) {
        return order(code, leads, supports, List.of());
    }

    public static TaskDispatchOrder order(String code, List<Unit> leads, List<Unit> supports, List<Unit> implementers) {
        return new TaskDispatchOrder(
                "TEST-PLAN",
                "测试计划",
                code,
                "一、测试",
                "开展土壤污染状况详查",
                "制定详查方案，开展全州土壤污染状况详查。",
                leads,
                supports,
                implementers,
                DEADLINE,
                ReportCycle.QUARTERLY);
    }

    public static TaskDispatchOrder ecologyLeads(String code) {
        return order(code, List.of(ECOLOGY), List.of(FINANCE));
    }
}
