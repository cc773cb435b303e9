package io.tablewarden.app;

import io.tablewarden.store.Mute;
import io.tablewarden.store.MuteRule;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.PatternSyntaxException;

/**
 * Reads a Prowler mutelist (YAML: {@code Mutelist → Accounts → account → Checks → check → Regions, Resources, Tags,
 * Exceptions, Description}) into one mute per rule. The file is checked whole before anything is returned: a
 * YAML error, a key Prowler's schema does not know, an expression that is not a valid regular expression or a
 * check key that names none of our checks is one {@link MutelistException} naming the file and line, and no mute.
 * The YAML is only composed into nodes by a safe loader with bounded aliases, size and depth: no type is ever
 * instantiated from the file.
 */
public final class ProwlerMutelist {

    /** Larger than any real mutelist, small enough that a hostile file cannot exhaust memory. */
    private static final int MAX_CHARACTERS = 5 * 1024 * 1024;

    private static final Set<String> RULE_KEYS = Set.of("Regions", "Resources", "Tags", "Exceptions", "Description");
    private static final Set<String> EXCEPTION_KEYS = Set.of("Accounts", "Regions", "Resources", "Tags");

    private final Path file;
    private final Collection<String> knownChecks;

    private ProwlerMutelist(Path file, Collection<String> knownChecks) {
        this.file = file;
        this.knownChecks = knownChecks;
    }

    /** A mutelist that cannot be imported, with file and line in its message. */
    public static final class MutelistException extends Exception {
        MutelistException(String message) {
            super(message);
        }
    }

    /**
     * The mutes the mutelist in {@code file} stands for, not yet stored.
     *
     * @param knownChecks the ids of our checks
     * @param createdBy   who imports them
     */
    public static List<Mute> read(Path file, Collection<String> knownChecks, String createdBy)
            throws MutelistException {
        String text;
        try {
            if (Files.size(file) > MAX_CHARACTERS) {
                throw new MutelistException(file + ": larger than " + MAX_CHARACTERS / (1024 * 1024)
                        + " MB, not a mutelist");
            }
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MutelistException(file + ": cannot be read (" + e.getMessage() + ")");
        }
        return new ProwlerMutelist(file, knownChecks).parse(text, createdBy);
    }

    private List<Mute> parse(String text, String createdBy) throws MutelistException {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(20);
        options.setNestingDepthLimit(20);
        options.setCodePointLimit(MAX_CHARACTERS);
        options.setAllowRecursiveKeys(false);
        Yaml yaml = new Yaml(new SafeConstructor(options));
        Node root;
        try (Reader reader = new java.io.StringReader(text)) {
            root = yaml.compose(reader);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            throw new MutelistException(at(mark) + "not valid YAML: " + e.getProblem());
        } catch (YAMLException | IOException e) {
            throw new MutelistException(file + ": not valid YAML: " + e.getMessage());
        }
        if (!(root instanceof MappingNode)) {
            throw new MutelistException(file + ": not a Prowler mutelist (no top-level Mutelist key)");
        }
        Node mutelist = child((MappingNode) root, "Mutelist");
        if (mutelist == null) {
            throw new MutelistException(at(root) + "not a Prowler mutelist (no top-level Mutelist key)");
        }
        MappingNode accounts = mapping(required(mapping(mutelist, "Mutelist"), "Accounts", "Mutelist"), "Accounts");
        String reasonStart = "imported from " + file;
        List<Mute> mutes = new ArrayList<>();
        for (NodeTuple accountEntry : accounts.getValue()) {
            String account = scalar(accountEntry.getKeyNode(), "an account id");
            MappingNode accountBody = mapping(accountEntry.getValueNode(), "account " + account);
            onlyKeys(accountBody, Set.of("Checks"), "account " + account);
            MappingNode checks = mapping(required(accountBody, "Checks", "account " + account), "Checks");
            List<MuteRule.Earlier> earlier = new ArrayList<>();
            for (NodeTuple checkEntry : checks.getValue()) {
                String check = scalar(checkEntry.getKeyNode(), "a check");
                requireKnownCheck(check, checkEntry.getKeyNode());
                MappingNode body = mapping(checkEntry.getValueNode(), "check " + check);
                onlyKeys(body, RULE_KEYS, "check " + check);
                List<String> regions = expressions(required(body, "Regions", "check " + check), "Regions");
                List<String> resources = expressions(required(body, "Resources", "check " + check), "Resources");
                Node tagsNode = child(body, "Tags");
                List<String> tags = tagsNode == null ? List.of() : expressions(tagsNode, "Tags");
                MuteRule.Exceptions exceptions = exceptions(child(body, "Exceptions"));
                Node descriptionNode = child(body, "Description");
                String description = descriptionNode == null ? null : scalar(descriptionNode, "a Description");
                MuteRule rule = new MuteRule(account, check, regions, resources, tags, exceptions, earlier,
                        description);
                String reason = description == null || description.isBlank() ? reasonStart
                        : reasonStart + ": " + description.strip();
                mutes.add(new Mute(0, check, String.join(" ", resources), reason, createdBy, Instant.EPOCH, null,
                        rule));
                if (exceptions != null) {
                    earlier = new ArrayList<>(earlier);
                    earlier.add(new MuteRule.Earlier(check, exceptions));
                }
            }
        }
        return mutes;
    }

    private void requireKnownCheck(String check, Node where) throws MutelistException {
        if ("*".equals(check) || knownChecks.contains(check)) {
            return;
        }
        compileOrFail(check, where);
        for (String known : knownChecks) {
            if (MuteRule.checkMatches(check, known)) {
                return;
            }
        }
        throw new MutelistException(at(where) + "unknown check id '" + check + "': it is not one of ours and, as a"
                + " regular expression, matches none of them; known: " + String.join(", ", knownChecks));
    }

    private MuteRule.Exceptions exceptions(Node node) throws MutelistException {
        if (node == null) {
            return null;
        }
        MappingNode body = mapping(node, "Exceptions");
        onlyKeys(body, EXCEPTION_KEYS, "Exceptions");
        Map<String, List<String>> lists = new LinkedHashMap<>();
        for (String key : EXCEPTION_KEYS) {
            Node list = child(body, key);
            lists.put(key, list == null ? List.of() : expressions(list, key));
        }
        return new MuteRule.Exceptions(lists.get("Accounts"), lists.get("Regions"), lists.get("Resources"),
                lists.get("Tags"));
    }

    /** A list of regular expressions (or {@code *}), each checked to compile. */
    private List<String> expressions(Node node, String what) throws MutelistException {
        if (!(node instanceof SequenceNode)) {
            throw new MutelistException(at(node) + what + " must be a list");
        }
        List<String> out = new ArrayList<>();
        for (Node item : ((SequenceNode) node).getValue()) {
            String value = scalar(item, "an entry of " + what);
            compileOrFail(value, item);
            out.add(value);
        }
        return out;
    }

    private void compileOrFail(String expression, Node where) throws MutelistException {
        try {
            MuteRule.compile(expression);
        } catch (PatternSyntaxException e) {
            throw new MutelistException(at(where) + "'" + expression + "' is not a valid regular expression ("
                    + e.getDescription() + ")");
        }
    }

    private String scalar(Node node, String what) throws MutelistException {
        if (!(node instanceof ScalarNode)) {
            throw new MutelistException(at(node) + what + " must be a single value");
        }
        return ((ScalarNode) node).getValue();
    }

    private MappingNode mapping(Node node, String what) throws MutelistException {
        if (!(node instanceof MappingNode)) {
            throw new MutelistException(at(node) + what + " must be a mapping");
        }
        return (MappingNode) node;
    }

    private Node required(MappingNode parent, String key, String where) throws MutelistException {
        Node value = child(parent, key);
        if (value == null) {
            throw new MutelistException(at(parent) + where + " has no " + key);
        }
        return value;
    }

    private void onlyKeys(MappingNode node, Set<String> allowed, String where) throws MutelistException {
        for (NodeTuple tuple : node.getValue()) {
            String key = scalar(tuple.getKeyNode(), "a key");
            if (!allowed.contains(key)) {
                throw new MutelistException(at(tuple.getKeyNode()) + where + " has an unknown key '" + key
                        + "' (Prowler knows " + String.join(", ", allowed.stream().sorted().toList()) + ")");
            }
        }
    }

    private static Node child(MappingNode parent, String key) {
        for (NodeTuple tuple : parent.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode && key.equals(((ScalarNode) tuple.getKeyNode()).getValue())) {
                return tuple.getValueNode();
            }
        }
        return null;
    }

    private String at(Node node) {
        return at(node == null ? null : node.getStartMark());
    }

    private String at(Mark mark) {
        return mark == null ? file + ": " : file + ":" + (mark.getLine() + 1) + ": ";
    }
}
