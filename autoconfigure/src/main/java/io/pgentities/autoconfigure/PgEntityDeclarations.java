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
package io.pgentities.autoconfigure;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import io.pgentities.PgEntity;

import org.springframework.core.io.support.ResourcePatternResolver;

/**
 * The entities an application declares, as the startup check, the Flyway callback, the
 * generator and the actuator endpoint see them. Auto-configuration provides one that
 * collects {@link PgEntity} beans, beans that are collections of entities, and the SQL
 * files at {@code pg-entities.locations}; define a bean of this type to replace it.
 */
@FunctionalInterface
public interface PgEntityDeclarations {

	/**
	 * Return the declared entities, each with its {@link PgEntity#source() source} set. No
	 * two of them have the same identity.
	 * @return the entities
	 */
	List<PgEntity> entities();

	/**
	 * Return a short, stable fingerprint of the declared set: a hash of each entity's kind,
	 * identity and {@link PgEntity#createStatement() declaration}, independent of their
	 * order and of where they are declared. Instances that declare the same entities have
	 * the same fingerprint, so that a dashboard shows which declarations each one runs.
	 * @return twelve hexadecimal digits
	 */
	default String fingerprint() {
		List<String> declared = entities().stream()
			.map((entity) -> entity.kind() + " " + entity.identity() + "\n" + entity.createStatement())
			.sorted()
			.toList();
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			for (String declaration : declared) {
				digest.update(declaration.getBytes(StandardCharsets.UTF_8));
				digest.update((byte) 0);
			}
			return HexFormat.of().formatHex(digest.digest(), 0, 6);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java platform supports SHA-256", ex);
		}
	}

	/**
	 * Return the declarations of the SQL files at resource patterns, read as the
	 * auto-configuration reads {@code pg-entities.locations}: each entity's source is its
	 * file and line, and a location that does not exist declares nothing.
	 * @param resolver the resolver of the patterns
	 * @param locations the resource patterns, such as {@code classpath*:db/entities/**}{@code /*.sql}
	 * @param defaultSchema the schema of entities whose names are not qualified
	 * @return the declarations, read once, now
	 * @throws io.pgentities.PgEntitiesException if a file cannot be read or declares an
	 * entity twice
	 */
	static PgEntityDeclarations fromFiles(ResourcePatternResolver resolver, List<String> locations,
			String defaultSchema) {
		List<PgEntity> entities = ApplicationPgEntityDeclarations.fromFiles(resolver, locations, defaultSchema);
		return () -> entities;
	}

}
