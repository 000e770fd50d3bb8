package bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The machine a run was measured on, and how busy it was: the figures mean little without it. */
record Machine(int cores, long memoryMiB, String cpu, String os, String java, double load1, double load5) {
    static Machine now() {
        String cpu = "unknown";
        long memory = -1;
        double load1 = -1;
        double load5 = -1;
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse(cpu);
            memory = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                    .findFirst().map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024).orElse(-1L);
            List<String> load = List.of(Files.readString(Path.of("/proc/loadavg")).split(" "));
            load1 = Double.parseDouble(load.get(0));
            load5 = Double.parseDouble(load.get(1));
        } catch (IOException | RuntimeException notLinux) {
            // leave what is unknown as unknown
        }
        return new Machine(Runtime.getRuntime().availableProcessors(), memory, cpu,
                System.getProperty("os.name") + " " + System.getProperty("os.version"),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"), load1, load5);
    }
}
