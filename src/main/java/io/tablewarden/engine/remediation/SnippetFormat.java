package io.tablewarden.engine.remediation;

/**
 * The language of a remediation text, which decides how a placeholder's value is written into it. Each field of
 * the remediation has one format: {@code cli} is {@link #SHELL}, {@code cloudFormation} {@link #YAML},
 * {@code terraform} {@link #HCL}, {@code summary} and {@code console} {@link #MARKDOWN}.
 */
public enum SnippetFormat {

    /** bash: the token is a whole word or part of one, outside any quotes; see {@link ShellWords}. */
    SHELL,
    /** YAML: the token stands between the double quotes of a scalar; see {@link YamlStrings}. */
    YAML,
    /** HCL: the token stands between the double quotes of a string; see {@link HclStrings}. */
    HCL,
    /** Markdown text; see {@link MarkdownText}. */
    MARKDOWN,
    /** Plain text for an output that escapes every value itself (a JSON string field): the value unchanged. */
    TEXT;

    /**
     * The value escaped for this format. With {@code json} the value is first escaped as the inside of a JSON
     * string, and that text is then escaped like any value: the form for a value inside a JSON document that a
     * command receives as one argument (the snippet writes the JSON quotes around the token).
     */
    public String escape(String value, boolean json) {
        String text = json ? JsonStrings.content(value) : value;
        return switch (this) {
            case SHELL -> ShellWords.word(text);
            case YAML -> YamlStrings.content(text);
            case HCL -> HclStrings.content(text);
            case MARKDOWN -> MarkdownText.text(text);
            case TEXT -> text;
        };
    }
}
