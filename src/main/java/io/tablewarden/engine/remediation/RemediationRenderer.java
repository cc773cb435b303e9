package io.tablewarden.engine.remediation;

import io.tablewarden.model.CheckMetadata;
import io.tablewarden.model.CheckResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills {@code {{token}}} placeholders in remediation snippets with the values a result carries, so the
 * user copies a command that runs as it is. Names, ARNs and regions come from the account and are
 * attacker-controlled, so every value is escaped for the format of the text it goes into
 * ({@link SnippetFormat}): a value is always data in the filled snippet, never code or markup. A token without
 * a value stays visible as {@code {{token}}} rather than silently becoming an empty string.
 *
 * <p>A token may carry the filter {@code |json} ({@code {{table_arn|json}}}): the value becomes a JSON string
 * literal first, for a JSON document passed to a command.
 */
public final class RemediationRenderer {

    /** Tokens are lower snake case between double braces, e.g. {@code {{table_name}}} or {@code {{table_arn|json}}}. */
    public static final Pattern TOKEN = Pattern.compile("\\{\\{([a-z][a-z0-9_]*)(\\|json)?}}");

    private RemediationRenderer() {
    }

    /**
     * Replaces every known token in {@code template} with its value escaped for {@code format}; unknown tokens are
     * left in place. A shell snippet that would need a value no argument can carry (one with a NUL character)
     * is replaced by a comment saying so, rather than offering a command aimed at a different name.
     */
    public static String fill(String template, Map<String, String> values, SnippetFormat format) {
        if (template == null || template.isEmpty()) {
            return template;
        }
        if (format == SnippetFormat.SHELL) {
            for (String token : tokens(template)) {
                String value = values.get(token);
                if (value != null && !ShellWords.representable(value)) {
                    return "# No command is offered: the value of " + token
                            + " contains a NUL character, which no shell argument can carry.\n";
                }
            }
        }
        Matcher m = TOKEN.matcher(template);
        StringBuilder out = new StringBuilder(template.length() + 64);
        while (m.find()) {
            String value = values.get(m.group(1));
            boolean json = m.group(2) != null;
            String text = value == null ? m.group() : format.escape(value, json);
            m.appendReplacement(out, Matcher.quoteReplacement(text));
            if (format == SnippetFormat.SHELL && value != null && !json && value.startsWith("-")) {
                attachToOption(out, text.length());
            }
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * A command-line parser reads a separate word starting with {@code -} as an option of its own, so
     * {@code --table-name -orders} fails with "expected one argument". When such a value follows an option
     * ({@code --name } just before it), the space becomes {@code =}: {@code --table-name=-orders}, which every
     * AWS CLI option accepts.
     */
    private static void attachToOption(StringBuilder out, int valueLength) {
        int space = out.length() - valueLength - 1;
        if (space < 2 || out.charAt(space) != ' ') {
            return;
        }
        int start = space;
        while (start > 0 && isOptionChar(out.charAt(start - 1))) {
            start--;
        }
        if (start + 2 < space && out.charAt(start) == '-' && out.charAt(start + 1) == '-'
                && (start == 0 || Character.isWhitespace(out.charAt(start - 1)))) {
            out.setCharAt(space, '=');
        }
    }

    private static boolean isOptionChar(char c) {
        return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-';
    }

    /** The fix for the cause of {@code result} (or the generic one) of {@code metadata}, filled with its placeholders. */
    public static CheckMetadata.Remediation fillFor(CheckMetadata metadata, CheckResult result) {
        return fill(metadata.remediationFor(result), result);
    }

    /** The remediation of {@code metadata} filled with the placeholders of {@code result}, each field in its format. */
    public static CheckMetadata.Remediation fill(CheckMetadata.Remediation remediation, CheckResult result) {
        Map<String, String> values = result.placeholders();
        List<String> console = new ArrayList<>();
        remediation.console().forEach(step -> console.add(fill(step, values, SnippetFormat.MARKDOWN)));
        return new CheckMetadata.Remediation(fill(remediation.summary(), values, SnippetFormat.MARKDOWN),
                fill(remediation.cli(), values, SnippetFormat.SHELL),
                fill(remediation.cloudFormation(), values, SnippetFormat.YAML),
                fill(remediation.terraform(), values, SnippetFormat.HCL), console, remediation.inPlace(),
                fill(remediation.regionCli(), values, SnippetFormat.SHELL));
    }

    /** Token names used in {@code template} (without filters), in order of first use. */
    public static List<String> tokens(String template) {
        List<String> out = new ArrayList<>();
        if (template != null) {
            Matcher m = TOKEN.matcher(template);
            while (m.find()) {
                if (!out.contains(m.group(1))) {
                    out.add(m.group(1));
                }
            }
        }
        return out;
    }
}
