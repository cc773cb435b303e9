package io.tablewarden.engine.metadata;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Finds the {@code aws ...} commands in a bash snippet, with quoting removed as bash would, so that their flags can
 * be checked. Understands single and double quotes, backslash escapes and line continuations, comments, command
 * substitution {@code $(...)} (searched recursively, also inside double quotes), arithmetic {@code $((...))},
 * {@code ${...}} expansions, redirections, and the usual list operators. A commented-out line that starts with
 * {@code aws } is an alternative command offered to the reader and is checked too.
 * It is a reader for our snippets, not a bash implementation: {@code bash -n} checks the syntax.
 */
final class ShellCommands {

    /** Placeholder for the output of a command substitution inside a word. */
    static final String SUBSTITUTION = "$(...)";

    private static final Set<String> SEPARATORS = Set.of(";", ";;", "&&", "||", "|", "&", "(", ")", "\n");
    private static final Set<String> RESERVED = Set.of("if", "then", "else", "elif", "fi", "do", "done", "while",
            "until", "for", "case", "esac", "!", "{", "}", "time");

    private record Token(String text, boolean operator) {
    }

    private final String text;
    private final List<List<String>> found;
    private int pos;

    private ShellCommands(String text, List<List<String>> found) {
        this.text = text;
        this.found = found;
    }

    /** The aws commands of {@code script}, each as its words (the first is {@code aws}). */
    static List<List<String>> awsCommands(String script) {
        List<List<String>> found = new ArrayList<>();
        collect(uncommentAlternatives(script), found);
        return found;
    }

    private static String uncommentAlternatives(String script) {
        StringBuilder out = new StringBuilder();
        for (String line : script.split("\n", -1)) {
            String trimmed = line.trim();
            if (trimmed.startsWith("#")) {
                String rest = trimmed.substring(1).trim();
                out.append(rest.startsWith("aws ") ? rest : "");
            } else {
                out.append(line);
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static void collect(String script, List<List<String>> found) {
        ShellCommands reader = new ShellCommands(script, found);
        List<Token> tokens = reader.tokens();
        List<String> command = new ArrayList<>();
        boolean skipTarget = false;
        boolean started = false;
        for (Token token : tokens) {
            if (token.operator() && SEPARATORS.contains(token.text())) {
                finish(command, found);
                command = new ArrayList<>();
                started = false;
                skipTarget = false;
                continue;
            }
            if (token.operator()) {
                skipTarget = !token.text().matches(".*&[0-9-]+");
                continue;
            }
            if (skipTarget) {
                skipTarget = false;
                continue;
            }
            String word = token.text();
            if (!started && (RESERVED.contains(word) || word.matches("[A-Za-z_][A-Za-z0-9_]*\\+?=.*"))) {
                continue;
            }
            started = true;
            command.add(word);
        }
        finish(command, found);
    }

    private static void finish(List<String> command, List<List<String>> found) {
        if (!command.isEmpty() && command.get(0).equals("aws")) {
            found.add(List.copyOf(command));
        }
    }

    private List<Token> tokens() {
        List<Token> out = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '\\' && peek(1) == '\n') {
                pos += 2;
                inWord = flush(out, word, inWord);
            } else if (c == ' ' || c == '\t') {
                pos++;
                inWord = flush(out, word, inWord);
            } else if (c == '#' && !inWord) {
                while (pos < text.length() && text.charAt(pos) != '\n') {
                    pos++;
                }
            } else if (c == '\n' || c == ';' || c == '|' || c == '&' || c == '(' || c == ')') {
                inWord = flush(out, word, inWord);
                String op = String.valueOf(c);
                if ((c == ';' || c == '|' || c == '&') && peek(1) == c) {
                    op = op + c;
                }
                pos += op.length();
                out.add(new Token(op, true));
            } else if (c == '<' || c == '>') {
                String prefix = inWord && word.toString().matches("[0-9]+") ? word.toString() : null;
                if (prefix == null) {
                    inWord = flush(out, word, inWord);
                } else {
                    word.setLength(0);
                    inWord = false;
                }
                int start = pos;
                while (pos < text.length() && "<>&".indexOf(text.charAt(pos)) >= 0) {
                    pos++;
                }
                while (pos < text.length() && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '-')
                        && text.charAt(pos - 1) == '&') {
                    pos++;
                }
                out.add(new Token((prefix == null ? "" : prefix) + text.substring(start, pos), true));
            } else if (c == '\'') {
                int end = text.indexOf('\'', pos + 1);
                if (end < 0) {
                    throw new IllegalArgumentException("unterminated single quote");
                }
                word.append(text, pos + 1, end);
                pos = end + 1;
                inWord = true;
            } else if (c == '"') {
                pos++;
                doubleQuoted(word);
                inWord = true;
            } else if (c == '$') {
                dollar(word);
                inWord = true;
            } else if (c == '`') {
                throw new IllegalArgumentException("backtick substitution: use $(...)");
            } else if (c == '\\') {
                word.append(peek(1));
                pos += 2;
                inWord = true;
            } else {
                word.append(c);
                pos++;
                inWord = true;
            }
        }
        flush(out, word, inWord);
        return out;
    }

    private static boolean flush(List<Token> out, StringBuilder word, boolean inWord) {
        if (inWord) {
            out.add(new Token(word.toString(), false));
            word.setLength(0);
        }
        return false;
    }

    private void doubleQuoted(StringBuilder word) {
        while (true) {
            if (pos >= text.length()) {
                throw new IllegalArgumentException("unterminated double quote");
            }
            char c = text.charAt(pos);
            if (c == '"') {
                pos++;
                return;
            }
            if (c == '\\') {
                char next = peek(1);
                if (next == '\n') {
                    pos += 2;
                } else if ("\"\\$`".indexOf(next) >= 0) {
                    word.append(next);
                    pos += 2;
                } else {
                    word.append(c);
                    pos++;
                }
            } else if (c == '$') {
                dollar(word);
            } else {
                word.append(c);
                pos++;
            }
        }
    }

    /** At a {@code $}: a command substitution, an arithmetic expansion, a braced or a plain parameter. */
    private void dollar(StringBuilder word) {
        if (peek(1) == '(' && peek(2) == '(') {
            int end = matching(pos + 1);
            word.append(text, pos, end + 1);
            pos = end + 1;
        } else if (peek(1) == '(') {
            int end = matching(pos + 1);
            collect(text.substring(pos + 2, end), found);
            word.append(SUBSTITUTION);
            pos = end + 1;
        } else if (peek(1) == '{') {
            int end = text.indexOf('}', pos);
            if (end < 0) {
                throw new IllegalArgumentException("unterminated ${");
            }
            word.append(text, pos, end + 1);
            pos = end + 1;
        } else {
            word.append('$');
            pos++;
        }
    }

    /** Index of the parenthesis that closes the one at {@code open}, skipping quoted text. */
    private int matching(int open) {
        int depth = 0;
        int i = open;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == '\'') {
                i = text.indexOf('\'', i + 1);
                if (i < 0) {
                    break;
                }
            } else if (c == '"') {
                i++;
                while (i < text.length() && text.charAt(i) != '"') {
                    i += text.charAt(i) == '\\' ? 2 : 1;
                }
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
            i++;
        }
        throw new IllegalArgumentException("unbalanced parentheses after offset " + open);
    }

    private char peek(int offset) {
        int i = pos + offset;
        return i < text.length() ? text.charAt(i) : '\0';
    }
}
