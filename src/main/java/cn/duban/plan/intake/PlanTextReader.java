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

/** The text of an uploaded plan: a .docx (Word) document, or plain text in UTF-8 or GB18030 (GBK). */
@Component
public class PlanTextReader {

    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final String FILE = "文件";

    public String read(String fileName, byte[] content) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".doc")) {
            throw reject("不支持旧版Word（.doc）文件，请另存为.docx或纯文本后再上传");
        }
        String text = name.endsWith(".docx") ? docx(content) : plainText(content);
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
                    table.getRows().forEach(row -> text.append(row.getTableCells().stream()
                            .map(cell -> cell.getText().strip()).collect(Collectors.joining(" "))).append('\n'));
                }
            });
            return text.toString();
        } catch (IOException | RuntimeException e) {
            throw reject("无法读取该Word文件：文件已损坏或不是.docx格式");
        }
    }

    private static String plainText(byte[] content) {
        if (looksBinary(content)) {
            throw reject("该文件不是文本文件：请上传.txt或.docx格式的计划文本");
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
                .decode(ByteBuffer.wrap(content)).toString();
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
