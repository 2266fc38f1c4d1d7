import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The benchmark baseline: a minimal Java program that only finds and reads the same files initguard lints (every
 * file named Dockerfile under the folders given), and prints how many bytes it read.
 */
public class ReadFiles {
    public static void main(String[] args) throws IOException {
        long bytes = 0;
        int files = 0;
        for (String a : args) {
            List<Path> found;
            try (Stream<Path> s = Files.walk(Path.of(a))) {
                found = s.filter(p -> p.getFileName().toString().equals("Dockerfile")).sorted().toList();
            }
            for (Path p : found) {
                bytes += Files.readString(p).length();
                files++;
            }
        }
        System.out.println(files + " files, " + bytes + " chars");
    }
}
