package io.tablewarden.engine.metadata;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A strict reader of the structure of HCL2 (Terraform) text: bodies of attributes ({@code name = expression}) and
 * blocks ({@code type "label" ... { body }}). Expressions are not evaluated, only scanned: brackets must balance,
 * quoted strings must close on their line, {@code ${...}} and {@code %{...}} interpolations must close, heredocs
 * must end with their marker. Comments ({@code #}, {@code //}, {@code /* *}{@code /}) are skipped.
 * The HCL library used beside it is lenient about unbalanced braces; this reader is the strict half.
 */
final class HclStructure {

    /** An attribute and the source text of its expression. */
    record Attribute(String name, String expression, int line) {
    }

    /** A block with its labels and body. */
    record Block(String type, List<String> labels, Body body, int line) {
    }

    /** The content of a file or of a block. */
    record Body(List<Attribute> attributes, List<Block> blocks) {
    }

    /** Thrown for text that is not well-formed HCL. */
    static final class HclSyntaxException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        HclSyntaxException(String message, int line) {
            super("line " + line + ": " + message);
        }
    }

    private final String text;
    private int pos;
    private int line = 1;

    private HclStructure(String text) {
        this.text = text;
    }

    static Body parse(String text) {
        HclStructure parser = new HclStructure(text);
        return parser.body(true);
    }

    private Body body(boolean topLevel) {
        List<Attribute> attributes = new ArrayList<>();
        List<Block> blocks = new ArrayList<>();
        Set<String> names = new HashSet<>();
        while (true) {
            skipSpaceAndComments(true);
            if (atEnd()) {
                if (!topLevel) {
                    throw error("missing } at end of text");
                }
                return new Body(attributes, blocks);
            }
            char c = peek();
            if (c == '}') {
                if (topLevel) {
                    throw error("unexpected }");
                }
                pos++;
                return new Body(attributes, blocks);
            }
            int startLine = line;
            String name = identifier();
            skipSpaceAndComments(false);
            if (peek() == '=' && peekAt(1) != '=') {
                pos++;
                if (!names.add(name)) {
                    throw error("attribute " + name + " is set twice");
                }
                String expression = expression().trim();
                if (expression.isEmpty()) {
                    throw error("attribute " + name + " has no value");
                }
                attributes.add(new Attribute(name, expression, startLine));
                endOfItem();
            } else {
                List<String> labels = new ArrayList<>();
                while (!atEnd() && peek() != '{') {
                    if (peek() == '"') {
                        labels.add(label());
                    } else if (isIdentifierStart(peek())) {
                        labels.add(identifier());
                    } else {
                        throw error("expected a label, = or { after " + name + " but found '" + peek() + "'");
                    }
                    skipSpaceAndComments(false);
                }
                if (atEnd()) {
                    throw error("block " + name + " has no body");
                }
                pos++;
                blocks.add(new Block(name, labels, body(false), startLine));
                endOfItem();
            }
        }
    }

    /** After an attribute or a block: a newline, the end, a comment or the closing brace of a one-line block. */
    private void endOfItem() {
        skipSpaceAndComments(false);
        if (atEnd() || peek() == '\n' || peek() == '}') {
            return;
        }
        throw error("unexpected '" + peek() + "' after an item");
    }

    /** Scans an expression up to the end of its line at bracket depth 0, or a closing brace of the enclosing body. */
    private String expression() {
        int start = pos;
        Deque<Character> open = new ArrayDeque<>();
        while (!atEnd()) {
            char c = peek();
            if (open.isEmpty() && (c == '\n' || c == '}')) {
                break;
            }
            boolean lineComment = c == '#' || (c == '/' && peekAt(1) == '/');
            if (lineComment && open.isEmpty()) {
                break;
            }
            if (lineComment || (c == '/' && peekAt(1) == '*')) {
                skipComment();
                continue;
            }
            if (c == '"') {
                pos++;
                template();
                continue;
            }
            if (c == '<' && peekAt(1) == '<' && (peekAt(2) == '-' || isIdentifierStart(peekAt(2)))) {
                heredoc();
                continue;
            }
            if (c == '(' || c == '[' || c == '{') {
                open.push(c);
            } else if (c == ')' || c == ']' || c == '}') {
                char expected = c == ')' ? '(' : c == ']' ? '[' : '{';
                if (open.isEmpty() || open.pop() != expected) {
                    throw error("unbalanced '" + c + "'");
                }
            } else if (c == '\n') {
                line++;
            }
            pos++;
        }
        if (!open.isEmpty()) {
            throw error("unclosed '" + open.peek() + "'");
        }
        return text.substring(start, pos);
    }

    /** Scans a quoted template after its opening quote, through its closing quote. */
    private void template() {
        while (true) {
            if (atEnd() || peek() == '\n') {
                throw error("unterminated string");
            }
            char c = peek();
            if (c == '\\') {
                pos += 2;
            } else if (c == '"') {
                pos++;
                return;
            } else if ((c == '$' || c == '%') && peekAt(1) == '{') {
                if (peekAt(-1) == c) {
                    pos += 2;
                } else {
                    pos += 2;
                    interpolation();
                }
            } else {
                pos++;
            }
        }
    }

    /** Scans the inside of an interpolation after its opening brace, through the matching closing brace. */
    private void interpolation() {
        int depth = 0;
        int start = pos;
        while (true) {
            if (atEnd()) {
                throw error("unterminated interpolation");
            }
            char c = peek();
            if (c == '"') {
                pos++;
                template();
                continue;
            }
            if (c == '\n') {
                line++;
            } else if (c == '{' || c == '(' || c == '[') {
                depth++;
            } else if (c == ')' || c == ']') {
                depth--;
            } else if (c == '}') {
                if (depth == 0) {
                    if (text.substring(start, pos).isBlank()) {
                        throw error("empty interpolation");
                    }
                    pos++;
                    return;
                }
                depth--;
            }
            if (depth < 0) {
                throw error("unbalanced bracket in interpolation");
            }
            pos++;
        }
    }

    private void heredoc() {
        pos += 2;
        if (peek() == '-') {
            pos++;
        }
        String marker = identifier();
        if (atEnd() || peek() != '\n') {
            throw error("heredoc marker must end its line");
        }
        while (true) {
            if (atEnd()) {
                throw error("heredoc " + marker + " is not closed");
            }
            pos++;
            line++;
            int end = text.indexOf('\n', pos);
            String content = text.substring(pos, end < 0 ? text.length() : end);
            if (content.trim().equals(marker)) {
                pos += content.length();
                return;
            }
            pos = end < 0 ? text.length() : end;
        }
    }

    private String label() {
        int start = ++pos;
        while (!atEnd() && peek() != '"') {
            if (peek() == '\n' || peek() == '\\' || peek() == '$') {
                throw error("block labels are plain strings");
            }
            pos++;
        }
        if (atEnd()) {
            throw error("unterminated label");
        }
        return text.substring(start, pos++);
    }

    private String identifier() {
        if (atEnd() || !isIdentifierStart(peek())) {
            throw error("expected a name but found '" + (atEnd() ? "end of text" : String.valueOf(peek())) + "'");
        }
        int start = pos;
        while (!atEnd() && (Character.isLetterOrDigit(peek()) || peek() == '_' || peek() == '-')) {
            pos++;
        }
        return text.substring(start, pos);
    }

    private void skipSpaceAndComments(boolean newlines) {
        while (!atEnd()) {
            char c = peek();
            if (c == ' ' || c == '\t' || c == '\r') {
                pos++;
            } else if (c == '\n' && newlines) {
                pos++;
                line++;
            } else if (c == '#' || (c == '/' && (peekAt(1) == '/' || peekAt(1) == '*'))) {
                skipComment();
            } else {
                return;
            }
        }
    }

    private void skipComment() {
        if (peek() == '/' && peekAt(1) == '*') {
            int end = text.indexOf("*/", pos + 2);
            if (end < 0) {
                throw error("unclosed comment");
            }
            for (int i = pos; i < end; i++) {
                if (text.charAt(i) == '\n') {
                    line++;
                }
            }
            pos = end + 2;
        } else {
            while (!atEnd() && peek() != '\n') {
                pos++;
            }
        }
    }

    private static boolean isIdentifierStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    private boolean atEnd() {
        return pos >= text.length();
    }

    private char peek() {
        return text.charAt(pos);
    }

    private char peekAt(int offset) {
        int i = pos + offset;
        return i >= 0 && i < text.length() ? text.charAt(i) : '\0';
    }

    private HclSyntaxException error(String message) {
        return new HclSyntaxException(message, line);
    }
}
