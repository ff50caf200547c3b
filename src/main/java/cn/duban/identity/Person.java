package cn.duban.identity;

/**
 * A member of staff as the others know them: 姓名, phone and position, and the unit they belong to ({@code unitId}
 * and {@code unitName} null for someone outside every unit, e.g. an administrator). {@code name} falls back to the
 * account's name and then to the user id while nobody has entered a 姓名.
 */
public record Person(String userId, String name, String phone, String position, String unitId, String unitName) {

    /** How a page names the person: "王建国（州生态环境局）", or the name alone outside every unit. */
    public String label() {
        return unitName == null ? name : name + "（" + unitName + "）";
    }
}
