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

package io.pgentities.testsupport;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A PostgreSQL JDBC URL taken apart, so that URLs of other databases on the same server
 * can be made from it.
 */
final class JdbcUrl {

	private static final String SCHEME = "jdbc:postgresql:";

	private final String prefix;

	private final String database;

	private final List<String> parameters;

	private final @Nullable String user;

	private final @Nullable String password;

	private JdbcUrl(String prefix, String database, List<String> parameters, @Nullable String user,
			@Nullable String password) {
		this.prefix = prefix;
		this.database = database;
		this.parameters = parameters;
		this.user = user;
		this.password = password;
	}

	/**
	 * Parse a JDBC URL such as
	 * {@code jdbc:postgresql://localhost:5432/postgres?user=postgres&ssl=false}.
	 * @param url the URL
	 * @return the parsed URL
	 * @throws IllegalArgumentException if it is not a PostgreSQL JDBC URL
	 */
	static JdbcUrl parse(String url) {
		if (!url.startsWith(SCHEME)) {
			throw new IllegalArgumentException("'" + url.replaceAll("\\?.*", "?...")
					+ "' is not a PostgreSQL JDBC URL, which starts with " + SCHEME);
		}
		String rest = url.substring(SCHEME.length());
		String query = "";
		int queryStart = rest.indexOf('?');
		if (queryStart >= 0) {
			query = rest.substring(queryStart + 1);
			rest = rest.substring(0, queryStart);
		}
		String prefix = SCHEME;
		String database = rest;
		if (rest.startsWith("//")) {
			int slash = rest.indexOf('/', 2);
			prefix = SCHEME + ((slash >= 0) ? rest.substring(0, slash + 1) : rest + "/");
			database = (slash >= 0) ? rest.substring(slash + 1) : "";
		}
		List<String> parameters = new ArrayList<>();
		String user = null;
		String password = null;
		for (String parameter : query.split("&")) {
			int equals = parameter.indexOf('=');
			String name = decode((equals >= 0) ? parameter.substring(0, equals) : parameter);
			String value = decode((equals >= 0) ? parameter.substring(equals + 1) : "");
			if (name.equals("user")) {
				user = value;
			}
			else if (name.equals("password")) {
				password = value;
			}
			else if (!parameter.isEmpty()) {
				parameters.add(parameter);
			}
		}
		return new JdbcUrl(prefix, decode(database), List.copyOf(parameters), user, password);
	}

	/**
	 * Return the database of the URL.
	 * @return the database, empty if the URL names none
	 */
	String database() {
		return this.database;
	}

	/**
	 * Return the {@code user} parameter of the URL.
	 * @return the user, or {@code null}
	 */
	@Nullable String user() {
		return this.user;
	}

	/**
	 * Return the {@code password} parameter of the URL.
	 * @return the password, or {@code null}
	 */
	@Nullable String password() {
		return this.password;
	}

	/**
	 * Return the URL of another database on the same server, with the same parameters
	 * except for user and password.
	 * @param database the database
	 * @return the URL
	 */
	String withDatabase(String database) {
		String url = this.prefix + URLEncoder.encode(database, StandardCharsets.UTF_8).replace("+", "%20");
		return this.parameters.isEmpty() ? url : url + "?" + String.join("&", this.parameters);
	}

	private static String decode(String text) {
		return URLDecoder.decode(text, StandardCharsets.UTF_8);
	}

}
