package cn.duban.plan.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Other ways plans write tasks, units, deadlines and targets, in small plans written for the purpose. */
class PlanTextParserStylesTest {

    private final PlanTextParser parser = new PlanTextParser();

    @Test
    void theFirstListedUnitLeadsWhenThePlanSaysSo() {
        DraftPlan plan = parser.parse("""
                某州2020年度大气污染防治工作方案
                以下各项任务中，排在第一位的部门为牵头部门，其他部门按职责分工负责。
                一、重点任务
                （一）开展扬尘治理。加强施工工地扬尘管控（州住建局、环保局、城管局）。
                （二）推进燃煤锅炉改造。完成城区燃煤锅炉淘汰（州发改委）。
                """);

        DraftTask dust = plan.tasks().get(0);
        assertThat(dust.unitsIn(UnitRole.LEAD)).containsExactly("州住建局");
        assertThat(dust.unitsIn(UnitRole.SUPPORT)).containsExactly("州环保局", "州城管局");
        assertThat(dust.supportShareResponsibility()).isTrue();
        DraftTask boilers = plan.tasks().get(1);
        assertThat(boilers.unitsIn(UnitRole.LEAD)).containsExactly("州发改委");
        assertThat(boilers.unitsIn(UnitRole.SUPPORT)).isEmpty();
    }

    @Test
    void theFirstListedConventionAlsoReadsAsListedFirstLeads() {
        DraftPlan plan = parser.parse("""
                某州2020年度固体废物治理工作方案
                各项任务所列单位中，列第一位者为牵头单位。
                1.清理非正规垃圾堆放点。完成排查整治（州环保局、财政局、住建局）。
                """);

        DraftTask task = plan.tasks().get(0);
        assertThat(task.unitsIn(UnitRole.LEAD)).containsExactly("州环保局");
        assertThat(task.unitsIn(UnitRole.SUPPORT)).containsExactly("州财政局", "州住建局");
        assertThat(task.supportShareResponsibility()).isFalse();
    }

    @Test
    void withoutTheConventionAPlainListOfNamesIsNoTag() {
        assertThatThrownBy(() -> parser.parse("""
                某州2020年度固体废物治理工作方案
                1.清理非正规垃圾堆放点。完成排查整治（州环保局、财政局）。
                """)).isInstanceOf(PlanTextException.class);
    }

    @Test
    void readsLeadAndResponsibleUnitsOnLinesOfTheirOwn() {
        DraftPlan plan = parser.parse("""
                关于推进土壤污染防治的实施方案
                1.开展农用地详查。完成全县农用地土壤污染状况详查。
                牵头单位：县环保局
                责任单位：县农业局、国土局
                2.建立监管名录。建立重点监管企业名录。
                牵头单位：县环保局
                责任单位：县经信局
                """);

        assertThat(plan.title()).isEqualTo("关于推进土壤污染防治的实施方案");
        assertThat(plan.kind()).isEqualTo(PlanKind.OTHER);
        assertThat(plan.tasks()).extracting(DraftTask::number).containsExactly("1.", "2.");
        DraftTask survey = plan.tasks().get(0);
        assertThat(survey.title()).isEqualTo("开展农用地详查");
        assertThat(survey.text()).isEqualTo("开展农用地详查。完成全县农用地土壤污染状况详查。");
        assertThat(survey.unitsIn(UnitRole.LEAD)).containsExactly("县环保局");
        assertThat(survey.unitsIn(UnitRole.SUPPORT)).containsExactly("县农业局", "县国土局");
        assertThat(plan.tasks().get(1).unitsIn(UnitRole.SUPPORT)).containsExactly("县经信局");
    }

    @Test
    void readsLeadWithCooperatingOrGuidedByAndMixedPunctuation() {
        DraftPlan plan = parser.parse("""
                某市2019年度水污染防治工作方案
                (1)整治黑臭水体。完成建成区黑臭水体整治（市住建局牵头，市环保局、水务局配合）。
                (2)规范排污口。开展入河排污口排查(市环保局指导，各区(县)人民政府、水务局参与）。
                1．加强宣传。开展节水宣传活动（市委宣传部、市水务局负责）。
                """);

        assertThat(plan.tasks()).extracting(DraftTask::number).containsExactly("(1)", "(2)", "1．");
        DraftTask blackWater = plan.tasks().get(0);
        assertThat(blackWater.unitsIn(UnitRole.LEAD)).containsExactly("市住建局");
        assertThat(blackWater.unitsIn(UnitRole.SUPPORT)).containsExactly("市环保局", "市水务局");
        DraftTask outlets = plan.tasks().get(1);
        assertThat(outlets.unitsIn(UnitRole.LEAD)).containsExactly("市环保局");
        assertThat(outlets.unitsIn(UnitRole.SUPPORT)).containsExactly("各区(县)人民政府", "市水务局");
        assertThat(outlets.text()).isEqualTo("规范排污口。开展入河排污口排查。");
        DraftTask publicity = plan.tasks().get(2);
        assertThat(publicity.title()).isEqualTo("加强宣传");
        assertThat(publicity.unitsIn(UnitRole.RESPONSIBLE)).containsExactly("市委宣传部", "市水务局");
    }

    @Test
    void takesTheTrailingBalancedGroupWhenTheTextHasParenthesesToo() {
        DraftPlan plan = parser.parse("""
                某州2021年度土壤污染防治工作方案
                （一）开展详查。在各县(市)开展农用地详查（试点），名单见附件（州环保局牵头，州自然资源局、住建局等参与，各县(市)人民政府负责落实）。
                """);

        DraftTask task = plan.tasks().get(0);
        assertThat(task.text()).isEqualTo("开展详查。在各县(市)开展农用地详查（试点），名单见附件。");
        assertThat(task.unitsIn(UnitRole.LEAD)).containsExactly("州环保局");
        assertThat(task.unitsIn(UnitRole.SUPPORT)).containsExactly("州自然资源局", "州住建局");
        assertThat(task.unitsIn(UnitRole.IMPLEMENTING)).containsExactly("各县(市)人民政府");
    }

    @Test
    void anUntaggedParagraphJoinsTheNextTaggedOne() {
        DraftPlan plan = parser.parse("""
                某县2021年度农村环境整治工作方案
                一、重点任务
                推进农村改厕。
                全面推进农村卫生厕所改造，2021年9月底前完成300户改厕任务。(县农业农村局牵头,县卫健委等参与)
                二、保障措施
                加强资金保障，统筹安排专项资金。
                """);

        assertThat(plan.tasks()).hasSize(1);
        DraftTask task = plan.tasks().get(0);
        assertThat(task.section()).isEqualTo("一、重点任务");
        assertThat(task.title()).isEqualTo("推进农村改厕");
        assertThat(task.text()).isEqualTo("推进农村改厕。\n全面推进农村卫生厕所改造，2021年9月底前完成300户改厕任务。");
        assertThat(task.unitsIn(UnitRole.LEAD)).containsExactly("县农业农村局");
        assertThat(task.unitsIn(UnitRole.SUPPORT)).containsExactly("县卫健委");
        assertThat(task.deadline()).isEqualTo(LocalDate.of(2021, 9, 30));
        assertThat(task.targets())
                .as("完成300户 is a quantity of work, not a rate")
                .isEmpty();
    }

    @Test
    void readsEveryDeadlinePhrasingAndAStartYear() {
        DraftPlan plan = parser.parse("""
                某州2022年度生态环境保护工作方案
                1.任务甲。2022年底前完成。(州生态环境局负责)
                2.任务乙。到2023年完成。(州生态环境局负责)
                3.任务丙。2022年6月底前完成。(州生态环境局负责)
                4.任务丁。2025年前完成。(州生态环境局负责)
                5.任务戊。2021－2023年持续推进。(州生态环境局负责)
                6.任务己。2022年起实施新标准。(州生态环境局负责)
                7.任务庚。2022年6月底前完成方案，2022年底前全面完成。(州生态环境局负责)
                8.任务辛。以2020年为基准年，依据《三年行动计划(2018-2022年)》开展第三次调查。(州生态环境局负责)
                """);

        assertThat(plan.kind()).isEqualTo(PlanKind.ANNUAL);
        assertThat(plan.tasks())
                .extracting(DraftTask::deadline)
                .containsExactly(
                        LocalDate.of(2022, 12, 31),
                        LocalDate.of(2023, 12, 31),
                        LocalDate.of(2022, 6, 30),
                        LocalDate.of(2025, 12, 31),
                        LocalDate.of(2023, 12, 31),
                        LocalDate.of(2022, 12, 31),
                        LocalDate.of(2022, 12, 31),
                        LocalDate.of(2022, 12, 31));
        assertThat(plan.tasks())
                .extracting(DraftTask::deadlineStated)
                .containsExactly(true, true, true, true, true, false, true, false);
        assertThat(plan.tasks().get(5).startDate()).isEqualTo(LocalDate.of(2022, 1, 1));
        assertThat(plan.tasks()).filteredOn(task -> task.startDate() != null).hasSize(1);
    }

    @Test
    void aFiveYearPlanDefaultsToTheEndOfItsPeriod() {
        DraftPlan fourteenth = parser.parse("""
                某州生态环境保护“十四五”规划
                1.推进治理。持续推进污染治理。(州生态环境局负责)
                """);
        DraftPlan byYears = parser.parse("""
                某州农业农村污染治理规划（2016—2020年）
                1.推进治理。持续推进污染治理。(州农业农村局负责)
                """);

        assertThat(fourteenth.kind()).isEqualTo(PlanKind.FIVE_YEAR);
        assertThat(fourteenth.periodStart()).isEqualTo(2021);
        assertThat(fourteenth.tasks().get(0).deadline()).isEqualTo(LocalDate.of(2025, 12, 31));
        assertThat(byYears.kind()).isEqualTo(PlanKind.FIVE_YEAR);
        assertThat(byYears.periodEnd()).isEqualTo(2020);
        assertThat(byYears.tasks().get(0).deadline()).isEqualTo(LocalDate.of(2020, 12, 31));
        assertThat(byYears.tasks().get(0).deadlineStated()).isFalse();
    }

    @Test
    void readsQuantitativeTargets() {
        DraftPlan plan = parser.parse("""
                某州2023年度农业面源污染治理工作方案
                1.提升利用水平。全州秸秆综合利用率达到90%以上，农村生活污水治理率30%左右，行政村垃圾收运全覆盖。(州农业农村局负责)
                2.保障水质。饮用水水源水质达标率不低于95%，受污染耕地安全利用率≥98%，整治村庄达到264个。(州生态环境局负责)
                """);

        assertThat(plan.tasks().get(0).targets())
                .containsExactly(
                        new DraftTarget("全州秸秆综合利用率达到90%以上", new BigDecimal("90"), "%", "以上"),
                        new DraftTarget("农村生活污水治理率30%左右", new BigDecimal("30"), "%", "左右"),
                        new DraftTarget("行政村垃圾收运全覆盖", new BigDecimal("100"), "%", "全覆盖"));
        assertThat(plan.tasks().get(1).targets())
                .containsExactly(
                        new DraftTarget("饮用水水源水质达标率不低于95%", new BigDecimal("95"), "%", "≥"),
                        new DraftTarget("受污染耕地安全利用率≥98%", new BigDecimal("98"), "%", "≥"),
                        new DraftTarget("整治村庄达到264个", new BigDecimal("264"), "个", null));
    }

    @Test
    void warnsWhenATaskNamesNoLeadingUnit() {
        DraftPlan plan = parser.parse("""
                某州2023年度饮用水水源保护工作方案
                1.划定保护区。完成乡镇水源保护区划定；(州水利局、卫健委配合)
                """);

        assertThat(plan.tasks().get(0).unitsIn(UnitRole.SUPPORT)).containsExactly("州水利局", "州卫健委");
        assertThat(plan.warnings()).containsExactly("第1项任务“划定保护区”未写明牵头单位，请在审核时补充");
    }

    @Test
    void refusesAnEmptyText() {
        assertThatThrownBy(() -> parser.parse(""))
                .isInstanceOf(PlanTextException.class)
                .hasMessage("计划文本为空");
        assertThatThrownBy(() -> parser.parse(" \n\u3000\n"))
                .isInstanceOf(PlanTextException.class)
                .hasMessage("计划文本为空");
    }

    @Test
    void refusesATextWithoutAnyTask() {
        assertThatThrownBy(() -> parser.parse("""
                关于做好春季植树工作的通知
                各县市：春季植树工作即将开始，请结合实际认真组织（具体安排另行通知）。
                """))
                .isInstanceOf(PlanTextException.class)
                .hasMessage("未在文本中找到任何任务：请确认这是一份列有牵头单位的工作方案或规划");
    }
}
