package io.initguard.core.resolve;

import io.initguard.core.model.Location;

/**
 * A fact the resolver noticed on the way to PID 1, for rules to turn into findings. The resolver decides what is
 * true; rules decide what is worth saying.
 */
public sealed interface Observation {
    /** Where the fact shows in the input. */
    Location location();

    /** A shell stays PID 1 and runs {@code command} as its child, so signals reach the shell, not the command. */
    record ShellStaysPid1(String shell, String command, Location location) implements Observation {
    }

    /** An init is put into the image (package install, COPY, ADD) at {@code location}. */
    record InitInstalled(String init, String how, Location location) implements Observation {
    }

    /** An init runs, but as a child of PID 1 ({@code parent}), where it cannot reap the namespace's orphans. */
    record InitNotPid1(String init, String parent, Location location) implements Observation {
    }

    /** An entrypoint script runs the command as its child instead of {@code exec}-ing it. */
    record ScriptWithoutExec(String script, String command, Location location) implements Observation {
    }

    /** The base image is not in the catalogue, so what it runs by default is unknown. */
    record UnknownBaseImage(String image, String reason, Location location) implements Observation {
    }

    /** The exec form of an instruction is not valid JSON, so Docker runs it in shell form. */
    record InvalidJsonExecForm(String instruction, String text, Location location) implements Observation {
    }

    /** An exec-form argument names a variable, which exec form never expands. */
    record VariableInExecForm(String instruction, String argument, Location location) implements Observation {
    }

    /** An init is called with a command but without {@code --} between its options and the command. */
    record InitWithoutDoubleDash(String init, String command, Location location) implements Observation {
    }

    /**
     * The ENTRYPOINT is in shell form: its command string ignores CMD and the arguments of {@code docker run}, which
     * reach the shell only as {@code $0 $1 ...}.
     *
     * @param cmdSet whether a CMD is set that will be ignored
     */
    record ShellFormEntrypoint(boolean cmdSet, Location location) implements Observation {
    }

    /** An ENTRYPOINT replaces one that started an init, provided by {@code provider} (base image or stage). */
    record InitReplaced(String init, String provider, Location location) implements Observation {
    }

    /**
     * The pod shares one process namespace ({@code shareProcessNamespace: true}): the pause container is PID 1 and
     * reaps orphans, and every container sees the others' processes and, through /proc, their file systems.
     */
    record SharedProcessNamespace(Location location) implements Observation {
    }

    /** The command names a program or script that is not in the image, so the container cannot start. */
    record MissingFile(String program, Location location) implements Observation {
    }
}
