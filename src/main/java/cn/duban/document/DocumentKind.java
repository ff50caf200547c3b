package cn.duban.document;

/** The documents Duban prints, each from its template in {@code src/main/resources/documents/}. */
public enum DocumentKind {
    DISPATCH("督办通知单", "dispatch.docx"),
    URGE("催办通知单", "urge.docx"),
    RECTIFICATION("整改通知书", "rectification.docx"),
    CLOSURE("办结报告", "closure.docx");

    private final String title;
    private final String template;

    DocumentKind(String title, String template) {
        this.title = title;
        this.template = template;
    }

    public String title() {
        return title;
    }

    String template() {
        return template;
    }
}
