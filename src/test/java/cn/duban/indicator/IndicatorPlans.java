package cn.duban.indicator;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Plans with the indicator table of the 14th Five-Year plan (as the parser reads it from the seed text, see
 * PlanTextParserSeed14thFypTest), each under a fresh code, written straight to the tables a publication fills.
 */
@Component
class IndicatorPlans {

    /** The seed's 8 indicators in their order: category, name, unit, baseline, target, binding, source. */
    static final List<Object[]> SEED_INDICATORS = List.of(
            new Object[] {"生态环境", "受污染耕地安全利用率", "%", null, "≥98%", true, "新疆维吾尔自治区指标"},
            new Object[] {"生态环境", "城市地下水集中式饮用水水源水质达到或有优于Ⅲ类比例", null, "100", "100", false, null},
            new Object[] {"生态环境", "国家地下水环境质量考核点位水质目标", null, "水质级别保持稳定", "水质类别不降低", false, null},
            new Object[] {"农业农村生态环境", "化肥使用量", "万吨", "14.53万吨", "减少", false, "新疆维吾尔自治区指标"},
            new Object[] {"农业农村生态环境", "农村环境整治村庄数量", "个", null, "达到264个", false, "昌吉州生态环境保护“十四五”规划提供"},
            new Object[] {"农业农村生态环境", "农村生活污水治理率", "%", null, "30%左右", true, "自治区生态环境保护“十四五”规划提供"},
            new Object[] {"农业农村生态环境", "废弃农膜回收利用率", "%", "80%", "≥85%", false, "昌吉回族自治州国民经济和社会发展第十四个五年规划和2035 年远景目标纲要"},
            new Object[] {"农业农村生态环境", "畜禽粪污综合利用率", "%", "75%", "≥80%", false, "中共中央 国务院关于深入打好污染防治攻坚战的意见"});

    static final String TITLE = "昌吉州土壤、地下水和农村生态环境保护“十四五”规划";

    private final JdbcClient jdbc;

    IndicatorPlans(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A five-year plan for 2021–2025 reporting quarterly; returns its code. */
    String fiveYearPlan() {
        return plan(2021, 2025, "QUARTERLY");
    }

    String plan(Integer periodStart, Integer periodEnd, String reportCycle) {
        String code = "IND-" + UUID.randomUUID().toString().substring(0, 8);
        long planId = jdbc.sql("""
                        insert into duban.plan (code, title, kind, period_start, period_end, report_cycle, imported_by)
                        values (?, ?, 'FIVE_YEAR', ?, ?, ?, 'test') returning id""")
                .params(code, TITLE, periodStart, periodEnd, reportCycle)
                .query(Long.class)
                .single();
        for (int position = 0; position < SEED_INDICATORS.size(); position++) {
            Object[] row = SEED_INDICATORS.get(position);
            jdbc.sql("""
                            insert into duban.plan_indicator (plan_id, position, category, name, unit, baseline, target,
                                                              binding, source)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(planId, position, row[0], row[1], row[2], row[3], row[4], row[5], row[6])
                    .update();
        }
        return code;
    }

    /** The ids of the plan's indicators, in the table's order. */
    List<Long> indicatorIds(String planCode) {
        return jdbc.sql("""
                        select i.id from duban.plan_indicator i join duban.plan p on p.id = i.plan_id
                        where p.code = ? order by i.position""").param(planCode).query(Long.class).list();
    }

    long valueCount(long indicatorId) {
        return jdbc.sql("select count(*) from duban.indicator_value where indicator_id = ?")
                .param(indicatorId)
                .query(Long.class)
                .single();
    }
}
