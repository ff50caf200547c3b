package cn.duban.notification;

/** Sends one text message to a mobile phone through an SMS gateway; an exception means "try again later". */
public interface SmsProvider {

    /** Whether a gateway is set up; without one no SMS is queued at all. */
    boolean configured();

    void send(String mobile, String text) throws Exception;
}
