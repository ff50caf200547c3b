package cn.duban.plan.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.duban.plan.PlanRejectedException;
import cn.duban.plan.text.DraftPlan;
import cn.duban.plan.text.DraftTask;
import cn.duban.plan.text.PlanTextParser;
import cn.duban.plan.text.UnitRole;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Every format the office receives plans in reads into the same draft. */
class PlanTextReaderTest {

    private final PlanTextReader reader = new PlanTextReader();
    private final PlanTextParser parser = new PlanTextParser();

    @Test
    void anExcelBreakdownWithMergedCellsGivesOneTaskPerRow() {
        DraftPlan plan = parser.parse(reader.read("分解表.xlsx", PlanFiles.breakdownXlsx()));

        assertThat(plan.title()).isEqualTo("玛纳斯县2025年农村人居环境整治任务分解表");
        assertThat(plan.tasks())
                .extracting(DraftTask::title)
                .containsExactly("完成农村户厕问题摸排整改", "推进农村生活垃圾分类试点", "开展村庄清洁行动，清理陈年垃圾", "建设农村污水处理设施5座");
        DraftTask merged = plan.tasks().get(2);
        assertThat(merged.unitsIn(UnitRole.LEAD)).containsExactly("州住建局");
        assertThat(merged.unitsIn(UnitRole.SUPPORT)).isEmpty();
        assertThat(merged.deadline()).isEqualTo(LocalDate.of(2025, 10, 31));
        assertThat(plan.tasks().get(3).unitsIn(UnitRole.SUPPORT)).containsExactly("州发改委", "州水利局");
        assertThat(plan.tasks().get(0).deadline()).isEqualTo(LocalDate.of(2025, 6, 30));
    }

    @Test
    void aPdfIsReadFromItsTextLayerWithItsWrappedLinesJoined() {
        DraftPlan plan = parser.parse(reader.read("方案.pdf", PlanFiles.pdf(PlanFiles.AIR_PLAN)));

        assertThat(plan.title()).isEqualTo("昌吉州2025年秋冬季大气污染防治攻坚方案");
        assertThat(plan.tasks()).hasSize(4);
        assertThat(plan.tasks().get(0).accountableUnits()).containsExactly("州生态环境局", "州市场监督管理局");
        assertThat(plan.tasks().get(0).deadline()).isEqualTo(LocalDate.of(2025, 10, 31));
        assertThat(plan.tasks().get(1).unitsIn(UnitRole.SUPPORT)).containsExactly("州住建局");
        assertThat(plan.tasks().get(3).unitsIn(UnitRole.IMPLEMENTING)).containsExactly("各县(市)人民政府");
    }

    @Test
    void aScannedPdfIsRefusedWithWhatToDo() {
        assertThatThrownBy(() -> reader.read("扫描件.pdf", PlanFiles.scannedPdf()))
                .isInstanceOf(PlanRejectedException.class)
                .hasMessageContaining("没有文字层（可能是扫描件）")
                .hasMessageContaining("OCR");
    }

    @Test
    void brokenOrOldFilesAreRefusedInChinese() {
        byte[] notExcel = "not a workbook".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> reader.read("表.xlsx", notExcel)).hasMessageContaining("无法读取该Excel文件");
        assertThatThrownBy(() -> reader.read("表.xls", notExcel)).hasMessageContaining("另存为.xlsx");
        assertThatThrownBy(() -> reader.read("方案.pdf", notExcel)).hasMessageContaining("无法读取该PDF文件");
        assertThatThrownBy(() -> reader.read("方案.txt", new byte[0])).hasMessageContaining("文件是空的");
    }

    @Test
    void aWordTableIsReadAsATaskTable() {
        byte[] docx = PlanFiles.docx(java.util.List.of("昌吉州2025年民生实事任务清单"));
        try (var document = new org.apache.poi.xwpf.usermodel.XWPFDocument(new java.io.ByteArrayInputStream(docx));
                var out = new java.io.ByteArrayOutputStream()) {
            var table = document.createTable(3, 4);
            String[][] cells = {
                {"序号", "任务", "责任单位", "完成时限"}, {"1", "新建公办幼儿园3所", "州教育局", "2025年8月底前"}, {"2", "改造老旧小区20个", "州住建局", ""}
            };
            for (int r = 0; r < 3; r++) {
                for (int c = 0; c < 4; c++) {
                    table.getRow(r).getCell(c).setText(cells[r][c]);
                }
            }
            document.write(out);
            DraftPlan plan = parser.parse(reader.read("清单.docx", out.toByteArray()));
            assertThat(plan.tasks()).extracting(DraftTask::title).containsExactly("新建公办幼儿园3所", "改造老旧小区20个");
            assertThat(plan.tasks().get(1).deadline()).isEqualTo(LocalDate.of(2025, 8, 31));
            assertThat(plan.tasks().get(1).accountableUnits()).containsExactly("州住建局");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
