package io.tablewarden.simulator;

/** A fixture that cannot be served; the message starts with the JSON path of the problem, e.g. {@code $.regions.us-east-1.dynamodb.tables[3].Table.TableName}. */
public final class FixtureException extends Exception {

    private final String jsonPath;

    public FixtureException(String jsonPath, String problem) {
        super(jsonPath + ": " + problem);
        this.jsonPath = jsonPath;
    }

    public String jsonPath() {
        return jsonPath;
    }
}
