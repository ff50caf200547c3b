package cn.duban.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** In the demo, each indicator of the 14th Five-Year plan goes to the unit that leads the plan's matching tasks. */
class IndicatorDemoLeadsTest {

    @Test
    void everyIndicatorOfTheSeedPlanHasTheLeadUnitOfItsTasks() {
        assertThat(IndicatorPlans.SEED_INDICATORS.stream().map(row -> DemoIndicatorLeads.leadOf((String) row[1])))
                .containsExactly(
                        "agriculture-rural", // 受污染耕地安全利用率: 耕地安全利用 (州农业农村局牵头)
                        "ecology-environment", // 城市地下水集中式饮用水水源水质…
                        "ecology-environment", // 国家地下水环境质量考核点位水质目标
                        "agriculture-rural", // 化肥使用量: 化肥农药减量增效 (州农业农村局牵头)
                        "ecology-environment", // 农村环境整治村庄数量
                        "ecology-environment", // 农村生活污水治理率 (州生态环境局牵头)
                        "agriculture-rural", // 废弃农膜回收利用率: 秸秆农膜回收利用 (州农业农村局牵头)
                        "agriculture-rural"); // 畜禽粪污综合利用率
    }
}
