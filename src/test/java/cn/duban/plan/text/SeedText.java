package cn.duban.plan.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads a seed plan's text from the test classpath. */
final class SeedText {

    private SeedText() {}

    static String read(String fileName) {
        try (InputStream in = SeedText.class.getResourceAsStream("/seeds/" + fileName)) {
            if (in == null) {
                throw new IllegalStateException("missing seed " + fileName);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
