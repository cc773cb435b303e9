package io.tablewarden.engine.checks.support;

/**
 * One reason a check can fail, narrower than the check itself; each check lists its causes as an enum. The id is
 * the key of the cause's fix in the check's metadata ({@code "causes": {"<id>": {...}}}).
 */
public interface CheckCause {

    /** The constant's name, as every enum has it. */
    String name();

    /** The cause id, lower snake case, e.g. {@code region_not_opted_in}: the enum constant's name in lower case. */
    default String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The ids of {@code causes}, in order: what a check returns from {@code causes()}. */
    static java.util.List<String> ids(CheckCause... causes) {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (CheckCause cause : causes) {
            out.add(cause.id());
        }
        return out;
    }
}
