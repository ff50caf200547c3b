package cn.duban.plan.intake;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/** Plan files made in the test: a task breakdown in Excel, a PDF with and without a text layer, a Word document. */
public final class PlanFiles {

    /** A CJK font on these machines (fonts-wqy-microhei), for PDFs with Chinese text. */
    public static final File CJK_FONT = new File("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc");

    private PlanFiles() {}

    /**
     * 某县2025年重点工作任务分解表: the headers in an unusual order, the lead unit and the deadline merged down over
     * tasks 2 and 3, a title row merged across.
     */
    public static byte[] breakdownXlsx() {
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("任务分解");
            String[][] rows = {
                {"玛纳斯县2025年农村人居环境整治任务分解表", "", "", "", ""},
                {"完成时限", "序号", "工作任务", "牵头单位", "配合单位"},
                {"2025年6月底前", "1", "完成农村户厕问题摸排整改", "州农业农村局", "州卫健委"},
                {"2025年10月底前", "2", "推进农村生活垃圾分类试点", "州住建局", "州财政局"},
                {"", "3", "开展村庄清洁行动，清理陈年垃圾", "", ""},
                {"2025年12月底前", "4", "建设农村污水处理设施5座", "州生态环境局", "州发改委、州水利局"}
            };
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    if (!rows[r][c].isEmpty()) {
                        row.createCell(c).setCellValue(rows[r][c]);
                    }
                }
            }
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, 4));
            sheet.addMergedRegion(new CellRangeAddress(3, 4, 0, 0));
            sheet.addMergedRegion(new CellRangeAddress(3, 4, 3, 3));
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A short plan as a PDF whose text layer holds the given lines (long lines are wrapped at the page's width). */
    public static byte[] pdf(List<String> lines) {
        try (PDDocument document = new PDDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                TrueTypeCollection fonts = new TrueTypeCollection(CJK_FONT)) {
            PDType0Font font = PDType0Font.load(document, fonts.getFontByName("WenQuanYiMicroHei"), true);
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(font, 11);
                content.setLeading(16);
                content.newLineAtOffset(50, 780);
                for (String line : lines) {
                    for (int from = 0; from < line.length(); from += 40) {
                        content.showText(line.substring(from, Math.min(line.length(), from + 40)));
                        content.newLine();
                    }
                }
                content.endText();
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A scan: a page with nothing in its text layer. */
    public static byte[] scannedPdf() {
        try (PDDocument document = new PDDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.addRect(50, 500, 400, 200);
                content.fill();
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A Word document with one paragraph per line. */
    public static byte[] docx(List<String> lines) {
        try (XWPFDocument document = new XWPFDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            lines.forEach(line -> document.createParagraph().createRun().setText(line));
            document.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** 某州2025年秋冬季大气污染防治攻坚方案, written for the tests, in units of the demo catalog. */
    public static final List<String> AIR_PLAN = List.of(
            "昌吉州2025年秋冬季大气污染防治攻坚方案",
            "为打好秋冬季重污染天气消除攻坚战，制定本方案。",
            "一、重点任务",
            "（一）推进燃煤锅炉综合整治。完成城市建成区燃煤锅炉淘汰，2025年10月底前全部完成。（州生态环境局、州市场监督管理局负责）加强清洁能源供应保障。（州发改委牵头，州住建局配合）",
            "（二）加强扬尘污染管控。施工工地严格落实扬尘防控措施，年内完成在线监测设备安装。（州住建局负责）",
            "（三）开展秸秆禁烧巡查。（州农业农村局牵头，州生态环境局配合，各县(市)人民政府负责落实）");
}
