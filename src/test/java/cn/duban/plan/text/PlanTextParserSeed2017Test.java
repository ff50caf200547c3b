package cn.duban.plan.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The 2017 annual work plan of 昌吉州: 8 key tasks and 3 organisational items, all tagged 2017 style. */
class PlanTextParserSeed2017Test {

    private static final String KEY_TASKS = "三、重点工作";
    private static final String ORGANISATION = "四、组织实施";
    private static DraftPlan plan;

    @BeforeAll
    static void parseSeed() {
        plan = new PlanTextParser().parse(SeedText.read("changji-2017-soil-work-plan.txt"));
    }

    @Test
    void readsTheTitleAndTakesTheYearAsThePlansPeriod() {
        assertThat(plan.title()).isEqualTo("昌吉州2017年度土壤污染防治工作方案");
        assertThat(plan.kind()).isEqualTo(PlanKind.ANNUAL);
        assertThat(plan.periodStart()).isEqualTo(2017);
        assertThat(plan.periodEnd()).isEqualTo(2017);
        assertThat(plan.defaultDeadline()).isEqualTo(LocalDate.of(2017, 12, 31));
    }

    @Test
    void findsElevenTasksAndNoIndicatorTable() {
        assertThat(plan.tasks()).extracting(DraftTask::sequence).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
        assertThat(plan.indicators()).isEmpty();
    }

    static Stream<Arguments> tasks() {
        return Stream.of(
                task(1, "（一）", KEY_TASKS, "土壤状况详查", List.of("州环保局"), List.of("州财政局", "州国土局", "州农业局", "州畜牧局", "州卫计委")),
                task(
                        2,
                        "（二）",
                        KEY_TASKS,
                        "建设土壤环境监测网络",
                        List.of("州环保局"),
                        List.of("州发改委", "州经信委", "州国土局", "州农业局", "州畜牧局", "州卫计委")),
                task(
                        3,
                        "（三）",
                        KEY_TASKS,
                        "土壤环境风险点排查",
                        List.of("州环保局"),
                        List.of("州经信委", "州安监局", "州国土局", "州住建局", "州农业局")),
                task(4, "（四）", KEY_TASKS, "建立治理修复项目储备库", List.of("州环保局"), List.of("州国土局", "州住建局", "州农业局", "州畜牧局")),
                task(5, "（五）", KEY_TASKS, "启动治理与修复试点", List.of("州农业局", "州环保局"), List.of("州住建局", "州林业局", "州国土局")),
                task(6, "（六）", KEY_TASKS, "开展重点行业企业调查评估", List.of("州国土局"), List.of("州环保局", "州住建局", "州规划局", "州水利局")),
                task(
                        7,
                        "（七）",
                        KEY_TASKS,
                        "启动优先保护类耕地保护方案制定工作",
                        List.of("州国土局", "州农业局"),
                        List.of("州发改委", "州环保局", "州水利局")),
                task(8, "（八）", KEY_TASKS, "实施城镇、园区专项调查", List.of("州环保局", "州发改委", "州经信委"), List.of("州国土局")),
                task(9, "（一）", ORGANISATION, "加强领导", List.of("州纪检委", "州绩效办", "州环保局"), List.of("州环委会成员单位")),
                task(10, "（二）", ORGANISATION, "组织学习", List.of("州环保局"), List.of("州环委会成员单位")),
                task(11, "（三）", ORGANISATION, "强化宣传", List.of("州宣传部"), List.of("州环保局")));
    }

    private static Arguments task(
            int sequence, String number, String section, String title, List<String> leads, List<String> supports) {
        return Arguments.of(sequence, number, section, title, leads, supports);
    }

    @ParameterizedTest(name = "task {0} {3}")
    @MethodSource("tasks")
    void readsEachTaskWithItsUnitsAndTheYearEndDeadline(
            int sequence, String number, String section, String title, List<String> leads, List<String> supports) {
        DraftTask task = plan.tasks().get(sequence - 1);

        assertThat(task.number()).isEqualTo(number);
        assertThat(task.section()).isEqualTo(section);
        assertThat(task.title()).isEqualTo(title);
        assertThat(task.unitsIn(UnitRole.LEAD)).containsExactlyElementsOf(leads);
        assertThat(task.unitsIn(UnitRole.SUPPORT)).containsExactlyElementsOf(supports);
        assertThat(task.unitsIn(UnitRole.RESPONSIBLE)).isEmpty();
        assertThat(task.unitsIn(UnitRole.IMPLEMENTING)).isEmpty();
        assertThat(task.deadline()).isEqualTo(LocalDate.of(2017, 12, 31));
        assertThat(task.deadlineStated()).isFalse();
        assertThat(task.startDate()).isNull();
    }

    @Test
    void keepsTheTaskTextWithoutItsNumberOrUnitTag() {
        DraftTask first = plan.tasks().get(0);

        assertThat(first.text())
                .startsWith("土壤状况详查。以农用地和有色金属冶炼")
                .endsWith("开展全州土壤污染状况详查。")
                .doesNotContain("牵头单位", "配合单位");
    }

    @Test
    void preambleGeneralRequirementsAndGoalsAreNotTasks() {
        assertThat(plan.tasks())
                .extracting(DraftTask::text)
                .noneMatch(text -> text.contains("牢固树立和落实新发展理念"))
                .noneMatch(text -> text.contains("按照国家和自治区统一部署"))
                .noneMatch(text -> text.contains("特制定本方案"));
    }

    @Test
    void asksTheReviewerToCheckLevelsTakenFromAnotherUnitOfTheTag() {
        assertThat(plan.warnings())
                .containsExactly(
                        "第7项任务“启动优先保护类耕地保护方案制定工作”的单位未写层级，已按同一标注中的其他单位补全为“州国土局”，请核对",
                        "第7项任务“启动优先保护类耕地保护方案制定工作”的单位未写层级，已按同一标注中的其他单位补全为“州农业局”，请核对");
    }
}
