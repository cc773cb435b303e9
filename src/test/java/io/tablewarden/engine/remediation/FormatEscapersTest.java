package io.tablewarden.engine.remediation;

import com.bertramlabs.plugins.hcl4j.HCLParser;
import org.commonmark.node.Document;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;

import static io.tablewarden.engine.remediation.ShellWordsTest.describe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Properties of the YAML, HCL and Markdown escapers and of {@link VisibleText}, for random hostile strings: the
 * YAML scalar and the HCL string parse back to the value and a comment holding them stays a comment; the Markdown
 * text renders as one paragraph of plain text (no HTML, link, emphasis or code); visible text holds no control
 * or bidirectional character.
 */
class FormatEscapersTest {

    private static final int SAMPLES = 600;

    @Test
    void yamlScalarsParseBackToTheValue() {
        Random random = new Random(11L);
        for (int i = 0; i < SAMPLES; i++) {
            String value = HostileStrings.next(random);
            String content = YamlStrings.content(value);
            String doc = "k: \"" + content + "\"\n# " + content + "\nz: 1\n";
            Map<String, Object> parsed;
            try {
                parsed = new Yaml(new SafeConstructor(new LoaderOptions())).load(doc);
            } catch (RuntimeException e) {
                throw new AssertionError(describe(value) + ": " + e.getMessage(), e);
            }
            assertEquals(Map.of("k", VisibleText.wellFormed(value), "z", 1), parsed, describe(value));
        }
    }

    @Test
    void hclStringsParseBackToTheValue() {
        Random random = new Random(13L);
        PrintStream original = System.out;
        System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        try {
            for (int i = 0; i < SAMPLES; i++) {
                String value = HostileStrings.next(random);
                String content = HclStrings.content(value);
                assertEquals(VisibleText.wellFormed(value), HclStringDecoder.decode(content), describe(value));
                // hcl4j knows no backslash-u escape: it reads the values whose hidden characters have short escapes
                value = VisibleText.wellFormed(value).codePoints()
                        .map(c -> VisibleText.isHidden(c) && c != '\n' && c != '\r' && c != '\t' ? '?' : c)
                        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
                content = HclStrings.content(value);
                if (content.contains("$$${") || content.contains("%%%{")) {
                    // HCL reads "$$${" as "$" then the escape "$${" (as Terraform writes it); hcl4j does not
                    continue;
                }
                String doc = "k = \"" + content + "\"\n# " + content + "\nz = \"end\"\n";
                Map<String, Object> parsed;
                try {
                    parsed = new HCLParser().parse(doc);
                } catch (Exception e) {
                    throw new AssertionError(describe(value) + ": " + e.getMessage(), e);
                }
                // hcl4j keeps template sequences as written, so it reads the doubled form back
                String asWritten = value.replaceAll("([$%])\\{", "$1$1{");
                assertEquals(Map.of("k", asWritten, "z", "end"), parsed, describe(value));
            }
        } finally {
            System.setOut(original);
        }
    }

    @Test
    void hclKeepsTemplateSequencesLiteral() {
        assertEquals("$${x} %%{ if } $$${", HclStrings.content("${x} %{ if } $${"));
        assertEquals("a\\\"b\\\\c\\n\\u202E", HclStrings.content("a\"b\\c\n\u202e"));
    }

    @Test
    void markdownRendersAsPlainTextOnly() {
        Random random = new Random(17L);
        Parser parser = Parser.builder().build();
        for (int i = 0; i < SAMPLES; i++) {
            String value = HostileStrings.next(random);
            String step = "Open " + MarkdownText.text(value) + " and save.";
            Node document = parser.parse(step);
            StringBuilder text = new StringBuilder();
            collectText(document, text, value);
            assertEquals("Open " + VisibleText.of(value) + " and save.", text.toString(), describe(value));
            String alone = MarkdownText.text(value);
            if (!alone.isEmpty()) {
                StringBuilder own = new StringBuilder();
                collectText(parser.parse(alone), own, value);
                assertEquals(VisibleText.of(value).strip(), own.toString().strip(), "at line start: " + describe(value));
            }
        }
    }

    @Test
    void markdownLeavesOrdinaryTableNamesAsTheyAre() {
        assertEquals("orders_v2", MarkdownText.text("orders_v2"));
        assertEquals("my-table.prod", MarkdownText.text("my-table.prod"));
        assertEquals("\\_x\\_ a\\*b\\* \\<b\\> \\&amp;", MarkdownText.text("_x_ a*b* <b> &amp;"));
        assertEquals("\\-x 1. \\\\e", MarkdownText.text("-x 1. \u001b"));
        assertEquals("12\\. x", MarkdownText.text("12. x"));
    }

    /** Only a document, one paragraph and text nodes are allowed: anything else is markup the value made. */
    private static void collectText(Node node, StringBuilder out, String value) {
        if (node instanceof Text) {
            out.append(((Text) node).getLiteral());
        } else if (!(node instanceof Document) && !(node instanceof Paragraph)) {
            fail(node.getClass().getSimpleName() + " rendered from " + describe(value));
        }
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            collectText(child, out, value);
        }
    }

    @Test
    void visibleTextHoldsNoHiddenCharacter() {
        Random random = new Random(19L);
        for (int i = 0; i < SAMPLES; i++) {
            String value = HostileStrings.next(random);
            String visible = VisibleText.of(value);
            assertTrue(visible.chars().noneMatch(VisibleText::isHidden), describe(value));
            assertEquals(visible, VisibleText.wellFormed(visible), describe(value));
        }
        assertEquals("\\e]0;x\\a\\0\\n\\x7F\\x9B\\u202E\\u2066ok", VisibleText.of("\u001b]0;x\u0007\0\n\u007f\u009b\u202e\u2066ok"));
        assertEquals("caf\u00e9 \uD83D\uDE00", VisibleText.of("caf\u00e9 \uD83D\uDE00"));
        assertEquals("\uFFFDx", VisibleText.of("\uD800x"));
        assertFalse(VisibleText.of("a\u200fb").contains("\u200f"));
    }
}
