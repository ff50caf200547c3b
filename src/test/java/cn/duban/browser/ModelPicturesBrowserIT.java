package cn.duban.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The pictures of the models in {@code docs/images/}, drawn from the files in {@code processes/} by bpmn-js and
 * dmn-js (webjars on the test classpath) in Chromium: a BPMN file as bpmn-js's {@code saveSVG()}, the DMN file as its
 * decision table laid out by dmn-js and copied box by box into an SVG. Every run rewrites every picture, and fails when
 * a picture it replaced showed other elements or labels than the model has, so a stale picture is noticed; commit the
 * rewritten files. Positions and line breaks do not count, as they follow the fonts of the machine.
 */
class ModelPicturesBrowserIT {

    static final Path MODELS = Paths.get("processes");
    static final Path PICTURES = Paths.get("docs", "images");

    /** Chinese labels are measured in WenQuanYi (Debian) and shown in whatever CJK font the reader has. */
    static final String FONTS =
            "Arial, 'WenQuanYi Micro Hei', 'Microsoft YaHei', 'PingFang SC', 'Noto Sans CJK SC', sans-serif";

    @Test
    void everyModelHasAPictureDrawnFromTheModelItself() throws IOException {
        List<Path> models;
        try (Stream<Path> files = Files.list(MODELS)) {
            models = files.filter(
                            f -> f.toString().endsWith(".bpmn") || f.toString().endsWith(".dmn"))
                    .sorted()
                    .toList();
        }
        assertThat(models).hasSizeGreaterThanOrEqualTo(5);
        Files.createDirectories(PICTURES);
        List<String> stale = new ArrayList<>();
        try (Browser browser = new Browser("about:blank")) {
            Page page = browser.blankPage();
            for (Path model : models) {
                String xml = Files.readString(model);
                boolean bpmn = model.toString().endsWith(".bpmn");
                String svg = normalised(bpmn ? drawBpmn(page, xml) : drawDecisionTable(page, xml));
                assertThat(svg).as(model.toString()).startsWith("<?xml").contains("</svg>");
                assertThat(fingerprint(svg))
                        .as(model + ": every label of the model is in the picture")
                        .containsAll(labels(xml));
                Path picture = PICTURES.resolve(model.getFileName().toString().replaceAll("\\.(bpmn|dmn)$", ".svg"));
                if (!Files.exists(picture)
                        || !fingerprint(Files.readString(picture)).equals(fingerprint(svg))) {
                    stale.add(picture.toString());
                }
                Files.writeString(picture, svg);
            }
        }
        assertThat(stale)
                .as("pictures that did not show their model; rewritten now, commit them")
                .isEmpty();
    }

    private static String drawBpmn(Page page, String xml) {
        open(page, "bpmn-js", "dist/bpmn-viewer.production.min.js", "dist/assets/diagram-js.css");
        return (String) page.evaluate("""
                async ([xml, fonts]) => {
                  const viewer = new BpmnJS({ container: '#canvas', textRenderer: { defaultStyle: { fontFamily: fonts } } });
                  await viewer.importXML(xml);
                  const { svg } = await viewer.saveSVG();
                  viewer.destroy();
                  const [, x, y, w, h] = svg.match(/viewBox="([-\\d.]+) ([-\\d.]+) ([\\d.]+) ([\\d.]+)"/);
                  return svg.replace(/(<svg[^>]*>)/, `$1<rect x="${x}" y="${y}" width="${w}" height="${h}" fill="white"/>`);
                }""", List.of(xml, FONTS));
    }

    /**
     * dmn-js draws a decision table as HTML, and its {@code saveSVG()} covers only the requirements diagram; so the
     * laid-out table is copied into SVG: every box with its background and borders, every text at its place.
     */
    private static String drawDecisionTable(Page page, String xml) {
        open(
                page,
                "dmn-js",
                "dist/dmn-viewer.production.min.js",
                "dist/assets/dmn-js-shared.css",
                "dist/assets/dmn-js-decision-table.css",
                "dist/assets/dmn-font/css/dmn-embedded.css");
        return (String) page.evaluate("""
                async ([xml, fonts]) => {
                  const viewer = new DmnJS({ container: '#canvas' });
                  const call = (f) => new Promise((resolve, reject) => f((err, warnings) => err ? reject(err) : resolve(warnings)));
                  await call(done => viewer.importXML(xml, done));
                  await call(done => viewer.open(viewer.getViews().find(view => view.type === 'decisionTable'), done));
                  const root = document.querySelector('#canvas .dmn-decision-table-container') || document.querySelector('#canvas');
                  const origin = root.getBoundingClientRect();
                  const esc = s => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
                  const n = v => Math.round(v * 10) / 10;
                  const shapes = [], texts = [];
                  let width = 0, height = 0;
                  const grow = () => {};
                  for (const part of root.querySelectorAll('.decision-table-header, .tjs-table')) {
                    const r = part.getBoundingClientRect();
                    width = Math.max(width, r.right - origin.left);
                    height = Math.max(height, r.bottom - origin.top);
                  }
                  for (const el of root.querySelectorAll('*')) {
                    const css = getComputedStyle(el);
                    const r = el.getBoundingClientRect();
                    if (css.display === 'none' || css.visibility === 'hidden' || r.width === 0 || r.height === 0) continue;
                    const x = r.left - origin.left, y = r.top - origin.top;
                    const bg = css.backgroundColor;
                    if (bg && bg !== 'rgba(0, 0, 0, 0)' && bg !== 'transparent') {
                      shapes.push(`<rect x="${n(x)}" y="${n(y)}" width="${n(r.width)}" height="${n(r.height)}" fill="${bg}"/>`);
                      grow(r);
                    }
                    for (const [side, x1, y1, x2, y2] of [['Top', x, y, x + r.width, y], ['Bottom', x, y + r.height, x + r.width, y + r.height],
                                                          ['Left', x, y, x, y + r.height], ['Right', x + r.width, y, x + r.width, y + r.height]]) {
                      const w = parseFloat(css['border' + side + 'Width']);
                      if (w > 0 && css['border' + side + 'Style'] !== 'none') {
                        shapes.push(`<line x1="${n(x1)}" y1="${n(y1)}" x2="${n(x2)}" y2="${n(y2)}" stroke="${css['border' + side + 'Color']}" stroke-width="${w}"/>`);
                        grow(r);
                      }
                    }
                    for (const node of el.childNodes) {
                      if (node.nodeType !== Node.TEXT_NODE || !node.textContent.trim()) continue;
                      const range = document.createRange();
                      range.selectNodeContents(node);
                      const t = range.getBoundingClientRect();
                      if (t.width === 0) continue;
                      const size = parseFloat(css.fontSize);
                      const baseline = t.top - origin.top + (t.height + size * 0.7) / 2;
                      texts.push(`<text x="${n(t.left - origin.left)}" y="${n(baseline)}" font-size="${size}" font-weight="${css.fontWeight}" fill="${css.color}" font-style="${css.fontStyle}">${esc(node.textContent.trim())}</text>`);
                      grow(t);
                    }
                  }
                  width = Math.ceil(width) + 12; height = Math.ceil(height) + 2;
                  return `<?xml version="1.0" encoding="utf-8"?>\\n<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${esc(fonts)}">`
                    + `<rect width="100%" height="100%" fill="white"/>` + shapes.join('') + texts.join('') + '</svg>\\n';
                }""", List.of(xml, FONTS));
    }

    /** A page with the viewer's bundle and styles, and a canvas wide enough for the largest model. */
    private static void open(Page page, String webjar, String script, String... styles) {
        StringBuilder css = new StringBuilder();
        for (String style : styles) {
            css.append(webjarFile(webjar, style)).append('\n');
        }
        page.setContent("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><style>" + css
                + "\nbody { margin: 0; font-family: " + FONTS + "; }"
                + "\n#canvas { width: 3000px; height: 1600px; }"
                + "\n#canvas .tjs-container, #canvas .tjs-container * { white-space: nowrap !important; }"
                + "\n#canvas .tjs-container, #canvas .tjs-table { max-width: none !important; table-layout: auto !important; }"
                + "</style></head><body><div id=\"canvas\"></div></body></html>");
        page.addScriptTag(new Page.AddScriptTagOptions().setContent(webjarFile(webjar, script)));
    }

    private static String webjarFile(String webjar, String file) {
        String base = "/META-INF/resources/webjars/" + webjar + "/" + webjarVersion(webjar) + "/";
        try (InputStream in = ModelPicturesBrowserIT.class.getResourceAsStream(base + file)) {
            if (in == null) {
                throw new IllegalStateException("not on the test classpath: " + base + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String webjarVersion(String webjar) {
        String path = "/META-INF/maven/org.webjars.npm/" + webjar + "/pom.properties";
        try (InputStream in = ModelPicturesBrowserIT.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(
                        "the webjar org.webjars.npm:" + webjar + " is not on the test classpath");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same model gives the same file: generated marker ids numbered in order, one line per element. */
    static String normalised(String svg) {
        Matcher markers =
                Pattern.compile("id=\"((?:[a-z]+-)+)([a-z0-9]{20,})\"").matcher(svg);
        String result = svg;
        int number = 0;
        while (markers.find()) {
            result = result.replace(markers.group(1) + markers.group(2), markers.group(1) + number++);
        }
        result = result.replace("><g", ">\n<g")
                .replace("><rect", ">\n<rect")
                .replace("><line", ">\n<line")
                .replace("><text", ">\n<text")
                .replace("><defs", ">\n<defs")
                .replace("><marker", ">\n<marker");
        return result.endsWith("\n") ? result : result + "\n";
    }

    /** What a picture shows, apart from where: its elements' ids and every text, without line breaks or spaces. */
    static List<String> fingerprint(String svg) {
        List<String> shown = new ArrayList<>();
        Matcher ids = Pattern.compile("data-element-id=\"([^\"]+)\"").matcher(svg);
        while (ids.find()) {
            shown.add("id:" + ids.group(1));
        }
        Matcher texts =
                Pattern.compile("<text[^>]*>(.*?)</text>", Pattern.DOTALL).matcher(svg);
        while (texts.find()) {
            String text = texts.group(1).replaceAll("<[^>]+>", "").replaceAll("\\s+", "");
            if (!text.isEmpty()) {
                shown.add(unescape(text));
            }
        }
        return shown.stream().sorted().toList();
    }

    /** The names a model gives its elements, each of which the picture must show. */
    static List<String> labels(String xml) {
        List<String> labels = new ArrayList<>();
        Matcher names = Pattern.compile(
                        "<(?:bpmn:)?(?:userTask|serviceTask|callActivity|subProcess|task)\\b[^>]*\\bname=\"([^\"]+)\"")
                .matcher(xml);
        while (names.find()) {
            labels.add(unescape(names.group(1)).replaceAll("\\s+", ""));
        }
        Matcher inputs = Pattern.compile("<input [^>]*\\blabel=\"([^\"]+)\"").matcher(xml);
        while (inputs.find()) {
            labels.add(unescape(inputs.group(1)).replaceAll("\\s+", ""));
        }
        return labels;
    }

    private static String unescape(String text) {
        return text.replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&#10;", "")
                .replace("&amp;", "&");
    }
}
