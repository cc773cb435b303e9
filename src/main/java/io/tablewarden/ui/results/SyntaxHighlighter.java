package io.tablewarden.ui.results;

import io.tablewarden.ui.results.ResourceDetailViewModel.Language;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Small regex highlighters for the remediation snippets: enough to tell comments, strings, keys and commands
 * apart, not a parser. Each pattern's named groups map to the CSS classes {@code code-comment},
 * {@code code-string}, {@code code-keyword}, {@code code-key} and {@code code-variable}.
 */
final class SyntaxHighlighter {

    private static final List<String> GROUPS = List.of("comment", "string", "keyword", "key", "variable");

    private static final Pattern BASH = Pattern.compile(
            "(?<comment>#[^\\n]*)"
                    + "|(?<string>\"(?:\\\\.|[^\"\\\\])*\"|'[^']*')"
                    + "|(?<keyword>\\b(?:aws|if|then|else|fi|for|do|done|read|echo|export|while)\\b)"
                    + "|(?<key>--[a-z0-9-]+)"
                    + "|(?<variable>\\$\\{?[A-Za-z_][A-Za-z0-9_]*}?)");

    private static final Pattern YAML = Pattern.compile(
            "(?<comment>#[^\\n]*)"
                    + "|(?<string>\"(?:\\\\.|[^\"\\\\])*\"|'[^']*')"
                    + "|(?<keyword>!(?:Ref|GetAtt|Sub|Join|If)\\b|\\b(?:true|false)\\b)"
                    + "|(?<key>^[ \\t-]*[A-Za-z0-9_.]+(?=:))"
                    + "|(?<variable>\\bAWS::[A-Za-z:]+)", Pattern.MULTILINE);

    private static final Pattern HCL = Pattern.compile(
            "(?<comment>#[^\\n]*|//[^\\n]*)"
                    + "|(?<string>\"(?:\\\\.|[^\"\\\\])*\")"
                    + "|(?<keyword>\\b(?:resource|data|variable|output|locals|true|false|dynamic)\\b)"
                    + "|(?<key>^[ \\t]*[a-z0-9_]+(?=\\s*=))"
                    + "|(?<variable>\\b(?:var|local|aws_[a-z0-9_]+)\\.[A-Za-z0-9_.]+)", Pattern.MULTILINE);

    private SyntaxHighlighter() {
    }

    static StyleSpans<Collection<String>> highlight(String text, Language language) {
        Pattern pattern = patternFor(language);
        StyleSpansBuilder<Collection<String>> spans = new StyleSpansBuilder<>();
        int last = 0;
        if (pattern != null) {
            Matcher m = pattern.matcher(text);
            while (m.find()) {
                String group = null;
                for (String name : GROUPS) {
                    if (m.group(name) != null) {
                        group = name;
                        break;
                    }
                }
                spans.add(Collections.emptyList(), m.start() - last);
                spans.add(Collections.singleton("code-" + group), m.end() - m.start());
                last = m.end();
            }
        }
        spans.add(Collections.emptyList(), text.length() - last);
        return spans.create();
    }

    private static Pattern patternFor(Language language) {
        switch (language) {
            case BASH:
                return BASH;
            case YAML:
                return YAML;
            case HCL:
                return HCL;
            default:
                return null;
        }
    }
}
