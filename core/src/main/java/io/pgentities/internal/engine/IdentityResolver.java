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
package io.pgentities.internal.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import io.pgentities.PgEntitiesException;
import io.pgentities.internal.catalog.CatalogReader;
import io.pgentities.internal.simulate.ServerError;
import io.pgentities.internal.sql.Identifiers;
import io.pgentities.internal.sql.RoutineSignature;
import io.pgentities.internal.sql.SqlLexer;
import io.pgentities.internal.sql.Token;
import org.jspecify.annotations.Nullable;

/**
 * Reads an identity written by hand ({@code f(int)}, {@code Public.F(integer,timestamptz)})
 * as PostgreSQL would: unquoted names fold to lower case, an unqualified name is in the
 * default schema, and each argument type is resolved by the server ({@code to_regtype}) and
 * printed as identities print it ({@code format_type} under the printing search path). The
 * server is only read, in a read-only transaction that is rolled back.
 */
public final class IdentityResolver {

	/** PostgreSQL's {@code FUNC_MAX_ARGS}: no routine has more arguments. */
	private static final int MAX_ARGUMENTS = 100;

	private final DataSource dataSource;

	private final EngineSettings settings;

	/**
	 * Creates a resolver.
	 * @param dataSource the database whose types resolve argument types
	 * @param settings the settings: the default schema and the timeouts
	 */
	public IdentityResolver(DataSource dataSource, EngineSettings settings) {
		this.dataSource = dataSource;
		this.settings = settings;
	}

	/**
	 * The identities a text may stand for, most likely first. A name alone may be a view in the
	 * default schema, an extension or an event trigger, and a two-part name without an argument list a view
	 * ({@code schema.name}) or a trigger or policy in the default schema ({@code table.name}),
	 * so each gives both.
	 * @param text the identity as written
	 * @return the canonical identities; the text itself, stripped, when it is no identity
	 * @throws PgEntitiesException if the database cannot be read
	 */
	public List<String> resolve(String text) {
		Written written = Written.parse(text);
		if (written == null) {
			return List.of(text.strip());
		}
		String defaultSchema = this.settings.defaultSchema();
		List<String> names = written.names();
		if (written.arguments() == null) {
			return switch (names.size()) {
				case 1 -> List.of(Identifiers.qualify(defaultSchema, names.get(0)), Identifiers.quote(names.get(0)));
				case 2 -> List.of(Identifiers.qualify(names.get(0), names.get(1)),
						Identifiers.qualify(defaultSchema, names.get(0), names.get(1)));
				default -> List.of(Identifiers.qualify(names.get(0), names.get(1), names.get(2)));
			};
		}
		if (names.size() > 2 || written.arguments().size() > MAX_ARGUMENTS) {
			return List.of(text.strip());
		}
		String schema = (names.size() == 2) ? names.get(0) : defaultSchema;
		String name = names.get(names.size() - 1);
		return List.of(Identifiers.qualify(schema, name) + "(" + String.join(", ", types(written.arguments())) + ")");
	}

	private List<String> types(List<String> arguments) {
		List<String> lexical = arguments.stream()
			.map((argument) -> RoutineSignature.identityArgumentTypes(argument, true))
			.toList();
		if (lexical.isEmpty()) {
			return lexical;
		}
		try {
			return Transaction.rolledBack(this.dataSource, (connection) -> resolveTypes(connection, lexical));
		}
		catch (SQLException ex) {
			throw new PgEntitiesException("Resolving the argument types " + lexical + " failed: "
					+ ServerError.of(ex).message(), ex);
		}
	}

	private List<String> resolveTypes(Connection connection, List<String> lexical) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("SET TRANSACTION READ ONLY");
			for (String setting : this.settings.checkTransactionSettings()) {
				statement.execute(setting);
			}
			// unqualified type names resolve as in the declarations: in the default schema
			statement.execute("SET LOCAL search_path = " + Identifiers.quote(this.settings.defaultSchema()));
		}
		List<@Nullable Long> oids = new ArrayList<>();
		try (PreparedStatement query = connection.prepareStatement("select to_regtype(?)::oid")) {
			for (String type : lexical) {
				oids.add(oid(connection, query, type));
			}
		}
		CatalogReader.usePrintingSearchPath(connection);
		List<String> types = new ArrayList<>();
		try (PreparedStatement query = connection.prepareStatement("select format_type(?::oid, null)")) {
			for (int i = 0; i < lexical.size(); i++) {
				Long oid = oids.get(i);
				if (oid == null) {
					types.add(lexical.get(i));
					continue;
				}
				query.setLong(1, oid);
				try (ResultSet result = query.executeQuery()) {
					result.next();
					types.add(result.getString(1));
				}
			}
		}
		return types;
	}

	/**
	 * The type's OID, or {@code null} when there is no such type or the text is no type name
	 * at all ({@code to_regtype} raises a syntax error for those).
	 */
	private static @Nullable Long oid(Connection connection, PreparedStatement query, String type)
			throws SQLException {
		Savepoint savepoint = connection.setSavepoint();
		try {
			query.setString(1, type);
			try (ResultSet result = query.executeQuery()) {
				result.next();
				long oid = result.getLong(1);
				return result.wasNull() ? null : oid;
			}
		}
		catch (SQLException ex) {
			connection.rollback(savepoint);
			return null;
		}
	}

	/**
	 * An identity as written: one to three names, folded, and the argument list split at
	 * its top-level commas, or {@code null} without one.
	 */
	private record Written(List<String> names, @Nullable List<String> arguments) {

		static @Nullable Written parse(String text) {
			List<Token> tokens;
			try {
				tokens = SqlLexer.meaningfulTokens(text);
			}
			catch (RuntimeException ex) {
				return null;
			}
			List<String> names = new ArrayList<>();
			int i = 0;
			while (i < tokens.size() && tokens.get(i).isIdentifier()) {
				names.add(tokens.get(i).identifier());
				i++;
				if (i < tokens.size() && tokens.get(i).is(".")) {
					i++;
				}
				else {
					break;
				}
			}
			if (names.isEmpty() || names.size() > 3 || (i > 0 && tokens.get(i - 1).is("."))) {
				return null;
			}
			if (i == tokens.size()) {
				return new Written(names, null);
			}
			if (!tokens.get(i).is("(") || RoutineSignature.closingParenthesis(tokens, i) != tokens.size() - 1) {
				return null;
			}
			List<Token> inside = tokens.subList(i + 1, tokens.size() - 1);
			List<String> arguments = new ArrayList<>();
			for (List<Token> argument : RoutineSignature.splitTopLevel(inside)) {
				Token first = argument.get(0);
				Token last = argument.get(argument.size() - 1);
				arguments.add(text.substring(first.offset(), last.end()));
			}
			return new Written(names, arguments);
		}

	}

}
