package cn.duban.web;

/** The answer to an address that is not written plainly (encoded slashes, "..", ";", "//", "%25", …). */
public final class MalformedAddress {

    public static final String DETAIL = "请求地址不规范（含有编码的斜杠、“..”、“;”、连续的“/”或多余的百分号编码等），已拒绝。" + "请使用接口文档中的地址重试。";

    public static final String PROBLEM =
            "{\"type\":\"about:blank\",\"title\":\"请求地址无效\",\"status\":400,\"detail\":\"" + DETAIL + "\"}";

    private MalformedAddress() {}
}
