/*
 * Copyright 2026 the pg-entities authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package io.pgentities.embedded;

import java.io.File;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Runs external commands and reports their failures with enough detail to act on.
 */
final class Commands {

	private static final Pattern SAFE_SHELL_WORD = Pattern.compile("[A-Za-z0-9_./=:,+@%-]+");

	private static final Pattern LIBPQ_ENVIRONMENT_VARIABLE = Pattern.compile("PG[A-Z]+");

	private static final int TAIL_LINES = 40;

	private Commands() {
	}

	/**
	 * Run a command to completion.
	 * @param command the command and its arguments
	 * @param directory the working directory
	 * @param timeout how long to wait before the command is killed
	 * @return the result
	 * @throws IllegalStateException if the command cannot be started or times out
	 */
	static Result run(List<String> command, Path directory, Duration timeout) {
		Path output = null;
		try {
			output = Files.createTempFile("pg-entities-command-", ".log");
			ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
				.redirectErrorStream(true)
				.redirectOutput(output.toFile())
				.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
			// Variables such as PGDATA or PGPORT would override what the launcher chose.
			Map<String, String> environment = builder.environment();
			environment.keySet().removeIf((name) -> LIBPQ_ENVIRONMENT_VARIABLE.matcher(name).matches());
			Process process = builder.start();
			if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				process.descendants().forEach(ProcessHandle::destroyForcibly);
				process.destroyForcibly();
				process.waitFor(5, TimeUnit.SECONDS);
				throw new IllegalStateException("Command " + display(command) + " did not finish within "
						+ timeout.toSeconds() + " s" + outputSuffix(tail(read(output))));
			}
			return new Result(command, process.exitValue(), read(output));
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not run " + display(command) + ": " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while running " + display(command), ex);
		}
		finally {
			if (output != null) {
				try {
					Files.deleteIfExists(output);
				}
				catch (IOException ex) {
					// A temporary file left behind is harmless
				}
			}
		}
	}

	private static String read(Path file) throws IOException {
		return new String(Files.readAllBytes(file), Charset.defaultCharset());
	}

	/**
	 * Return the last lines of a text.
	 * @param text the text
	 * @return its last lines
	 */
	static String tail(String text) {
		List<String> lines = Arrays.asList(text.strip().split("\\R"));
		return String.join(System.lineSeparator(), lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()));
	}

	/**
	 * Return the last lines of a file, or an empty string if it cannot be read.
	 * @param file the file
	 * @return its last lines
	 */
	static String tail(Path file) {
		try {
			return Files.isRegularFile(file) ? tail(read(file)) : "";
		}
		catch (IOException ex) {
			return "";
		}
	}

	static String outputSuffix(String output) {
		return output.isBlank() ? "" : ". Output:" + System.lineSeparator() + output;
	}

	/**
	 * Return a command as it would be typed into a shell.
	 * @param command the command
	 * @return the display form
	 */
	static String display(List<String> command) {
		return command.stream().map(Commands::shellQuote).collect(Collectors.joining(" "));
	}

	/**
	 * Quote a word for {@code /bin/sh}.
	 * @param word the word
	 * @return the word, quoted if needed
	 */
	static String shellQuote(String word) {
		if (SAFE_SHELL_WORD.matcher(word).matches()) {
			return word;
		}
		return "'" + word.replace("'", "'\"'\"'") + "'";
	}

	/**
	 * The outcome of a command.
	 *
	 * @param command the command and its arguments
	 * @param exitCode the exit code
	 * @param output standard output and error, interleaved
	 */
	record Result(List<String> command, int exitCode, String output) {

		boolean succeeded() {
			return this.exitCode == 0;
		}

		/**
		 * Throw unless the command succeeded.
		 * @param action what the command was meant to do, such as "initdb"
		 * @param details more text for the message, such as the tail of a server log
		 * @return this result
		 */
		Result checkSucceeded(String action, String details) {
			if (!succeeded()) {
				throw new IllegalStateException(failureMessage(action) + details);
			}
			return this;
		}

		String failureMessage(String action) {
			return action + " failed: " + display(this.command) + " exited with code " + this.exitCode
					+ outputSuffix(tail(this.output));
		}

	}

}
