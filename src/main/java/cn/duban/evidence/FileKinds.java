package cn.duban.evidence;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * What evidence may be: PDF, images and Office files (Microsoft's and WPS's), each recognised by its content (its
 * first bytes, and for the Office Open XML formats the parts inside the zip), not by its name alone. A file whose
 * name and content disagree is refused.
 */
final class FileKinds {

    static final String ACCEPTED =
            "PDF、图片（JPG、PNG、GIF、BMP、TIFF）、Word（doc、docx、wps）、Excel（xls、xlsx、et）、PowerPoint（ppt、pptx、dps）";

    /** What a name's extension promises: the kind of content and the media type it is served as. */
    private record Promise(Content content, String mediaType) {}

    private enum Content {
        PDF("PDF文件"),
        JPEG("JPG图片"),
        PNG("PNG图片"),
        GIF("GIF图片"),
        BMP("BMP图片"),
        TIFF("TIFF图片"),
        OLE("Office 97-2003或WPS文件"),
        DOCX("Word文档（docx）"),
        XLSX("Excel表格（xlsx）"),
        PPTX("PowerPoint演示文稿（pptx）");

        final String name;

        Content(String name) {
            this.name = name;
        }
    }

    private static final Map<String, Promise> BY_EXTENSION = Map.ofEntries(
            Map.entry("pdf", new Promise(Content.PDF, "application/pdf")),
            Map.entry("jpg", new Promise(Content.JPEG, "image/jpeg")),
            Map.entry("jpeg", new Promise(Content.JPEG, "image/jpeg")),
            Map.entry("png", new Promise(Content.PNG, "image/png")),
            Map.entry("gif", new Promise(Content.GIF, "image/gif")),
            Map.entry("bmp", new Promise(Content.BMP, "image/bmp")),
            Map.entry("tif", new Promise(Content.TIFF, "image/tiff")),
            Map.entry("tiff", new Promise(Content.TIFF, "image/tiff")),
            Map.entry("doc", new Promise(Content.OLE, "application/msword")),
            Map.entry("xls", new Promise(Content.OLE, "application/vnd.ms-excel")),
            Map.entry("ppt", new Promise(Content.OLE, "application/vnd.ms-powerpoint")),
            Map.entry("wps", new Promise(Content.OLE, "application/vnd.ms-works")),
            Map.entry("et", new Promise(Content.OLE, "application/vnd.ms-excel")),
            Map.entry("dps", new Promise(Content.OLE, "application/vnd.ms-powerpoint")),
            Map.entry(
                    "docx",
                    new Promise(
                            Content.DOCX, "application/vnd.openxmlformats-officedocument.wordprocessingml.document")),
            Map.entry(
                    "xlsx",
                    new Promise(Content.XLSX, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")),
            Map.entry(
                    "pptx",
                    new Promise(
                            Content.PPTX,
                            "application/vnd.openxmlformats-officedocument.presentationml.presentation")));

    private FileKinds() {}

    /** The media type to store and serve the file as; refuses (415) a name or content that is not evidence. */
    static String check(String fileName, byte[] bytes) {
        String extension = extension(fileName);
        Promise promise = BY_EXTENSION.get(extension);
        if (promise == null) {
            throw EvidenceRefusal.unsupported("不支持“" + (extension.isEmpty() ? "无扩展名" : "." + extension) + "”类型的文件“"
                    + fileName + "”。佐证材料可以是：" + ACCEPTED + "。");
        }
        Optional<Content> content = contentOf(bytes);
        if (content.isEmpty() || !matches(promise.content(), content.get())) {
            throw EvidenceRefusal.unsupported("文件“" + fileName + "”的内容不是" + promise.content().name
                    + content.map(found -> "（按内容判断是" + found.name + "）").orElse("（无法识别其内容）")
                    + "，请上传真实的文件，不要只改扩展名。");
        }
        return promise.mediaType();
    }

    private static boolean matches(Content promised, Content found) {
        return promised == found;
    }

    static String extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static Optional<Content> contentOf(byte[] bytes) {
        if (startsWith(bytes, "%PDF-".getBytes())) {
            return Optional.of(Content.PDF);
        }
        if (startsWith(bytes, 0xFF, 0xD8, 0xFF)) {
            return Optional.of(Content.JPEG);
        }
        if (startsWith(bytes, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of(Content.PNG);
        }
        if (startsWith(bytes, "GIF87a".getBytes()) || startsWith(bytes, "GIF89a".getBytes())) {
            return Optional.of(Content.GIF);
        }
        if (startsWith(bytes, 'B', 'M') && bytes.length > 26) {
            return Optional.of(Content.BMP);
        }
        if (startsWith(bytes, 'I', 'I', 0x2A, 0x00) || startsWith(bytes, 'M', 'M', 0x00, 0x2A)) {
            return Optional.of(Content.TIFF);
        }
        if (startsWith(bytes, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) {
            return Optional.of(Content.OLE);
        }
        if (startsWith(bytes, 'P', 'K', 0x03, 0x04)) {
            return officeOpenXml(bytes);
        }
        return Optional.empty();
    }

    /** A docx, xlsx or pptx: a zip with {@code [Content_Types].xml} and the main part's folder. */
    private static Optional<Content> officeOpenXml(byte[] bytes) {
        boolean contentTypes = false;
        Content main = null;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            ZipEntry entry;
            int entries = 0;
            while ((entry = zip.getNextEntry()) != null && entries++ < 10_000) {
                String name = entry.getName();
                if (name.equals("[Content_Types].xml")) {
                    contentTypes = true;
                } else if (name.startsWith("word/")) {
                    main = Content.DOCX;
                } else if (name.startsWith("xl/")) {
                    main = Content.XLSX;
                } else if (name.startsWith("ppt/")) {
                    main = Content.PPTX;
                }
            }
        } catch (IOException | IllegalArgumentException notAZip) {
            return Optional.empty();
        }
        return contentTypes ? Optional.ofNullable(main) : Optional.empty();
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != (prefix[i] & 0xFF)) {
                return false;
            }
        }
        return true;
    }
}
