package io.initguard.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static io.initguard.cli.Cli.run;
import static io.initguard.cli.Cli.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code # initguard ignore=...} comments: suppressed findings stay in json and sarif and do not fail the run. */
class SuppressionTest {
    @TempDir
    Path dir;

    private Cli.Result lint(String dockerfile, String... format) {
        String f = write(dir, "Dockerfile", dockerfile).toString();
        return run(format.length == 0 ? new String[]{"lint", "--format", "json", f}
                : new String[]{"lint", "--format", format[0], f});
    }

    private static void assertSuppressed(Cli.Result r, String... ruleIds) {
        assertEquals(0, r.code(), r::toString);
        JsonNode t = r.json().at("/targets/0");
        assertEquals(List.of(ruleIds), Cli.ruleIds(t), r::toString);
        for (JsonNode f : t.get("findings")) assertTrue(f.get("suppressed").asBoolean(), f::toString);
        assertEquals(ruleIds.length, r.json().at("/summary/suppressed").asInt());
        assertEquals(0, r.json().at("/summary/error").asInt());
    }

    @Test
    void withoutACommentTheFindingCounts() {
        Cli.Result r = lint(Cli.NO_INIT);
        assertEquals(1, r.code(), r::toString);
        assertFalse(r.json().at("/targets/0/findings/0/suppressed").asBoolean());
    }

    @Test
    void ignoreBeforeTheInstruction() {
        assertSuppressed(lint("FROM python:3.12\n# initguard ignore=IG101\nCMD [\"python\", \"app.py\"]\n"),
                "IG101");
    }

    @Test
    void ignoreInACommentBlockBeforeTheInstruction() {
        assertSuppressed(lint("FROM python:3.12\n# the app handles its own children\n# initguard ignore=IG101\n"
                + "# (see docs)\nCMD [\"python\", \"app.py\"]\n"), "IG101");
    }

    @Test
    void ignoreBeforeFrom() {
        assertSuppressed(lint("# initguard ignore=IG101\nFROM python:3.12\nCMD [\"python\", \"app.py\"]\n"), "IG101");
    }

    @Test
    void globalIgnoreAnywhere() {
        assertSuppressed(lint("FROM python:3.12\nCMD [\"python\", \"app.py\"]\n# initguard global ignore=IG101\n"),
                "IG101");
    }

    @Test
    void severalIdsInOneComment() {
        String shellForm = "FROM python:3.12\nCMD python app.py\n";
        Cli.Result plain = lint(shellForm);
        assertEquals(List.of("IG101", "IG102"), Cli.ruleIds(plain.json().at("/targets/0")), plain::toString);
        assertSuppressed(lint("FROM python:3.12\n# initguard ignore=IG101,IG102\nCMD python app.py\n"),
                "IG101", "IG102");
        assertSuppressed(lint("# initguard global ignore=IG102, IG101\n" + shellForm), "IG101", "IG102");
    }

    @Test
    void onlyTheNamedRuleIsSuppressed() {
        Cli.Result r = lint("FROM python:3.12\n# initguard ignore=IG102\nCMD python app.py\n");
        assertEquals(1, r.code(), r::toString);
        JsonNode fs = r.json().at("/targets/0/findings");
        assertEquals("IG101", fs.get(0).get("ruleId").asText());
        assertFalse(fs.get(0).get("suppressed").asBoolean());
        assertEquals("IG102", fs.get(1).get("ruleId").asText());
        assertTrue(fs.get(1).get("suppressed").asBoolean());
    }

    @Test
    void ignoreBeforeAnotherInstructionDoesNotApply() {
        Cli.Result r = lint("FROM python:3.12\n# initguard ignore=IG101\nENV A=1\nCMD [\"python\", \"app.py\"]\n");
        assertEquals(1, r.code(), r::toString);
        assertFalse(r.json().at("/targets/0/findings/0/suppressed").asBoolean());
    }

    @Test
    void ignoreBeforeAnEarlierStagesFromDoesNotApply() {
        Cli.Result r = lint("# initguard ignore=IG101\nFROM python:3.12 AS build\nRUN true\n"
                + "FROM python:3.12\nCMD [\"python\", \"app.py\"]\n");
        assertEquals(1, r.code(), r::toString);
        assertFalse(r.json().at("/targets/0/findings/0/suppressed").asBoolean());
    }

    @Test
    void suppressedFindingsAreMarkedInSarif() {
        Cli.Result r = lint("FROM python:3.12\n# initguard ignore=IG101\nCMD [\"python\", \"app.py\"]\n", "sarif");
        assertEquals(0, r.code(), r::toString);
        JsonNode res = r.json().at("/runs/0/results/0");
        assertEquals("IG101", res.get("ruleId").asText());
        assertEquals("inSource", res.at("/suppressions/0/kind").asText());
    }

    @Test
    void suppressedFindingsDoNotFailAnyThreshold() {
        String f = write(dir, "Dockerfile", "# initguard global ignore=IG106\n" + Cli.INFO_ONLY).toString();
        Cli.Result r = run("lint", "--failure-threshold", "info", f);
        assertEquals(0, r.code(), r::toString);
    }
}
