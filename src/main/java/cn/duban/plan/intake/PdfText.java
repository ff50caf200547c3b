package cn.duban.plan.intake;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * The text layer of a PDF plan. A PDF breaks its paragraphs into lines at the page's width: a line as wide as the
 * page that does not end a sentence continues on the next line, unless that one starts a numbered item.
 */
final class PdfText {

    private static final Pattern ITEM_START =
            Pattern.compile("^(（[一二三四五六七八九十\\d]+）|\\([一二三四五六七八九十\\d]+\\)|\\d{1,3}[.．、](?!\\d)|[一二三四五六七八九十]+、"
                    + "|(牵头|责任|配合|参与|协办|协助|实施|落实)(单位|部门)\\s*[：:]|完成时限)");

    private PdfText() {}

    /** The text, or an empty string when the PDF has no text layer (a scan). */
    static String of(byte[] content) throws IOException {
        try (PDDocument document = Loader.loadPDF(content)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            return joinWrappedLines(stripper.getText(document));
        }
    }

    static String joinWrappedLines(String text) {
        List<String> lines = text.replace("\r", "").lines().map(String::strip).toList();
        int width = lines.stream().mapToInt(String::length).max().orElse(0);
        List<String> paragraphs = new ArrayList<>();
        StringBuilder paragraph = new StringBuilder();
        for (String line : lines) {
            boolean continues =
                    paragraph.length() > 0 && !ITEM_START.matcher(line).find() && !line.isEmpty();
            if (!continues && paragraph.length() > 0) {
                paragraphs.add(paragraph.toString());
                paragraph.setLength(0);
            }
            paragraph.append(line);
            boolean full =
                    line.length() >= width * 0.85 && !line.endsWith("。") && !line.endsWith("）") && !line.endsWith(")");
            if (!full) {
                paragraphs.add(paragraph.toString());
                paragraph.setLength(0);
            }
        }
        if (paragraph.length() > 0) {
            paragraphs.add(paragraph.toString());
        }
        return String.join("\n", paragraphs);
    }
}
