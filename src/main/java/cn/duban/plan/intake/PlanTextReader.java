package cn.duban.plan.intake;

import cn.duban.plan.ImportProblem;
import cn.duban.plan.PlanRejectedException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.springframework.stereotype.Component;

/**
 * The text of an uploaded plan: a .docx (Word) document, a task breakdown (.xlsx), a PDF with a text layer, or plain
 * text in UTF-8 or GB18030 (GBK).
 */
@Component
public class PlanTextReader {

    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final String FILE = "文件";

    public String read(String fileName, byte[] content) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".doc")) {
            throw reject("不支持旧版Word（.doc）文件，请另存为.docx或纯文本后再上传");
        }
        if (name.endsWith(".xls")) {
            throw reject("不支持旧版Excel（.xls）文件，请另存为.xlsx后再上传");
        }
        if (content == null || content.length == 0) {
            throw reject("计划文本为空：上传的文件是空的，请重新选择计划文件");
        }
        String text;
        if (name.endsWith(".docx")) {
            text = docx(content);
        } else if (name.endsWith(".xlsx")) {
            text = xlsx(content);
        } else if (name.endsWith(".pdf")) {
            text = pdf(content);
        } else {
            text = plainText(content);
        }
        if (text.isBlank()) {
            throw reject("计划文本为空");
        }
        return text;
    }

    private static String docx(byte[] content) {
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(content))) {
            StringBuilder text = new StringBuilder();
            document.getBodyElements().forEach(element -> {
                if (element instanceof XWPFParagraph paragraph) {
                    text.append(paragraph.getText()).append('\n');
                } else if (element instanceof XWPFTable table) {
                    table.getRows()
                            .forEach(row -> text.append(row.getTableCells().stream()
                                            .map(cell -> cell.getText().strip())
                                            .collect(Collectors.joining("\t")))
                                    .append('\n'));
                }
            });
            return text.toString();
        } catch (IOException | RuntimeException e) {
            throw reject("无法读取该Word文件：文件已损坏或不是.docx格式");
        }
    }

    private static String xlsx(byte[] content) {
        try {
            return SpreadsheetText.of(content);
        } catch (IOException | RuntimeException e) {
            throw reject("无法读取该Excel文件：文件已损坏或不是.xlsx格式，请用Excel另存为.xlsx后再上传");
        }
    }

    private static String pdf(byte[] content) {
        String text;
        try {
            text = PdfText.of(content);
        } catch (org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException e) {
            throw reject("该PDF文件设有密码，无法读取：请上传未加密的文件");
        } catch (IOException | RuntimeException e) {
            throw reject("无法读取该PDF文件：文件已损坏或不是PDF格式");
        }
        if (text.codePoints().noneMatch(Character::isLetterOrDigit)) {
            throw reject("该PDF没有文字层（可能是扫描件），无法识别其中的任务：请上传Word、Excel或文本格式的计划，" + "或先用文字识别（OCR）软件转换后再上传");
        }
        return text;
    }

    private static String plainText(byte[] content) {
        if (looksBinary(content)) {
            throw reject("该文件不是文本文件：请上传.txt、.docx、.xlsx、.pdf或.yaml格式的计划文件");
        }
        try {
            return decode(content, StandardCharsets.UTF_8);
        } catch (CharacterCodingException notUtf8) {
            try {
                return decode(content, GB18030);
            } catch (CharacterCodingException e) {
                throw reject("无法识别文件编码：请另存为UTF-8编码的文本后再上传");
            }
        }
    }

    private static String decode(byte[] content, Charset charset) throws CharacterCodingException {
        String text = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(content))
                .toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static boolean looksBinary(byte[] content) {
        int limit = Math.min(content.length, 4096);
        for (int i = 0; i < limit; i++) {
            if (content[i] == 0) {
                return true;
            }
        }
        return false;
    }

    private static PlanRejectedException reject(String message) {
        return PlanRejectedException.invalid(new ImportProblem(ImportProblem.PLAN, FILE, message));
    }
}
