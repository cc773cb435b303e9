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
 * user copies a command that runs as it is. A token without a value stays visible as {@code {{token}}}
 * rather than silently becoming an empty string.
 */
public final class RemediationRenderer {

    /** Tokens are lower snake case between double braces, e.g. {@code {{table_name}}}. */
    public static final Pattern TOKEN = Pattern.compile("\\{\\{([a-z][a-z0-9_]*)}}");

    private RemediationRenderer() {
    }

    /** Replaces every known token in {@code template}; unknown tokens are left in place. */
    public static String fill(String template, Map<String, String> values) {
        if (template == null || template.isEmpty()) {
            return template;
        }
        Matcher m = TOKEN.matcher(template);
        StringBuilder out = new StringBuilder(template.length() + 64);
        while (m.find()) {
            String value = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value != null ? value : m.group()));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The remediation of {@code metadata} filled with the placeholders of {@code result}. */
    public static CheckMetadata.Remediation fill(CheckMetadata.Remediation remediation, CheckResult result) {
        Map<String, String> values = result.placeholders();
        List<String> console = new ArrayList<>();
        remediation.console().forEach(step -> console.add(fill(step, values)));
        return new CheckMetadata.Remediation(fill(remediation.summary(), values), fill(remediation.cli(), values),
                fill(remediation.cloudFormation(), values), fill(remediation.terraform(), values), console,
                remediation.inPlace());
    }

    /** Token names used in {@code template}, in order of first use. */
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
