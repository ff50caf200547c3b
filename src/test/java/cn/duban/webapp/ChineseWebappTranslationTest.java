package cn.duban.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Chinese translations Duban ships for the Camunda webapps (zh.json) against the English ones of the webjar on
 * the classpath (en.json). The webapps only offer 'zh' (see each app's scripts/config.js), so a label missing from
 * zh.json would show its raw key: every app needs every key of its en.json.
 */
class ChineseWebappTranslationTest {

    private static final String APP = "META-INF/resources/webjars/camunda/app/";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*(\\w+)\\s*}}|\\{}");
    private static final Pattern LATIN_WORD = Pattern.compile("[A-Za-z]{2,}");
    /** The English plural suffix (labels like PLGN_BATCH_S), which Chinese does not need. */
    private static final String PLURAL_SUFFIX = "s";

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void everyEnglishLabelHasANonEmptyChineseOne(String app) throws IOException {
        Map<String, String> en = labels(app, "en");
        Map<String, String> zh = labels(app, "zh");

        assertThat(zh.keySet())
                .as("%s: labels of en.json missing from zh.json", app)
                .containsAll(en.keySet());
        assertThat(zh.keySet())
                .as("%s: labels of zh.json unknown to en.json", app)
                .isSubsetOf(en.keySet());
        for (Map.Entry<String, String> label : en.entrySet()) {
            String key = label.getKey();
            String chinese = zh.get(key);
            if (!label.getValue().isEmpty() && !label.getValue().equals(PLURAL_SUFFIX)) {
                assertThat(chinese).as("%s: %s", app, key).isNotBlank();
            }
            assertThat(placeholders(chinese))
                    .as("%s: placeholders of %s", app, key)
                    .isEqualTo(placeholders(label.getValue()));
        }
    }

    @Test
    void tasklistIsTranslatedCompletely() throws IOException {
        Map<String, String> en = labels("tasklist", "en");
        Map<String, String> zh = labels("tasklist", "zh");
        List<String> untranslated = new ArrayList<>();
        en.forEach((key, english) -> {
            if (LATIN_WORD.matcher(english).find() && english.equals(zh.get(key))) {
                untranslated.add(key);
            }
        });
        assertThat(untranslated).as("Tasklist labels still in English").isEmpty();
        assertThat(zh.get("CLAIM_TASK")).isEqualTo("签收");
        assertThat(zh.get("UNCLAIM_TASK")).isEqualTo("取消签收");
        assertThat(zh.get("COMPLETE")).isEqualTo("提交");
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin"})
    void datesAreWrittenTheChineseWay(String app) throws IOException {
        JsonNode dates = read(app, "zh").get("dateLocales");
        assertThat(dates.at("/longDateFormat/LL").asText()).isEqualTo("YYYY年M月D日");
        assertThat(dates.at("/longDateFormat/LLL").asText()).isEqualTo("YYYY年M月D日 HH:mm");
        assertThat(dates.at("/relativeTime/past").asText()).isEqualTo("%s前");
        assertThat(dates.at("/months/0").asText()).isEqualTo("一月");
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void chineseIsTheOnlyLanguageAndTheMigrationBannerIsHidden(String app) throws IOException {
        String config = text(APP + app + "/scripts/config.js");
        assertThat(config).contains("availableLocales: ['zh']").contains("fallbackLocale: 'zh'");
        assertThat(text(APP + app + "/styles/user-styles.css"))
                .containsPattern("\\.ce-eol-banner\\s*\\{\\s*display: none");
    }

    private static Set<String> placeholders(String label) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(label == null ? "" : label);
        while (matcher.find()) {
            names.add(matcher.group());
        }
        return names;
    }

    private static Map<String, String> labels(String app, String locale) throws IOException {
        Map<String, String> labels = new java.util.LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields =
                read(app, locale).get("labels").fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            labels.put(field.getKey(), field.getValue().asText());
        }
        return labels;
    }

    private static JsonNode read(String app, String locale) throws IOException {
        return JSON.readTree(text(APP + app + "/locales/" + locale + ".json"));
    }

    /** The resource as text, without the byte-order mark the webjar's en.json files start with. */
    private static String text(String resource) throws IOException {
        try (InputStream in =
                ChineseWebappTranslationTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        }
    }
}
