package io.initguard.cli;

import io.initguard.core.engine.LintEngine;
import io.initguard.core.engine.Rule;
import io.initguard.core.engine.RuleInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code initguard rules}: the catalogue of rules; {@code initguard rules IG101}: one rule's doc page. */
@Command(name = "rules", mixinStandardHelpOptions = true,
        description = "Lists the rules, or prints the documentation of one rule.")
final class RulesCommand implements Callable<Integer> {
    @Parameters(arity = "0..1", paramLabel = "ID", description = "A rule ID such as IG101.")
    String id;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        LintEngine engine = LintEngine.withInstalledRules();
        if (id == null) {
            for (Rule r : engine.rules()) {
                RuleInfo i = r.info();
                out.printf("%s  %-7s  %s%n", i.id(), i.severity().id(), i.summary());
            }
            return Main.OK;
        }
        String wanted = id.toUpperCase(Locale.ROOT);
        Optional<Rule> rule = engine.rules().stream().filter(r -> r.info().id().equals(wanted)).findFirst();
        if (rule.isEmpty()) {
            spec.commandLine().getErr().println("initguard: no rule " + id + " (see 'initguard rules')");
            return Main.USAGE;
        }
        try (InputStream doc = rule.get().getClass().getResourceAsStream("/io/initguard/rules/docs/" + wanted + ".md")) {
            if (doc == null) {
                RuleInfo i = rule.get().info();
                out.println(i.id() + " (" + i.severity().id() + "): " + i.summary());
            } else {
                out.print(new String(doc.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return Main.OK;
    }
}
