package io.initguard.init.build;

import java.io.File;
import java.util.List;
import org.teavm.tooling.TeaVMProblemRenderer;
import org.teavm.tooling.TeaVMTargetType;
import org.teavm.tooling.TeaVMTool;
import org.teavm.tooling.TeaVMToolException;
import org.teavm.tooling.TeaVMToolLog;
import org.teavm.vm.TeaVMOptimizationLevel;

/**
 * Build step, run by Maven (exec plugin) after compilation: TeaVM's C backend translates
 * {@code io.initguard.init.teavm.NativeMain} and everything it reaches into C in the given directory; gcc
 * ({@code musl-gcc -static}) then makes the binary. Not part of the init itself.
 */
public final class NativeBuild {

    private NativeBuild() {
    }

    /** @param args the directory to write the C sources to */
    public static void main(String[] args) throws TeaVMToolException {
        if (args.length != 1) {
            System.err.println("usage: NativeBuild OUTPUT_DIRECTORY");
            System.exit(2);
        }
        TeaVMTool tool = new TeaVMTool();
        tool.setTargetType(TeaVMTargetType.C);
        tool.setMainClass("io.initguard.init.teavm.NativeMain");
        tool.setTargetDirectory(new File(args[0]));
        tool.setOptimizationLevel(TeaVMOptimizationLevel.FULL);
        tool.setMinHeapSize(1 << 20);
        tool.setMaxHeapSize(4 << 20);
        tool.setClassLoader(NativeBuild.class.getClassLoader());
        tool.setIncremental(false);
        tool.setDebugInformationGenerated(false);
        ConsoleLog log = new ConsoleLog();
        tool.setLog(log);
        tool.generate();
        TeaVMProblemRenderer.describeProblems(tool.getDependencyInfo().getCallGraph(), tool.getProblemProvider(),
            log);
        List<?> severe = tool.getProblemProvider().getSevereProblems();
        if (!severe.isEmpty()) {
            System.err.println("TeaVM reported " + severe.size() + " severe problem(s); no C was generated");
            System.exit(1);
        }
    }

    /** Prints TeaVM's messages; debug messages are dropped. */
    private static final class ConsoleLog implements TeaVMToolLog {
        @Override
        public void info(String text) {
            System.out.println("[teavm] " + text);
        }

        @Override
        public void debug(String text) {
        }

        @Override
        public void warning(String text) {
            System.err.println("[teavm] WARNING " + text);
        }

        @Override
        public void error(String text) {
            System.err.println("[teavm] ERROR " + text);
        }

        @Override
        public void info(String text, Throwable e) {
            info(text + ": " + e);
        }

        @Override
        public void debug(String text, Throwable e) {
        }

        @Override
        public void warning(String text, Throwable e) {
            warning(text + ": " + e);
        }

        @Override
        public void error(String text, Throwable e) {
            error(text + ": " + e);
        }
    }
}
