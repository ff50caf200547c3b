package cn.duban.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * E-mails carry what people wrote (an urge, a reason, a task's title) as plain text: a mail program shows an image
 * tag or a link written into them as those characters, and a line break in a subject starts no header of its own.
 */
class MailChannelTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @Test
    void userTextIsSentAsPlainTextAndCannotAddHeaders() throws Exception {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("localhost");
        sender.setPort(smtp.getSmtp().getPort());
        sender.setDefaultEncoding("UTF-8"); // as spring.mail.default-encoding
        MailChannel mail = new MailChannel(sender, "duban@duban.test");
        String body = "第1次催办：请报送<img src=x onerror=\"alert(1)\">，见<a href=\"http://evil.example/\">通知</a>"
                + "和[点此](http://evil.example/md)";

        mail.send("unit@duban.test", "催办：土壤详查\r\nBcc: thief@evil.example", body);

        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).as("nobody else got a copy").hasSize(1);
        MimeMessage message = received[0];
        assertThat(message.getContentType()).startsWith("text/plain");
        assertThat(((String) message.getContent()).strip()).isEqualTo(body);
        assertThat(message.getAllRecipients()).extracting(Object::toString).containsExactly("unit@duban.test");
        assertThat(message.getRecipients(Message.RecipientType.BCC)).isNull();
        assertThat(message.getHeader("Bcc")).isNull();
        assertThat(GreenMailUtil.getHeaders(message)).doesNotContain("\nBcc:");
        assertThat(message.getSubject()).startsWith("催办：土壤详查").contains("Bcc: thief@evil.example");
    }
}
