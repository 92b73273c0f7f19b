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
package io.pgentities;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads entities from SQL: one or more complete {@code CREATE FUNCTION}, {@code PROCEDURE},
 * {@code VIEW}, {@code MATERIALIZED VIEW}, {@code TRIGGER}, {@code POLICY}, {@code EXTENSION}, {@code AGGREGATE} or
 * {@code EVENT TRIGGER} statements, with
 * {@code CREATE INDEX} statements for the materialized views and {@code COMMENT ON} statements
 * for any of them. Statements may be formatted in any way PostgreSQL accepts; unqualified names
 * belong to a default schema. Any other statement is rejected, so that reading a file can
 * never do more than declare.
 */
public final class PgEntities {

	private static final String DEFAULT_SCHEMA = "public";

	private PgEntities() {
	}

	/**
	 * Reads entities from SQL text; unqualified names belong to {@code public}.
	 * @param sql the statements
	 * @return the entities in the order of their {@code CREATE} statements
	 * @throws InvalidDeclarationException if the text is invalid or does more than declare entities
	 */
	public static List<PgEntity> fromSql(String sql) {
		return fromSql(sql, "sql", DEFAULT_SCHEMA);
	}

	/**
	 * Reads entities from SQL text.
	 * @param sql the statements
	 * @param sourceName where the text comes from; each entity's source is this name, a colon
	 * and the line of its {@code CREATE}
	 * @param defaultSchema the schema of unqualified names
	 * @return the entities in the order of their {@code CREATE} statements
	 * @throws InvalidDeclarationException if the text is invalid or does more than declare entities
	 */
	public static List<PgEntity> fromSql(String sql, String sourceName, String defaultSchema) {
		String text = sql.startsWith("\uFEFF") ? sql.substring(1) : sql;
		return SqlDeclarations.read(text, sourceName, defaultSchema);
	}

	/**
	 * Reads entities from a UTF-8 file; unqualified names belong to {@code public}.
	 * @param file the file
	 * @return the entities in the order of their {@code CREATE} statements
	 * @throws InvalidDeclarationException if the file's SQL is invalid or does more than declare entities
	 * @throws PgEntitiesException if the file cannot be read
	 */
	public static List<PgEntity> fromFile(Path file) {
		return fromFile(file, DEFAULT_SCHEMA);
	}

	/**
	 * Reads entities from a UTF-8 file.
	 * @param file the file
	 * @param defaultSchema the schema of unqualified names
	 * @return the entities in the order of their {@code CREATE} statements; their sources are
	 * {@code file <path>:<line>}
	 * @throws InvalidDeclarationException if the file's SQL is invalid or does more than declare entities
	 * @throws PgEntitiesException if the file cannot be read
	 */
	public static List<PgEntity> fromFile(Path file, String defaultSchema) {
		String sql;
		try {
			sql = Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (NoSuchFileException ex) {
			throw new PgEntitiesException("Entity file " + file + " does not exist", ex);
		}
		catch (IOException ex) {
			throw new PgEntitiesException("Could not read entity file " + file + " as UTF-8: " + ex, ex);
		}
		return fromSql(sql, "file " + file, defaultSchema);
	}

	/**
	 * Reads entities from a UTF-8 classpath resource, found with the thread context class
	 * loader; unqualified names belong to {@code public}.
	 * @param classpathLocation the resource's location, such as {@code db/entities/views.sql}
	 * @return the entities in the order of their {@code CREATE} statements
	 * @throws InvalidDeclarationException if the resource's SQL is invalid or does more than declare entities
	 * @throws PgEntitiesException if the resource does not exist or cannot be read
	 */
	public static List<PgEntity> fromResource(String classpathLocation) {
		ClassLoader classLoader = Thread.currentThread().getContextClassLoader();
		return fromResource(classpathLocation, (classLoader != null) ? classLoader : PgEntities.class.getClassLoader(),
				DEFAULT_SCHEMA);
	}

	/**
	 * Reads entities from a UTF-8 classpath resource.
	 * @param classpathLocation the resource's location, such as {@code db/entities/views.sql}
	 * @param classLoader the class loader to find it with
	 * @param defaultSchema the schema of unqualified names
	 * @return the entities in the order of their {@code CREATE} statements; their sources are
	 * {@code classpath <location>:<line>}
	 * @throws InvalidDeclarationException if the resource's SQL is invalid or does more than declare entities
	 * @throws PgEntitiesException if the resource does not exist or cannot be read
	 */
	public static List<PgEntity> fromResource(String classpathLocation, ClassLoader classLoader, String defaultSchema) {
		String name = classpathLocation.startsWith("/") ? classpathLocation.substring(1) : classpathLocation;
		String sql;
		try (InputStream in = classLoader.getResourceAsStream(name)) {
			if (in == null) {
				throw new PgEntitiesException("Entity resource " + classpathLocation + " is not on the classpath");
			}
			sql = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(in.readAllBytes())).toString();
		}
		catch (IOException ex) {
			throw new PgEntitiesException("Could not read entity resource " + classpathLocation + " as UTF-8: " + ex,
					ex);
		}
		return fromSql(sql, "classpath " + classpathLocation, defaultSchema);
	}

}
