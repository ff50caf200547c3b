package cn.duban.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.springframework.core.io.ClassPathResource;

/**
 * Fills a Word template: every {@code {{name}}} in its paragraphs, tables, headers and footers becomes the field's
 * value (an unknown name stays visible). Word often splits what someone typed into several runs; a paragraph with a
 * placeholder is joined into its first run (keeping that run's font), the other paragraphs are left untouched.
 */
final class DocxFiller {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z]+)\\s*}}");

    private DocxFiller() {}

    static byte[] fill(String template, Map<String, String> fields) {
        try (InputStream in = new ClassPathResource("documents/" + template).getInputStream();
                XWPFDocument document = new XWPFDocument(in)) {
            fillParagraphs(document.getParagraphs(), fields);
            fillTables(document.getTables(), fields);
            document.getHeaderList().forEach(header -> {
                fillParagraphs(header.getParagraphs(), fields);
                fillTables(header.getTables(), fields);
            });
            document.getFooterList().forEach(footer -> {
                fillParagraphs(footer.getParagraphs(), fields);
                fillTables(footer.getTables(), fields);
            });
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("模板 " + template + " 无法读取", e);
        }
    }

    private static void fillTables(List<XWPFTable> tables, Map<String, String> fields) {
        for (XWPFTable table : tables) {
            for (XWPFTableRow row : table.getRows()) {
                for (XWPFTableCell cell : row.getTableCells()) {
                    fillParagraphs(cell.getParagraphs(), fields);
                    fillTables(cell.getTables(), fields);
                }
            }
        }
    }

    private static void fillParagraphs(List<XWPFParagraph> paragraphs, Map<String, String> fields) {
        for (XWPFParagraph paragraph : paragraphs) {
            String text = paragraph.getText();
            if (text == null || !text.contains("{{")) {
                continue;
            }
            Matcher matcher = PLACEHOLDER.matcher(text);
            StringBuilder filled = new StringBuilder();
            while (matcher.find()) {
                String value = fields.get(matcher.group(1));
                matcher.appendReplacement(filled, Matcher.quoteReplacement(value == null ? matcher.group() : value));
            }
            matcher.appendTail(filled);
            List<XWPFRun> runs = paragraph.getRuns();
            if (runs.isEmpty()) {
                continue;
            }
            for (int i = runs.size() - 1; i > 0; i--) {
                paragraph.removeRun(i);
            }
            XWPFRun first = runs.get(0);
            String[] lines = filled.toString().split("\n", -1);
            first.setText(lines[0], 0);
            for (int i = 1; i < lines.length; i++) {
                first.addBreak();
                first.setText(lines[i]);
            }
        }
    }
}
