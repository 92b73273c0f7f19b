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
package io.pgentities.internal.catalog;

import java.util.ArrayList;
import java.util.List;

import io.pgentities.EntityKind;
import io.pgentities.PgEntity;
import io.pgentities.PgExtension;
import io.pgentities.internal.sql.Identifiers;
import org.jspecify.annotations.Nullable;

/**
 * An extension as the catalog describes it, with what the server's control files say about it.
 *
 * @param oid the OID
 * @param name its name
 * @param schema the schema its objects are installed in
 * @param version the installed version
 * @param relocatable whether {@code ALTER EXTENSION ... SET SCHEMA} can move it
 * @param defaultVersion the version {@code CREATE EXTENSION} installs without {@code VERSION},
 * or {@code null} if the server has no control file for it
 * @param availableVersions the versions the server can install, sorted
 * @param comment the comment
 */
public record CatalogExtension(long oid, String name, String schema, String version, boolean relocatable,
		@Nullable String defaultVersion, List<String> availableVersions, @Nullable String comment)
		implements CatalogEntity {

	public CatalogExtension {
		availableVersions = List.copyOf(availableVersions);
	}

	@Override
	public EntityKind kind() {
		return EntityKind.EXTENSION;
	}

	@Override
	public String identity() {
		return Identifiers.quote(this.name);
	}

	@Override
	public String canonicalDefinition() {
		return createStatement(this.name, this.schema, this.version, false);
	}

	/**
	 * The {@code CREATE EXTENSION} statement for a declaration or a catalog row.
	 * @param name the extension's name
	 * @param schema the schema of its objects
	 * @param version the version, or {@code null} for the server's default
	 * @param ifNotExists whether the statement says {@code IF NOT EXISTS}
	 * @return the statement
	 */
	public static String createStatement(String name, String schema, @Nullable String version, boolean ifNotExists) {
		return "CREATE EXTENSION " + (ifNotExists ? "IF NOT EXISTS " : "") + Identifiers.quote(name) + " WITH SCHEMA "
				+ Identifiers.quote(schema) + ((version != null) ? " VERSION " + Identifiers.literal(version) : "");
	}

	/**
	 * The extension as declared: an extension the database has already is not created again
	 * by the simulation, so the declared schema and version (the default version when none is
	 * declared) replace the installed ones.
	 * @throws IllegalArgumentException if the server cannot install the declared version
	 */
	@Override
	public CatalogEntity asDeclaredBy(PgEntity declared) {
		if (!(declared instanceof PgExtension extension)) {
			return this;
		}
		String declaredVersion = (extension.version() != null) ? extension.version() : this.defaultVersion;
		if (declaredVersion == null || !this.availableVersions.contains(declaredVersion)) {
			throw new IllegalArgumentException((extension.version() != null)
					? "version " + Identifiers.literal(extension.version()) + " of extension " + identity()
							+ " is not available on this server, which has " + String.join(", ", this.availableVersions)
					: "extension " + identity() + " has no control file on this server");
		}
		return new CatalogExtension(this.oid, this.name, extension.schema(), declaredVersion, this.relocatable,
				this.defaultVersion, this.availableVersions, this.comment);
	}

	/**
	 * {@code ALTER EXTENSION ... SET SCHEMA} for a relocatable extension, then
	 * {@code ALTER EXTENSION ... UPDATE TO} for another version; an extension that is not
	 * relocatable moves only by dropping it, with everything that uses it.
	 */
	@Override
	public Change changeFrom(CatalogEntity current, @Nullable PgEntity declared) {
		CatalogExtension installed = (CatalogExtension) current;
		List<String> statements = new ArrayList<>();
		List<String> description = new ArrayList<>();
		if (!installed.schema.equals(this.schema)) {
			if (!installed.relocatable) {
				return new Change.Recreate("extension " + identity() + " is not relocatable: it moves to schema "
						+ Identifiers.quote(this.schema) + " only by DROP and CREATE");
			}
			statements.add("ALTER EXTENSION " + identity() + " SET SCHEMA " + Identifiers.quote(this.schema));
			description.add("ALTER EXTENSION SET SCHEMA");
		}
		if (!installed.version.equals(this.version)) {
			statements.add("ALTER EXTENSION " + identity() + " UPDATE TO " + Identifiers.literal(this.version));
			description.add("ALTER EXTENSION UPDATE TO");
		}
		return new Change.InPlace(String.join(", ", description), statements);
	}

}
