package io.tablewarden.ui.results;

import io.tablewarden.ui.results.ResourceDetailViewModel.Language;
import org.fxmisc.richtext.model.StyleSpan;
import org.fxmisc.richtext.model.StyleSpans;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SyntaxHighlighterTest {

    /** The styled pieces of {@code text} as "class:piece". */
    private static List<String> pieces(String text, Language language) {
        StyleSpans<Collection<String>> spans = SyntaxHighlighter.highlight(text, language);
        assertEquals(text.length(), spans.length(), "spans cover the text exactly");
        List<String> out = new ArrayList<>();
        int at = 0;
        for (StyleSpan<Collection<String>> span : spans) {
            if (!span.getStyle().isEmpty()) {
                out.add(span.getStyle().iterator().next() + ":" + text.substring(at, at + span.getLength()));
            }
            at += span.getLength();
        }
        return out;
    }

    @Test
    void bashCommentsStringsFlagsAndVariables() {
        List<String> p = pieces("# fix it\naws dynamodb update-table --table-name \"orders\" $NAME\n", Language.BASH);
        assertTrue(p.contains("code-comment:# fix it"), p.toString());
        assertTrue(p.contains("code-keyword:aws"));
        assertTrue(p.contains("code-key:--table-name"));
        assertTrue(p.contains("code-string:\"orders\""));
        assertTrue(p.contains("code-variable:$NAME"));
    }

    @Test
    void yamlKeysAndHclBlocks() {
        List<String> yaml = pieces("Table:\n  Type: AWS::DynamoDB::Table\n  Enabled: true\n", Language.YAML);
        assertTrue(yaml.contains("code-key:Table"), yaml.toString());
        assertTrue(yaml.contains("code-key:  Type"));
        assertTrue(yaml.contains("code-keyword:true"));
        List<String> hcl = pieces("resource \"aws_dynamodb_table\" \"this\" {\n  name = \"orders\"\n}\n", Language.HCL);
        assertTrue(hcl.contains("code-keyword:resource"), hcl.toString());
        assertTrue(hcl.contains("code-key:  name"));
        assertTrue(hcl.contains("code-string:\"orders\""));
        assertTrue(pieces("1. Open the console.", Language.TEXT).isEmpty());
    }
}
