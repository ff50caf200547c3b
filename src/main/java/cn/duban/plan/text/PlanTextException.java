package cn.duban.plan.text;

/** A text that is not a plan Duban can read; the message is in Chinese, for the person who uploaded it. */
public class PlanTextException extends RuntimeException {

    public PlanTextException(String message) {
        super(message);
    }
}
