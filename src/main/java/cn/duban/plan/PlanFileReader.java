package cn.duban.plan;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Reads the bytes of a YAML plan file into a {@link PlanFile}, explaining in Chinese what it cannot read. */
@Component
class PlanFileReader {

    private static final String FILE = "文件";

    private final YAMLMapper yaml = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
            .build();

    PlanFile read(byte[] content) {
        String text = decode(content);
        if (text.isBlank()) {
            throw PlanRejectedException.invalid(new ImportProblem(ImportProblem.PLAN, FILE, "计划文件是空的"));
        }
        try {
            PlanFile plan = yaml.readValue(text, PlanFile.class);
            if (plan == null) {
                throw PlanRejectedException.invalid(new ImportProblem(ImportProblem.PLAN, FILE, "计划文件是空的"));
            }
            return plan;
        } catch (UnrecognizedPropertyException e) {
            throw reject(e, "不认识的字段“" + e.getPropertyName() + "”，可用的字段见导入格式说明");
        } catch (MismatchedInputException e) {
            throw reject(e, "字段“" + path(e) + "”的内容格式不对（应为文字、日期或列表）");
        } catch (JsonProcessingException e) {
            throw reject(e, "不是有效的YAML，请检查缩进、冒号和引号");
        } catch (IOException e) {
            throw PlanRejectedException.invalid(new ImportProblem(ImportProblem.PLAN, FILE, "无法读取计划文件"));
        }
    }

    private static String decode(byte[] content) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content))
                    .toString();
        } catch (CharacterCodingException e) {
            throw PlanRejectedException.invalid(
                    new ImportProblem(ImportProblem.PLAN, FILE, "计划文件不是UTF-8编码的文本，请另存为UTF-8后再导入"));
        }
    }

    private static PlanRejectedException reject(JsonProcessingException e, String message) {
        String field = e instanceof JsonMappingException mapping ? path(mapping) : FILE;
        return PlanRejectedException.invalid(
                new ImportProblem(ImportProblem.PLAN, field, "计划文件" + at(e.getLocation()) + "：" + message));
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + (ref.getIndex() + 1) + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }

    private static String at(JsonLocation location) {
        return location == null || location.getLineNr() < 1
                ? ""
                : "第" + location.getLineNr() + "行第" + location.getColumnNr() + "列附近";
    }
}
