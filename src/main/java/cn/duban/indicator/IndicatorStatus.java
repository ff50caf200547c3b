package cn.duban.indicator;

/** Where an indicator stands against its target, with the word the dashboard shows. */
public enum IndicatorStatus {
    ON_TRACK("正常"),
    OFF_TRACK("偏离目标"),
    NO_DATA("未报送"),
    UNKNOWN("无法量化判断");

    private final String text;

    IndicatorStatus(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }
}
