package cn.duban.plan.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The 14th five-year plan for soil, groundwater and the rural environment of 昌吉州, as copied from the web:
 * headings lost, ASCII punctuation, tags after the paragraph, a blanket implementing rule, cut off at the end.
 * The expected tasks below were written from the text's own tags.
 */
class PlanTextParserSeed14thFypTest {

    private static final LocalDate END_OF_PERIOD = LocalDate.of(2025, 12, 31);
    private static final List<String> IMPLEMENTERS = List.of("各县(市)人民政府", "园区管委会");

    /** title | leads | supports | responsible | stated deadline | start; "-" for none, names separated by 、. */
    private static final String EXPECTED_TASKS = """
            严格控制涉重金属行业污染物排放 | 州生态环境局 | 州农业农村局、州发改委、州工信局、州自然资源局 | - | 2023-12-31 | 2023-01-01
            整治涉重金属历史遗留固体废物 | 州生态环境局 | 州自然资源局、州应急管理局 | - | - | -
            开展耕地土壤重金属污染成因排查 | 州生态环境局 | 州农业农村局 | - | - | -
            严格建设项目土壤环境影响评价制度 | - | - | 州生态环境局 | - | -
            强化重点监管单位监管,动态更新土壤污染重点监管企业名录 | - | - | 州生态环境局 | 2025-12-31 | -
            推动实施绿色化改造 | 州工信局 | 州发改委、州生态环境局 | - | - | -
            加强新污染物治理 | 州生态环境局 | 州工信局、州应急管理局、州科技局 | - | - | -
            切实加大农用地土壤环境保护力度 | 州自然资源局、州农业农村局 | 州市场监督管理局 | - | - | -
            巩固提升耕地安全利用 | 州农业农村局 | 州生态环境局、州发改委、州市场监督管理局 | - | - | -
            动态调整农用地土壤环境质量类别 | 州农业农村局 | 州生态环境局、州自然资源局 | - | - | -
            开展土壤污染状况调查评估 | 州生态环境局 | 州自然资源局、州工信局 | - | - | -
            合理规划污染地块用途 | 州自然资源局 | 州生态环境局 | - | - | -
            因地制宜严格污染地块用地准入 | 州自然资源局 | 州生态环境局、州住建局 | - | - | -
            合理确定土地开发和使用时序 | 州自然资源局 | 州生态环境局、州住建局 | - | - | -
            强化部门信息共享和联动监管 | 州生态环境局、州自然资源局 | 州住建局 | - | - | -
            明确风险管控与修复重点 | 州生态环境局 | 州自然资源局、州住建局、州工信局 | - | - | -
            强化风险管控与修复活动监管 | 州生态环境局 | 州自然资源局、州住建局、州农业农村局 | - | - | -
            加强从业单位和个人信用管理 | 州发改委、州生态环境局 | 州自然资源局、州市场监督管理局 | - | - | -
            巩固提升区域地下水环境质量 | 州生态环境局 | 州自然资源局 | - | 2025-12-31 | -
            开展地下水污染防治重点区划定及污染风险管控 | 州生态环境局 | 州自然资源局、州水利局、州发改委 | - | - | -
            建立地下水污染重点监管单位名录 | - | - | 州生态环境局 | - | -
            开展地下水环境状况调查评估 | 州生态环境局 | 州自然资源局、州住建局、州水利局、州发改委、州应急管理局 | - | 2025-12-31 | -
            落实地下水防渗和监测措施 | 州生态环境局 | 州住建局 | - | - | -
            实施地下水污染风险管控 | 州生态环境局 | 州工信局、州住建局、州自然资源局 | - | - | -
            开展地下水污染修复试点 | 州生态环境局 | 州科技局 | - | - | -
            加强地下水污染协同防治 | 州生态环境局 | 州自然资源局、州住建局、州水利局、州应急管理局 | - | - | -
            强化土壤、地下水污染协同防治 | 州生态环境局 | 州自然资源局、州住建局、州工信局、州水利局、州农业农村局、州应急管理局 | - | - | -
            加强区域与场地地下水污染协同防治 | 州生态环境局 | 州自然资源局、州住建局、州水利局 | - | - | -
            规范地下水型饮用水水源保护区环境管理 | 州生态环境局 | 州自然资源局、州住建局、州水利局、州发改委 | - | - | -
            加强地下水型饮用水水源补给区保护 | 州生态环境局 | 州住建局、州水利局、州发改委 | - | - | -
            防范傍河地下水型饮用水水源环境风险 | 州生态环境局 | 州水利局、州自然资源局、州发改委、州应急管理局 | - | - | -
            持续推进化肥农药减量增效 | 州农业农村局 | 州发改委、州水利局 | - | 2025-12-31 | -
            提升秸秆农膜回收利用水平 | 州农业农村局 | 州发改委、州市场监督管理局、州生态环境局、州工信局 | - | 2025-12-31 | -
            加强畜禽养殖污染防治 | 自治区农业农村局 | 州生态环境局 | - | 2025-12-31 | -
            加强畜禽养殖污染环境监管 | - | - | 州生态环境局、州农业农村局 | - | -
            推进水产健康养殖 | 州农业农村局 | 州生态环境局、州水利局 | - | - | -
            深入推进农业灌溉用水总量控制和定额管理,制定不同区域、不同农作物灌溉用水定额,加强农田高效节水基础设施建设,建立完善集工程节水、农艺节水、生物节水、化学节水和管理节水于一体的水资源科学利用体系 | 州农业农村局 | 州发改委、州水利局 | - | - | -
            持续推进农村生活污水治理 | 州生态环境局 | 州农业农村局、州发改委、州住建局、州水利局、州科技局、州乡村振兴局 | - | 2025-12-31 | -
            健全设施运行管护机制 | 州农业农村局 | 州乡村振兴局、州财政局、州住建局、州生态环境局 | - | - | -
            持续开展排查整治农村黑臭水体污染 | 州生态环境局 | 州农业农村局 | - | - | -
            健全生活垃圾收运处置体系 | 州住房城乡建设局、州农业农村局 | 州发改委、州生态环境局、州乡村振兴局 | - | 2025-12-31 | -
            推进农村生活垃圾分类减量与利用 | 州住建局 | 州农业农村局、州发改委、州乡村振兴局、州生态环境局 | - | 2025-12-31 | -
            持续推进农村集中式饮用水水源地保护措施,开展农村水源保护区规范化建设,规范设立保护区标志 | 州生态环境局 | 州水利局、州卫健委、州住建局 | - | 2025-12-31 | -
            因地制宜以乡镇为单元成片推进农村地区清洁取暖,有序淘汰煤电落后产能,推进燃煤电厂灵活性和供热改造 | 州住建局 | 州发改委、州财政局、州生态环境局、州农业农村局 | - | - | -
            组织开展《中华人民共和国土壤污染防治法》普法宣传活动,提升社会公众土壤环境保护意识,科普土壤生态环境方面的知识,拓宽土壤法宣传范围 | 州生态环境局 | 州农业农村局、州市场监督管理局 | - | - | -
            严格落实《新疆维吾尔自治区土壤污染防治工作方案》《昌吉州土壤污染防治工作方案》,以改善土壤环境质量为核心,以保障农产品质量和人居环境安全为出发点,坚持预防为主、保护优先、风险管控的总体思路,实施分类别、分用途、分阶段治理,打好土壤污染防治攻坚战 | 州生态环境局 | 州农业农村局、州自然资源局、州住建局 | - | - | -
            部署落实土壤、地下水和农业农村污染防治相关监测任务 | 州生态环境局 | 州农业农村局、州自然资源局、州水利局、州住建局 | - | - | -
            """;

    private static DraftPlan plan;

    @BeforeAll
    static void parseSeed() {
        plan = new PlanTextParser().parse(SeedText.read("changji-14th-fyp-soil-groundwater-rural.txt"));
    }

    static Stream<Arguments> expectedTasks() {
        List<String> rows =
                EXPECTED_TASKS.lines().filter(line -> !line.isBlank()).toList();
        return Stream.iterate(0, i -> i < rows.size(), i -> i + 1)
                .map(i -> Arguments.of(i + 1, rows.get(i).split("\\s*\\|\\s*")));
    }

    @ParameterizedTest(name = "task {0}")
    @MethodSource("expectedTasks")
    void readsEachTaggedTaskAsTheTextStatesIt(int sequence, String[] row) {
        DraftTask task = plan.tasks().get(sequence - 1);

        assertThat(task.sequence()).isEqualTo(sequence);
        assertThat(task.number()).isNull();
        assertThat(task.section()).isNull();
        assertThat(task.title()).isEqualTo(row[0]);
        assertThat(task.unitsIn(UnitRole.LEAD)).containsExactlyElementsOf(names(row[1]));
        assertThat(task.unitsIn(UnitRole.SUPPORT)).containsExactlyElementsOf(names(row[2]));
        assertThat(task.unitsIn(UnitRole.RESPONSIBLE)).containsExactlyElementsOf(names(row[3]));
        assertThat(task.unitsIn(UnitRole.IMPLEMENTING)).containsExactlyElementsOf(IMPLEMENTERS);
        assertThat(task.deadlineStated()).isEqualTo(!row[4].equals("-"));
        assertThat(task.deadline()).isEqualTo(row[4].equals("-") ? END_OF_PERIOD : LocalDate.parse(row[4]));
        assertThat(task.startDate()).isEqualTo(row[5].equals("-") ? null : LocalDate.parse(row[5]));
    }

    private static List<String> names(String cell) {
        return cell.equals("-") ? List.of() : Arrays.asList(cell.split("、"));
    }

    @Test
    void findsEveryTaggedTaskAndNothingElse() {
        assertThat(plan.tasks())
                .hasSize((int)
                        EXPECTED_TASKS.lines().filter(line -> !line.isBlank()).count())
                .hasSize(47);
    }

    @Test
    void isAFiveYearPlanWithoutATitleInItsText() {
        assertThat(plan.kind()).isEqualTo(PlanKind.FIVE_YEAR);
        assertThat(plan.periodStart()).isEqualTo(2021);
        assertThat(plan.periodEnd()).isEqualTo(2025);
        assertThat(plan.defaultDeadline()).isEqualTo(END_OF_PERIOD);
        assertThat(plan.title()).isNull();
        assertThat(plan.issuer()).isEqualTo("昌吉回族自治州人民政府");
        assertThat(plan.warnings()).contains("未找到计划名称，请在审核时填写");
    }

    @Test
    void theBlanketRuleStartsAtTheTaskThatStatesItAndIsNotPartOfItsText() {
        DraftTask first = plan.tasks().get(0);

        assertThat(first.text()).contains("动态更新污染源排查整治清单。").doesNotContain("不再列出", "牵头");
        assertThat(plan.tasks())
                .allSatisfy(task ->
                        assertThat(task.unitsIn(UnitRole.IMPLEMENTING)).containsExactlyElementsOf(IMPLEMENTERS));
    }

    @Test
    void supportUnitsThatShareResponsibilityAreMarked() {
        assertThat(plan.tasks())
                .filteredOn(DraftTask::supportShareResponsibility)
                .extracting(DraftTask::title)
                .containsExactly("实施地下水污染风险管控");
    }

    @Test
    void untaggedParagraphsJoinTheNextTaggedOne() {
        assertThat(plan.tasks().get(4).text()).startsWith("强化重点监管单位监管").contains("\n定期组织开展土壤污染重点监管单位周边土壤环境监测");
        assertThat(plan.tasks().get(10).text())
                .startsWith("开展土壤污染状况调查评估。")
                .contains("充分应用昌吉州重点行业企业用地土壤污染状况调查成果", "鼓励各县(市)对列入年度建设用地供应计划的地块")
                .contains("并报各县(市)人民政府生态环境主管部门备案。");
        assertThat(plan.tasks().get(18).text()).startsWith("以保护和改善地下水环境质量为核心");
    }

    @Test
    void goalsAndTheCutOffEndAreNotTasks() {
        assertThat(plan.tasks())
                .extracting(DraftTask::text)
                .noneMatch(text -> text.contains("到2035年"))
                .noneMatch(text -> text.contains("充实土壤环境监管人员"));
        assertThat(plan.warnings())
                .anyMatch(warning -> warning.startsWith("文本末尾的段落未写明牵头单位") && warning.contains("充实土壤环境监管人员"));
    }

    @Test
    void readsTheQuantitativeTargetsOfTasks() {
        assertThat(plan.tasks().get(32).targets())
                .containsExactly(
                        new DraftTarget("昌吉州秸秆综合利用率达到90%以上", new BigDecimal("90"), "%", "以上"),
                        new DraftTarget("农田残膜回收率达到85%以上", new BigDecimal("85"), "%", "以上"));
        assertThat(plan.tasks().get(37).targets())
                .containsExactly(new DraftTarget("力争农村生活污水治理率达到30%左右", new BigDecimal("30"), "%", "左右"));
        assertThat(plan.tasks().get(41).targets())
                .containsExactly(
                        new DraftTarget("实现农村生活垃圾分类处理行政村全覆盖", new BigDecimal("100"), "%", "全覆盖"),
                        new DraftTarget("力争对生活垃圾进行分类减量行政村占比达到50%以上", new BigDecimal("50"), "%", "以上"));
        assertThat(plan.tasks().get(10).targets())
                .as("3个高风险地块 is a count, not a target")
                .isEmpty();
    }

    @Test
    void readsTheIndicatorTableRowByRow() {
        assertThat(plan.indicators())
                .extracting(
                        DraftIndicator::category,
                        DraftIndicator::name,
                        DraftIndicator::unit,
                        DraftIndicator::baseline,
                        DraftIndicator::target,
                        DraftIndicator::binding,
                        DraftIndicator::source)
                .containsExactly(
                        tuple("生态环境", "受污染耕地安全利用率", "%", null, "≥98%", true, "新疆维吾尔自治区指标"),
                        tuple("生态环境", "城市地下水集中式饮用水水源水质达到或有优于Ⅲ类比例", null, "100", "100", false, null),
                        tuple("生态环境", "国家地下水环境质量考核点位水质目标", null, "水质级别保持稳定", "水质类别不降低", false, null),
                        tuple("农业农村生态环境", "化肥使用量", "万吨", "14.53万吨", "减少", false, "新疆维吾尔自治区指标"),
                        tuple("农业农村生态环境", "农村环境整治村庄数量", "个", null, "达到264个", false, "昌吉州生态环境保护“十四五”规划提供"),
                        tuple("农业农村生态环境", "农村生活污水治理率", "%", null, "30%左右", true, "自治区生态环境保护“十四五”规划提供"),
                        tuple(
                                "农业农村生态环境",
                                "废弃农膜回收利用率",
                                "%",
                                "80%",
                                "≥85%",
                                false,
                                "昌吉回族自治州国民经济和社会发展第十四个五年规划和2035 年远景目标纲要"),
                        tuple("农业农村生态环境", "畜禽粪污综合利用率", "%", "75%", "≥80%", false, "中共中央 国务院关于深入打好污染防治攻坚战的意见"));
    }
}
