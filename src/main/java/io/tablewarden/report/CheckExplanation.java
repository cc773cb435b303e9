package io.tablewarden.report;

import io.tablewarden.model.CheckMetadata;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A check explained the way an expert answers a colleague: what it checks exactly, why it matters, how to fix it
 * (the steps, then the fixes chosen by the cause), whether a failure can be a false positive, and the related
 * checks. One builder for every front end: {@code tablewarden checks --explain}, the HTML report's check sections
 * and the workbench's Learn tab show the same sections. The texts are ours and hold no account data.
 */
public final class CheckExplanation {

    /** Headings, in order. */
    public static final String WHAT = "What it checks";
    public static final String WHY = "Why it matters";
    public static final String HOW = "How to fix it";
    public static final String FALSE_POSITIVE = "Is it a false positive?";
    public static final String RELATED = "Related checks";

    private CheckExplanation() {
    }

    /**
     * One section.
     *
     * @param heading    one of the headings above
     * @param paragraphs its paragraphs, in order (plain text)
     * @param steps      numbered steps after the paragraphs (plain text); empty for most sections
     */
    public record Section(String heading, List<String> paragraphs, List<String> steps) {
        public Section {
            paragraphs = List.copyOf(paragraphs);
            steps = List.copyOf(steps);
        }
    }

    /**
     * The sections for {@code metadata}; {@code catalogue} names the related checks (by id, with their metadata when
     * known, so their titles and Security Hub controls can be shown).
     */
    public static List<Section> of(CheckMetadata metadata, Map<String, CheckMetadata> catalogue) {
        List<Section> out = new ArrayList<>();
        String control = metadata.securityHubControl() == null ? ""
                : " It is Security Hub control " + metadata.securityHubControl() + ".";
        out.add(new Section(WHAT, List.of(metadata.description() + control), List.of()));
        out.add(new Section(WHY, List.of(metadata.risk()), List.of()));
        CheckMetadata.Learn learn = metadata.learn();
        List<String> how = new ArrayList<>();
        if (!metadata.causes().isEmpty()) {
            List<String> titles = new ArrayList<>();
            metadata.causes().values().forEach(c -> titles.add(c.title()));
            how.add("The fix offered for a failing resource depends on why it fails: " + String.join("; ", titles)
                    + ". Any other failure gets the general fix: " + metadata.remediation().summary());
        } else {
            how.add(metadata.remediation().summary());
        }
        out.add(new Section(HOW, how, learn == null ? List.of() : learn.howToFix()));
        if (learn != null) {
            out.add(new Section(FALSE_POSITIVE, List.of(learn.falsePositive()), List.of()));
            List<String> related = new ArrayList<>();
            for (String id : learn.related()) {
                CheckMetadata other = catalogue.get(id);
                related.add(other == null ? id : id + ": " + other.title()
                        + (other.securityHubControl() == null ? "" : " (" + other.securityHubControl() + ")"));
            }
            if (!related.isEmpty()) {
                out.add(new Section(RELATED, related, List.of()));
            }
        }
        return out;
    }

    /** The sections as plain text for a terminal, every line cleaned by {@link TerminalText}. */
    public static String text(CheckMetadata metadata, Map<String, CheckMetadata> catalogue) {
        StringBuilder s = new StringBuilder();
        s.append(TerminalText.clean(metadata.id())).append(" — ").append(TerminalText.clean(metadata.title()))
                .append('\n').append("severity ").append(metadata.severity().lower()).append('\n');
        for (Section section : of(metadata, catalogue)) {
            s.append('\n').append(section.heading()).append('\n');
            boolean list = section.heading().equals(RELATED);
            for (String paragraph : section.paragraphs()) {
                s.append(list ? "  - " : "  ").append(TerminalText.clean(paragraph)).append('\n');
            }
            for (int i = 0; i < section.steps().size(); i++) {
                s.append("  ").append(i + 1).append(". ").append(TerminalText.clean(section.steps().get(i))).append('\n');
            }
        }
        if (!metadata.links().isEmpty()) {
            s.append("\nRead more\n");
            metadata.links().forEach(link -> s.append("  ").append(TerminalText.clean(link)).append('\n'));
        }
        return s.toString();
    }
}
