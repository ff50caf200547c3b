package cn.duban.evidence;

import java.util.Locale;

/** A file's name as a person gave it, made safe to store and show; sizes as people read them. */
final class FileNames {

    private FileNames() {}

    /** The last part of the name (browsers may send a path), without control characters, at most 200 characters. */
    static String clean(String submitted) {
        String name = submitted == null ? "" : submitted;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.replaceAll("[\\p{Cntrl}\\p{Cf}]", "").strip();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            throw EvidenceRefusal.bad("文件没有名称，请选择一个有名称的文件。");
        }
        if (name.codePointCount(0, name.length()) > 200) {
            throw EvidenceRefusal.bad("文件名过长（超过200个字），请改短后再上传。");
        }
        return name;
    }

    static String size(long bytes) {
        if (bytes >= 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f MB", bytes / 1024.0 / 1024.0)
                    .replace(".0 MB", " MB");
        }
        return String.format(Locale.ROOT, "%.0f KB", Math.ceil(bytes / 1024.0));
    }
}
