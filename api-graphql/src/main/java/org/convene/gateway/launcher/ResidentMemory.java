package org.convene.gateway.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Resident memory of processes, read from /proc where the system has it. */
final class ResidentMemory {

	private ResidentMemory() {
	}

	static String describe(List<ProcessHandle> processes) {
		long kilobytes = processes.stream().mapToLong(ResidentMemory::kilobytes).sum();
		return kilobytes == 0 ? "unknown" : String.format("%.0f MB", kilobytes / 1024.0);
	}

	/** The PostgreSQL server whose data lives under the folder, and its worker processes. */
	static Stream<ProcessHandle> postgresProcesses(Path dataDir) {
		Path pidFile = dataDir.resolve("postgres").resolve("data").resolve("postmaster.pid");
		try {
			long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
			return ProcessHandle.of(pid).stream().flatMap(pg -> Stream.concat(Stream.of(pg), pg.descendants()));
		}
		catch (IOException | RuntimeException ex) {
			return Stream.empty();
		}
	}

	private static long kilobytes(ProcessHandle process) {
		try {
			for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
				if (line.startsWith("VmRSS:")) {
					return Long.parseLong(line.replaceAll("[^0-9]", ""));
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			return 0;
		}
		return 0;
	}

}
