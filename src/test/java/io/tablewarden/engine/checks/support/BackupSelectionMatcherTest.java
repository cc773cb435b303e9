package io.tablewarden.engine.checks.support;

import io.tablewarden.engine.checks.support.BackupSelectionMatcher.Outcome;
import io.tablewarden.engine.checks.support.BackupSelectionMatcher.Subject;
import io.tablewarden.model.inventory.BackupInventory.BackupSelection;
import io.tablewarden.model.inventory.BackupInventory.SelectionCondition;
import io.tablewarden.model.inventory.BackupInventory.TagCondition;
import io.tablewarden.model.inventory.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BackupSelectionMatcherTest {

    private static final String ARN = "arn:aws:dynamodb:eu-west-1:123456789012:table/prod-orders";
    private static final List<Tag> TAGS = List.of(new Tag("backup", "daily"), new Tag("env", "prod"));

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "*, true",
        "arn:aws:dynamodb:eu-west-1:123456789012:table/prod-orders, true",
        "arn:aws:dynamodb:eu-west-1:123456789012:table/prod-order, false",
        "arn:aws:dynamodb:eu-west-1:123456789012:table/*, true",
        "arn:aws:dynamodb:*:*:table/*, true",
        "arn:aws:dynamodb:*:*:table/prod-*, true",
        "arn:aws:dynamodb:*:*:table/*-orders, false",
        "arn:aws:dynamodb:*:*:table/prod*orders, false",
        "arn:aws:dynamodb:us-east-1:*:table/*, false",
        "arn:aws:dynamodb:*:999999999999:table/*, false",
        "arn:aws:dynamodb:eu-*:*:table/*, true",
        "arn:aws:dynamodb:*, true",
        "arn:aws:s3:::*, false",
        "arn:aws-cn:dynamodb:*:*:table/*, false",
        "arn:aws:dynamodb:*:*:*, true",
        "ARN:aws:dynamodb:*:*:table/*, false",
    })
    void arnPatterns(String pattern, boolean expected) {
        assertEquals(expected, BackupSelectionMatcher.arnMatches(pattern, ARN));
    }

    @Test
    void listOfTagsAcceptsBareAndPrefixedKeys() {
        assertEquals(Outcome.SELECTED, match(tags("backup", "daily")).outcome());
        assertEquals(Outcome.SELECTED, match(tags("aws:ResourceTag/backup", "daily")).outcome());
        assertEquals(Outcome.NOT_SELECTED, match(tags("Backup", "daily")).outcome());
        assertEquals(Outcome.NOT_SELECTED, match(tags("backup", "Daily")).outcome());
    }

    @ParameterizedTest(name = "{0} {1}={2} -> {3}")
    @CsvSource({
        "StringEquals, aws:ResourceTag/env, prod, SELECTED",
        "StringEquals, aws:ResourceTag/env, Prod, NOT_SELECTED",
        "StringNotEquals, aws:ResourceTag/env, dev, SELECTED",
        "StringNotEquals, aws:ResourceTag/env, prod, NOT_SELECTED",
        "StringLike, aws:ResourceTag/env, pr*, SELECTED",
        "StringLike, aws:ResourceTag/env, *o*, SELECTED",
        "StringLike, aws:ResourceTag/env, dev*, NOT_SELECTED",
        "StringNotLike, aws:ResourceTag/env, dev*, SELECTED",
        "StringNotLike, aws:ResourceTag/env, p*, NOT_SELECTED",
        "StringEquals, aws:ResourceTag/missing, x, NOT_SELECTED",
        "StringNotEquals, aws:ResourceTag/missing, x, SELECTED",
        "StringLike, aws:ResourceTag/missing, *, NOT_SELECTED",
        "StringNotLike, aws:ResourceTag/missing, x*, SELECTED",
        "StringEquals, aws:RequestTag/env, prod, NOT_SELECTED",
        "StringEquals, aws:resourcetag/env, prod, SELECTED",
        "StringNotEquals, AWS:ResourceTag/env, prod, NOT_SELECTED",
        "StringEquals, aws:ResourceTag/Env, prod, NOT_SELECTED",
    })
    void conditions(String operator, String key, String value, Outcome expected) {
        BackupSelection selection = new BackupSelection("s", "role", List.of("arn:aws:dynamodb:*:*:table/*"),
                List.of(), List.of(), List.of(new SelectionCondition(operator, key, value)));
        assertEquals(expected, match(selection).outcome());
    }

    @Test
    void everyConditionMustHold() {
        BackupSelection selection = new BackupSelection("s", "role", List.of("*"), List.of(), List.of(),
                List.of(new SelectionCondition("StringEquals", "aws:ResourceTag/env", "prod"),
                        new SelectionCondition("StringEquals", "aws:ResourceTag/backup", "weekly")));
        BackupSelectionMatcher.Match match = match(selection);
        assertEquals(Outcome.NOT_SELECTED, match.outcome());
        assertTrue(match.reason().contains("aws:ResourceTag/backup"), match.reason());
    }

    @Test
    void emptySelectionSelectsOptedInResourcesOnly() {
        BackupSelection all = new BackupSelection("all", "role", List.of(), List.of(), List.of(), List.of());
        assertEquals(Outcome.SELECTED, BackupSelectionMatcher.match(all, subject(true)).outcome());
        assertEquals(Outcome.NOT_SELECTED, BackupSelectionMatcher.match(all, subject(false)).outcome());
    }

    @Test
    void bareStarAndServicePatternFollowTheOptInButTablePatternsDoNot() {
        assertEquals(Outcome.NOT_SELECTED, BackupSelectionMatcher.match(resources("*"), subject(false)).outcome());
        assertEquals(Outcome.NOT_SELECTED,
                BackupSelectionMatcher.match(resources("arn:aws:dynamodb:*"), subject(false)).outcome());
        assertEquals(Outcome.SELECTED,
                BackupSelectionMatcher.match(resources("arn:aws:dynamodb:*:*:table/*"), subject(false)).outcome());
        assertEquals(Outcome.SELECTED, BackupSelectionMatcher.match(resources(ARN), subject(false)).outcome());
        assertEquals(Outcome.NOT_SELECTED,
                BackupSelectionMatcher.match(resources("arn:aws:*:*:*:table/*"), subject(false)).outcome());
        assertEquals(Outcome.SELECTED,
                BackupSelectionMatcher.match(resources("arn:aws:*:*:*:table/*"), subject(true)).outcome());
    }

    @Test
    void unknownTagsOnlyMatterWhenTheAnswerDependsOnThem() {
        Subject noTags = new Subject(ARN, null, "dynamodb:ListTagsOfResource failed", true, null);
        assertEquals(Outcome.UNKNOWN, BackupSelectionMatcher.match(tags("backup", "daily"), noTags).outcome());
        assertEquals(Outcome.SELECTED, BackupSelectionMatcher.match(resources(ARN), noTags).outcome());
        BackupSelection excluded = new BackupSelection("s", "role", List.of(), List.of(ARN),
                List.of(new TagCondition("STRINGEQUALS", "backup", "daily")), List.of());
        assertEquals(Outcome.NOT_SELECTED, BackupSelectionMatcher.match(excluded, noTags).outcome());
    }

    @Test
    void unknownTagsDoNotMatterForTagSelectionsWhenDynamoDbIsOptedOut() {
        Subject noTagsOptedOut = new Subject(ARN, null, "dynamodb:ListTagsOfResource failed", false, null);
        BackupSelectionMatcher.Match match = BackupSelectionMatcher.match(tags("backup", "daily"), noTagsOptedOut);
        assertEquals(Outcome.NOT_SELECTED, match.outcome());
        assertTrue(match.reason().contains("not opted in"), match.reason());
    }

    @Test
    void listOfTagsPrefixIsCaseInsensitive() {
        assertEquals(Outcome.SELECTED, match(tags("AWS:resourceTag/backup", "daily")).outcome());
    }

    @Test
    void unknownOptInIsUnknownForTagSelections() {
        Subject unknownOptIn = new Subject(ARN, TAGS, null, null, "backup:DescribeRegionSettings failed");
        BackupSelectionMatcher.Match match = BackupSelectionMatcher.match(tags("backup", "daily"), unknownOptIn);
        assertEquals(Outcome.UNKNOWN, match.outcome());
        assertTrue(match.reason().contains("backup:DescribeRegionSettings"));
    }

    @Test
    void optInReadsTheDynamoDbEntry() {
        assertTrue(BackupSelectionMatcher.optedIn(Map.of("DynamoDB", true)));
        assertFalse(BackupSelectionMatcher.optedIn(Map.of("DynamoDB", false)));
        assertFalse(BackupSelectionMatcher.optedIn(Map.of("S3", true)));
        assertFalse(BackupSelectionMatcher.optedIn(null));
    }

    private static BackupSelectionMatcher.Match match(BackupSelection selection) {
        return BackupSelectionMatcher.match(selection, subject(true));
    }

    private static Subject subject(boolean optIn) {
        return new Subject(ARN, TAGS, null, optIn, null);
    }

    private static BackupSelection resources(String pattern) {
        return new BackupSelection("s", "role", List.of(pattern), List.of(), List.of(), List.of());
    }

    private static BackupSelection tags(String key, String value) {
        return new BackupSelection("s", "role", List.of(), List.of(), List.of(new TagCondition("STRINGEQUALS", key, value)),
                List.of());
    }
}
