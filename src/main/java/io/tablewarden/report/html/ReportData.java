package io.tablewarden.report.html;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import io.tablewarden.engine.remediation.RemediationRenderer;
import io.tablewarden.engine.remediation.ShellWords;
import io.tablewarden.engine.remediation.SnippetFormat;
import io.tablewarden.model.CheckMetadata;
import io.tablewarden.model.CheckResult;
import io.tablewarden.model.Severity;
import io.tablewarden.model.Status;
import io.tablewarden.report.ScanReport;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;

/**
 * The results of every resource as one compact JSON document, which the page's script turns into the findings
 * of a resource when the reader comes near them (or prints). A large account has tens of thousands of results:
 * sent as markup they made a page of tens of megabytes that a browser took many seconds to open.
 *
 * <p>The document holds, once per check and cause of failure (each cause has its own fix), its title, control and
 * fix forms cut into literal text and placeholder references; per result, the values of those placeholders already escaped by {@link SnippetFormat} for each form
 * (exactly as {@link RemediationRenderer#fill(CheckMetadata.Remediation, CheckResult)} escapes them). The page only
 * joins these strings and shows them as text, so what the reader sees and copies is what {@code fill} returns; a
 * form whose joined text would differ (a shell value no argument can carry) is sent whole instead, and so is the
 * summary of a fix whose region-wide part serves several failures (it says so once, next to each).
 *
 * <p>The document is placed in a {@code <script type="application/json">} block, so every {@code <}, {@code >} and
 * {@code &} is written as a JSON escape and the block can hold no {@code </script>}, no comment and no entity;
 * U+2028 and U+2029 are escaped too. Layout of the document:
 * <pre>
 * { "statuses": [...], "severities": [...], "strings": [...], "mutes": [[reason, by, until], ...],
 *   "checks": [ {"id", "title", "control", "fix": {"refs", "summary", "cli", "cfn", "tf", "console", "inPlace"}} ],
 *   "resources": [ [result, ...], ... ] }        one entry per resource section, in page order
 * result: [check, status, severity, reason, mute or -1, evidence, fix values, whole forms]
 * evidence: [name, value, name, value, ...]     a number is an index into "strings"
 * fix values: one per ref: null (no value: the token stays), a string (the same in every form) or
 *             [shell, yaml, hcl, markdown]
 * </pre>
 */
final class ReportData {

    /** The formats of the fix forms, in the order of a value's per-format array. */
    private static final SnippetFormat[] FORMATS = {SnippetFormat.SHELL, SnippetFormat.YAML, SnippetFormat.HCL,
            SnippetFormat.MARKDOWN};
    static final List<Status> STATUSES = List.of(Status.FAIL, Status.ERROR, Status.PASS, Status.NOT_APPLICABLE);

    private static final JsonFactory JSON = new JsonFactory();
    private static final CharacterEscapes ESCAPES = new BlockEscapes();

    private final ScanReport report;
    /** Keyed by check id and cause: a cause's fix differs from the check's generic one. */
    private final Map<List<String>, Integer> checkIndex = new LinkedHashMap<>();
    /** The fixes whose region-wide part serves several failures, by result identity; built when first needed. */
    private Map<String, List<CheckResult>> sharedFixes;
    private final List<CheckForms> checks = new ArrayList<>();
    private final Map<List<String>, Integer> muteIndex = new LinkedHashMap<>();
    private final Map<String, Integer> stringIndex = new LinkedHashMap<>();
    /** Each result's evidence as name, text, name, text, ..., in the order the results are written. */
    private final List<String[]> evidenceTexts = new ArrayList<>();
    private int written;

    ReportData(ScanReport report) {
        this.report = report;
    }

    /** The JSON of {@code sections} (each a resource's results, in page order), safe inside a script data block. */
    String json(List<List<CheckResult>> sections) {
        internRepeatedEvidence(sections);
        StringWriter text = new StringWriter(1 << 20);
        try (JsonGenerator out = generator(text)) {
            // results first (they register checks and mutes), written into a buffer of their own
            StringWriter resultsText = new StringWriter(1 << 20);
            try (JsonGenerator results = generator(resultsText)) {
                results.writeStartArray();
                for (List<CheckResult> section : sections) {
                    results.writeStartArray();
                    for (CheckResult r : section) {
                        result(results, r);
                    }
                    results.writeEndArray();
                }
                results.writeEndArray();
            }
            out.writeStartObject();
            out.writeArrayFieldStart("statuses");
            for (Status s : STATUSES) {
                out.writeString(s.name());
            }
            out.writeEndArray();
            out.writeArrayFieldStart("severities");
            for (Severity s : Severity.values()) {
                out.writeString(s.lower());
            }
            out.writeEndArray();
            out.writeArrayFieldStart("strings");
            for (String s : stringIndex.keySet()) {
                out.writeString(s);
            }
            out.writeEndArray();
            out.writeArrayFieldStart("mutes");
            for (List<String> m : muteIndex.keySet()) {
                out.writeStartArray();
                for (String s : m) {
                    out.writeString(s);
                }
                out.writeEndArray();
            }
            out.writeEndArray();
            out.writeArrayFieldStart("checks");
            for (CheckForms c : checks) {
                c.write(out);
            }
            out.writeEndArray();
            out.writeFieldName("resources");
            out.writeRawValue(resultsText.toString());
            out.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private static JsonGenerator generator(StringWriter text) throws IOException {
        JsonGenerator out = JSON.createGenerator(text);
        out.setCharacterEscapes(ESCAPES);
        return out;
    }

    /** Evidence names and values seen more than once are sent once, in "strings", and referred to by index. */
    private void internRepeatedEvidence(List<List<CheckResult>> sections) {
        Map<String, Integer> seen = new LinkedHashMap<>(); // in page order, so the same report gives the same bytes
        for (List<CheckResult> section : sections) {
            for (CheckResult r : section) {
                String[] texts = new String[2 * r.evidence().size()];
                int i = 0;
                for (Map.Entry<String, Object> e : r.evidence().entrySet()) {
                    texts[i++] = e.getKey();
                    texts[i++] = EvidenceText.of(e.getValue());
                }
                for (String text : texts) {
                    seen.merge(text, 1, Integer::sum);
                }
                evidenceTexts.add(texts);
            }
        }
        seen.forEach((s, n) -> {
            if (n > 1 && s.length() > 2) {
                stringIndex.put(s, stringIndex.size());
            }
        });
    }

    private void result(JsonGenerator out, CheckResult r) throws IOException {
        CheckMetadata meta = report.metadataOf(r.checkId());
        CheckForms check = checkOf(r.checkId(), r.status() == Status.FAIL ? r.cause() : null, meta);
        out.writeStartArray();
        out.writeNumber(check.index);
        out.writeNumber(STATUSES.indexOf(r.status()));
        out.writeNumber(r.severity().ordinal());
        out.writeString(r.statusText() == null ? "" : r.statusText());
        ScanReport.MuteNote note = report.muteOf(r);
        if (note == null) {
            out.writeNumber(-1);
        } else {
            List<String> mute = List.of(Objects.toString(note.reason(), ""), Objects.toString(note.mutedBy(), ""),
                    note.expiresAt() == null ? "never" : HtmlReportBuilder.WHEN.format(note.expiresAt()));
            out.writeNumber(muteIndex.computeIfAbsent(mute, k -> muteIndex.size()));
        }
        out.writeStartArray();
        for (String text : evidenceTexts.get(written++)) {
            interned(out, text);
        }
        out.writeEndArray();
        if (r.status() == Status.FAIL && check.fix != null) {
            check.fix.values(out, r, sharedNote(r));
        }
        out.writeEndArray();
    }

    private void interned(JsonGenerator out, String text) throws IOException {
        Integer index = stringIndex.get(text);
        if (index == null) {
            out.writeString(text);
        } else {
            out.writeNumber(index);
        }
    }

    /** "Run it once" when the region-wide part of {@code r}'s fix serves other failures too, else empty. */
    private String sharedNote(CheckResult r) {
        if (sharedFixes == null) {
            sharedFixes = io.tablewarden.report.SharedFixes.of(report.results(), report::metadataOf);
        }
        return io.tablewarden.report.SharedFixes.note(sharedFixes.get(r.identity()));
    }

    private CheckForms checkOf(String id, String cause, CheckMetadata meta) {
        List<String> key = java.util.Arrays.asList(id, cause);
        Integer index = checkIndex.get(key);
        if (index != null) {
            return checks.get(index);
        }
        CheckForms forms = new CheckForms(checks.size(), id, meta, cause);
        checkIndex.put(key, forms.index);
        checks.add(forms);
        return forms;
    }

    /** A check as the page needs it: title, control and its fix forms as literal text and placeholder refs. */
    private static final class CheckForms {
        final int index;
        final String id;
        final String title;
        final String control;
        final FixForms fix;

        CheckForms(int index, String id, CheckMetadata meta, String cause) {
            this.index = index;
            this.id = id;
            this.title = meta == null ? id : meta.title();
            this.control = meta == null || meta.securityHubControl() == null ? "" : meta.securityHubControl();
            this.fix = meta == null || meta.remediationFor(cause) == null ? null
                    : new FixForms(meta.remediationFor(cause));
        }

        void write(JsonGenerator out) throws IOException {
            out.writeStartObject();
            out.writeStringField("id", id);
            out.writeStringField("title", title);
            out.writeStringField("control", control);
            if (fix != null) {
                out.writeFieldName("fix");
                fix.write(out);
            }
            out.writeEndObject();
        }
    }

    /**
     * One remediation cut at its {@code {{token}}} and {@code {{token|json}}} placeholders. Each distinct
     * placeholder is a "ref"; a form is a list of literal strings and ref numbers.
     */
    private static final class FixForms {
        private final CheckMetadata.Remediation remediation;
        /** The placeholder as written, e.g. {@code {{table_arn|json}}}: shown as it is when a result has no value. */
        private final List<String> refs = new ArrayList<>();
        private final List<String> tokens = new ArrayList<>();
        private final List<Boolean> json = new ArrayList<>();
        /** Per ref, which of {@link #FORMATS} use it. */
        private final List<boolean[]> usedIn = new ArrayList<>();
        private final List<Object> summary;
        private final List<Object> cli;
        private final List<Object> cfn;
        private final List<Object> tf;
        private final List<List<Object>> console = new ArrayList<>();

        FixForms(CheckMetadata.Remediation remediation) {
            this.remediation = remediation;
            summary = segments(remediation.summary(), 3);
            // the region-wide commands (an opt-in, a plan) come first, as in the fix script
            cli = segments(remediation.fullCli(), 0);
            cfn = segments(remediation.cloudFormation(), 1);
            tf = segments(remediation.terraform(), 2);
            remediation.console().forEach(step -> console.add(segments(step, 3)));
        }

        private List<Object> segments(String template, int format) {
            if (template == null) {
                return null;
            }
            List<Object> out = new ArrayList<>();
            Matcher m = RemediationRenderer.TOKEN.matcher(template);
            int last = 0;
            while (m.find()) {
                if (m.start() > last) {
                    out.add(template.substring(last, m.start()));
                }
                int ref = refs.indexOf(m.group());
                if (ref < 0) {
                    ref = refs.size();
                    refs.add(m.group());
                    tokens.add(m.group(1));
                    json.add(m.group(2) != null);
                    usedIn.add(new boolean[FORMATS.length]);
                }
                usedIn.get(ref)[format] = true;
                out.add(ref);
                last = m.end();
            }
            if (last < template.length()) {
                out.add(template.substring(last));
            }
            return out;
        }

        void write(JsonGenerator out) throws IOException {
            out.writeStartObject();
            out.writeArrayFieldStart("refs");
            for (String r : refs) {
                out.writeString(r);
            }
            out.writeEndArray();
            writeForm(out, "summary", summary);
            writeForm(out, "cli", cli);
            writeForm(out, "cfn", cfn);
            writeForm(out, "tf", tf);
            out.writeArrayFieldStart("console");
            for (List<Object> step : console) {
                writeSegments(out, step);
            }
            out.writeEndArray();
            out.writeBooleanField("inPlace", remediation.inPlace());
            out.writeEndObject();
        }

        private static void writeForm(JsonGenerator out, String name, List<Object> segments) throws IOException {
            out.writeFieldName(name);
            writeSegments(out, segments);
        }

        private static void writeSegments(JsonGenerator out, List<Object> segments) throws IOException {
            if (segments == null) {
                out.writeNull();
                return;
            }
            out.writeStartArray();
            for (Object s : segments) {
                if (s instanceof String text) {
                    out.writeString(text);
                } else {
                    out.writeNumber((Integer) s);
                }
            }
            out.writeEndArray();
        }

        /**
         * Writes the escaped values of {@code r}'s placeholders, then the forms that joining cannot give as
         * {@link RemediationRenderer#fill(String, Map, SnippetFormat)} gives them, whole. Joining is the same
         * replacement as {@code fill}'s, so that happens only where {@code fill} does more than replace: a shell
         * form with a value no shell word can carry becomes a comment saying so.
         */
        void values(JsonGenerator out, CheckResult r, String sharedNote) throws IOException {
            Object[] values = new Object[refs.size()];
            boolean shellRefused = false;
            for (int i = 0; i < refs.size(); i++) {
                String raw = r.placeholders().get(tokens.get(i));
                if (raw == null) {
                    continue;
                }
                boolean[] used = usedIn.get(i);
                String[] escaped = new String[FORMATS.length];
                String same = null;
                boolean allSame = true;
                for (int f = 0; f < FORMATS.length; f++) {
                    if (!used[f]) {
                        escaped[f] = "";
                        continue;
                    }
                    if (f == 0 && !ShellWords.representable(raw)) {
                        shellRefused = true;
                        escaped[f] = "";
                    } else {
                        escaped[f] = FORMATS[f].escape(raw, json.get(i));
                    }
                    if (same == null) {
                        same = escaped[f];
                    } else if (!same.equals(escaped[f])) {
                        allSame = false;
                    }
                }
                values[i] = allSame && same != null ? same : escaped;
            }
            out.writeStartArray();
            for (Object v : values) {
                if (v == null) {
                    out.writeNull();
                } else if (v instanceof String s) {
                    out.writeString(s);
                } else {
                    out.writeStartArray();
                    for (String s : (String[]) v) {
                        out.writeString(s);
                    }
                    out.writeEndArray();
                }
            }
            out.writeEndArray();
            if (shellRefused || !sharedNote.isEmpty()) {
                CheckMetadata.Remediation filled = RemediationRenderer.fill(remediation, r);
                out.writeStartObject();
                if (shellRefused) {
                    out.writeStringField("cli", Objects.toString(filled.fullCli(), ""));
                }
                if (!sharedNote.isEmpty()) {
                    out.writeStringField("summary", filled.summary() + " " + sharedNote);
                }
                out.writeEndObject();
            }
        }
    }

    /** Escapes for a JSON document inside an HTML script data block. */
    private static final class BlockEscapes extends CharacterEscapes {
        private final int[] ascii;

        BlockEscapes() {
            ascii = standardAsciiEscapesForJSON();
            ascii['<'] = ESCAPE_STANDARD;
            ascii['>'] = ESCAPE_STANDARD;
            ascii['&'] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return switch (ch) {
                case 0x2028 -> LINE_SEPARATOR;
                case 0x2029 -> PARAGRAPH_SEPARATOR;
                default -> null;
            };
        }

        private static final SerializableString LINE_SEPARATOR = new SerializedString("\\u2028");
        private static final SerializableString PARAGRAPH_SEPARATOR = new SerializedString("\\u2029");
    }
}
