package io.initguard.init;

/**
 * Parses tini 0.19's command line ({@code [-h] [-s] [-p SIGNAL] [-v] [-w] [-g] [-l] [-e EXIT_CODE] [--] PROGRAM
 * [ARGS]}, {@code --version}) plus {@code --grace DURATION} and {@code --install DIR}, then tini's environment
 * variables. Options end at {@code --} or at the first argument that is not an option (POSIX getopt, as tini with
 * {@code POSIXLY_CORRECT}).
 */
public final class CommandLine {

    /** Our version, and the tini version whose behaviour we follow. */
    public static final String VERSION = Log.NAME + " version 0.1.0 (tini 0.19.0 compatible)";

    private CommandLine() {
    }

    /** Parses arguments (without the program name) and the environment. */
    public static Parsed parse(String[] args, Environment env) {
        int verbosity = 1;
        boolean subreaper = false;
        int pdeathsig = 0;
        boolean warnOnReap = false;
        boolean killGroup = false;
        boolean[] remap = new boolean[256];
        long grace = -1;
        String install = null;

        int i = 0;
        while (i < args.length) {
            String arg = args[i];
            if (arg.equals("--")) {
                i++;
                break;
            }
            if (arg.startsWith("--")) {
                String name = arg;
                String value = null;
                int eq = arg.indexOf('=');
                if (eq > 0) {
                    name = arg.substring(0, eq);
                    value = arg.substring(eq + 1);
                }
                if (name.equals("--version") && value == null) {
                    return new Parsed.Print(1, VERSION + "\n", 0);
                }
                if (!name.equals("--grace") && !name.equals("--install")) {
                    return usageError(Log.NAME + ": unrecognized option '" + arg + "'\n");
                }
                if (value == null) {
                    if (i + 1 >= args.length) {
                        return usageError(Log.NAME + ": option '" + name + "' requires an argument\n");
                    }
                    value = args[++i];
                }
                if (name.equals("--grace")) {
                    grace = parseDuration(value);
                    if (grace < 0) {
                        return new Parsed.Fatal("Not a valid option for --grace: " + value, 1);
                    }
                } else {
                    install = value;
                }
                i++;
                continue;
            }
            if (!arg.startsWith("-") || arg.length() == 1) {
                break;
            }
            for (int k = 1; k < arg.length(); k++) {
                char c = arg.charAt(k);
                if (c == 'p' || c == 'e') {
                    String value;
                    if (k + 1 < arg.length()) {
                        value = arg.substring(k + 1);
                    } else if (i + 1 < args.length) {
                        value = args[++i];
                    } else {
                        return usageError(Log.NAME + ": option requires an argument -- '" + c + "'\n");
                    }
                    if (c == 'p') {
                        pdeathsig = Signals.parsePdeathsig(value);
                        if (pdeathsig == 0) {
                            return new Parsed.Fatal("Not a valid option for -p: " + value, 1);
                        }
                    } else {
                        int code = parseExitCode(value);
                        if (code < 0) {
                            return new Parsed.Fatal("Not a valid option for -e: " + value, 1);
                        }
                        remap[code] = true;
                    }
                    break;
                }
                switch (c) {
                    case 'h':
                        return new Parsed.Print(1, usage(), 0);
                    case 'l':
                        return new Parsed.Print(1, LICENSE, 0);
                    case 's':
                        subreaper = true;
                        break;
                    case 'v':
                        verbosity++;
                        break;
                    case 'w':
                        warnOnReap = true;
                        break;
                    case 'g':
                        killGroup = true;
                        break;
                    default:
                        return usageError(Log.NAME + ": invalid option -- '" + c + "'\n");
                }
            }
            i++;
        }

        if (env.get("TINI_SUBREAPER") != null) {
            subreaper = true;
        }
        if (env.get("TINI_KILL_PROCESS_GROUP") != null) {
            killGroup = true;
        }
        String envVerbosity = env.get("TINI_VERBOSITY");
        if (envVerbosity != null) {
            verbosity = atoi(envVerbosity);
        }

        if (install != null) {
            return new Parsed.Install(install, verbosity);
        }
        if (i >= args.length) {
            return new Parsed.Print(2, usage(), 1);
        }
        String[] program = new String[args.length - i];
        System.arraycopy(args, i, program, 0, program.length);
        return new Parsed.Run(new Options(verbosity, subreaper, pdeathsig, warnOnReap, killGroup, remap, grace,
            program));
    }

    private static Parsed usageError(String message) {
        return new Parsed.Print(2, message + usageHead(), 1);
    }

    /** tini's {@code strtol} check: the whole string a decimal number from 0 to 255. @return -1 when not */
    static int parseExitCode(String value) {
        if (value.isEmpty() || value.length() > 4) {
            return -1;
        }
        int start = value.charAt(0) == '+' || value.charAt(0) == '-' ? 1 : 0;
        if (start == value.length()) {
            return -1;
        }
        int n = 0;
        for (int k = start; k < value.length(); k++) {
            char c = value.charAt(k);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        if (value.charAt(0) == '-') {
            n = -n;
        }
        return n >= 0 && n <= 255 ? n : -1;
    }

    /**
     * Parses a duration: digits followed by {@code ms}, {@code s}, {@code m} or {@code h}; plain digits are seconds.
     *
     * @return milliseconds, or -1 when the text is not a duration
     */
    static long parseDuration(String value) {
        int end = 0;
        while (end < value.length() && value.charAt(end) >= '0' && value.charAt(end) <= '9') {
            end++;
        }
        if (end == 0 || end > 9) {
            return -1;
        }
        long n = Long.parseLong(value.substring(0, end));
        String unit = value.substring(end);
        switch (unit) {
            case "ms":
                return n;
            case "":
            case "s":
                return n * 1000;
            case "m":
                return n * 60_000;
            case "h":
                return n * 3_600_000;
            default:
                return -1;
        }
    }

    /** C's {@code atoi}: optional blanks and sign, then digits; anything else ends the number. */
    static int atoi(String s) {
        int k = 0;
        while (k < s.length() && (s.charAt(k) == ' ' || (s.charAt(k) >= '\t' && s.charAt(k) <= '\r'))) {
            k++;
        }
        boolean negative = false;
        if (k < s.length() && (s.charAt(k) == '+' || s.charAt(k) == '-')) {
            negative = s.charAt(k) == '-';
            k++;
        }
        long n = 0;
        while (k < s.length() && s.charAt(k) >= '0' && s.charAt(k) <= '9' && n < Integer.MAX_VALUE) {
            n = n * 10 + (s.charAt(k) - '0');
            k++;
        }
        return (int) (negative ? -n : Math.min(n, Integer.MAX_VALUE));
    }

    private static String usageHead() {
        return Log.NAME + " (" + VERSION + ")\n"
            + "Usage: " + Log.NAME + " [OPTIONS] PROGRAM -- [ARGS] | --version\n\n";
    }

    /** @return the help text ({@code -h}) */
    public static String usage() {
        return usageHead()
            + "Execute a program under the supervision of a valid init process (" + Log.NAME + ")\n\n"
            + "Command line options:\n\n"
            + "  --version: Show version and exit.\n"
            + "  -h: Show this help message and exit.\n"
            + "  -s: Register as a process subreaper (requires Linux >= 3.4).\n"
            + "  -p SIGNAL: Trigger SIGNAL when parent dies, e.g. \"-p SIGKILL\".\n"
            + "  -v: Generate more verbose output. Repeat up to 3 times.\n"
            + "  -w: Print a warning when processes are getting reaped.\n"
            + "  -g: Send signals to the child's process group.\n"
            + "  -e EXIT_CODE: Remap EXIT_CODE (from 0 to 255) to 0.\n"
            + "  -l: Show license and exit.\n"
            + "  --grace DURATION: When the main child exits or SIGTERM arrives, send SIGTERM to every remaining\n"
            + "    process, wait up to DURATION (e.g. 10s, 500ms, 2m) for them, then SIGKILL the rest.\n"
            + "  --install DIR: Copy this binary to DIR/" + Log.NAME + " and exit.\n"
            + "\n"
            + "Environment variables:\n\n"
            + "  TINI_SUBREAPER: Register as a process subreaper (requires Linux >= 3.4).\n"
            + "  TINI_VERBOSITY: Set the verbosity level (default: 1).\n"
            + "  TINI_KILL_PROCESS_GROUP: Send signals to the child's process group.\n"
            + "\n";
    }

    private static final String LICENSE = Log.NAME + " is part of initguard (https://github.com/initguard).\n"
        + "It is a reimplementation in Java of the behaviour of tini (https://github.com/krallin/tini, MIT license,\n"
        + "Copyright (c) 2015 Thomas Orozco); it contains no code of tini.\n";
}
