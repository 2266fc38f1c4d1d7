package io.initguard.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Properties;

/** The {@code initguard} command. Exit codes: 0 clean, 1 findings at or above the threshold, 2 usage or input error. */
@Command(name = "initguard", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Finds containers that run without a proper init process as PID 1.")
public final class Main implements Runnable {
    public static final int OK = 0;
    public static final int FINDINGS = 1;
    public static final int USAGE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command: lint, scan or rules");
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, false), new PrintWriter(System.err, true)));
    }

    /** Runs the command line with the given streams; returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Main());
        addSubcommands(cl, args);
        cl.setOut(out);
        cl.setErr(err);
        cl.setParameterExceptionHandler((ex, a) -> {
            err.println("initguard: " + ex.getMessage());
            err.println("Try 'initguard " + (ex.getCommandLine().getCommandName().equals("initguard") ? ""
                    : ex.getCommandLine().getCommandName() + " ") + "--help' for more information.");
            return USAGE;
        });
        cl.setExecutionExceptionHandler((ex, c, parsed) -> {
            err.println("initguard: internal error: " + ex);
            return USAGE;
        });
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /**
     * The subcommands. picocli builds a command's model by reflection when it is added, which start-up pays for: when
     * the first argument names a subcommand, only that one is added (the others are not needed to run it); otherwise
     * (no command, {@code --help}, {@code help}, a typo) all are, for the usage message.
     */
    static void addSubcommands(CommandLine cl, String[] args) {
        String first = args.length > 0 ? args[0] : "";
        switch (first) {
            case "lint" -> cl.addSubcommand(new LintCommand());
            case "scan" -> cl.addSubcommand(new ScanCommand());
            case "rules" -> cl.addSubcommand(new RulesCommand());
            default -> {
                cl.addSubcommand(new LintCommand());
                cl.addSubcommand(new ScanCommand());
                cl.addSubcommand(new RulesCommand());
                cl.addSubcommand(new CommandLine.HelpCommand());
            }
        }
    }

    /** The version, from the build. */
    static final class Version implements CommandLine.IVersionProvider {
        static String get() {
            try (InputStream in = Main.class.getResourceAsStream("version.properties")) {
                Properties p = new Properties();
                if (in != null) p.load(in);
                return p.getProperty("version", "dev");
            } catch (IOException e) {
                return "dev";
            }
        }

        @Override
        public String[] getVersion() {
            return new String[]{"initguard " + get()};
        }
    }
}
